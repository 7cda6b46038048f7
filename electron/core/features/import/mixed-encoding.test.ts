import { describe, expect, it } from 'vitest';
import { BY, testLibrary } from '../../test-support/fixtures';
import { encodeLegacy } from '../../test-support/hostile-files';
import { AppError } from '../../kernel/errors';
import { detectAndDecode } from './encoding';
import { createImportService } from './import-service';
import { runParseJob } from './parse-job';
import { DEFAULT_PARSE_LIMITS } from './limits';

// Issue 26 item 5: a text whose parts are in different encodings.

const GB_DOC = '招远市人民政府关于印发招远市农村集体经济组织管理办法的通知\n招政发〔2022〕8号\n各镇人民政府、街道办事处，市直各部门：\n现将《招远市农村集体经济组织管理办法》印发给你们，请认真贯彻执行。\n本办法自印发之日起施行，有效期五年。\n招远市人民政府\n2022年2月7日\n';
const GB_DOC2 = '招远市人民政府办公室关于印发招远市城乡环境卫生管理办法的通知\n招政办发〔2022〕15号\n各镇人民政府、街道办事处，市直各部门：\n现将《招远市城乡环境卫生管理办法》印发给你们，请认真贯彻执行。\n本办法自印发之日起施行，有效期三年。\n招远市人民政府办公室\n2022年3月9日\n';
const BIG5_DOC = '臺北市政府關於印發臺北市社區發展協會管理辦法的通知\n府社發〔2021〕12號\n各區公所、市府各局處：\n現將《臺北市社區發展協會管理辦法》印發給你們，請認真貫徹執行。\n本辦法自印發之日起施行，有效期三年。\n臺北市政府\n2021年3月5日\n';
/** Seven lines of notes in traditional characters that make no document. */
const BIG5_NOTE = '臺北市社區發展協會名錄說明\n本名錄由各區公所彙整。\n聯絡電話以各協會公告為準。\n如有異動，請逕洽區公所。\n各區公所應於每年三月前報送。\n臺北市政府社會局彙整發布。\n請各協會配合辦理。\n';

describe('mixed encodings are read section by section', () => {
  it('GBK then Big5: the Big5 part is not stored as mojibake inside the first document', () => {
    const d = detectAndDecode(Buffer.concat([encodeLegacy(GB_DOC, 'gbk'), encodeLegacy(BIG5_DOC, 'big5')]))!;
    expect(d.text).toBe(GB_DOC + BIG5_DOC);
    expect(d.note).toBe('文件中混有不同的编码，已分段读取：第 1–7 行按 GB18030/GBK，第 8–15 行按 Big5（繁体中文）。请逐件核对各段文字是否正确。');
  });

  it('Big5 then GBK: no line is lost', () => {
    const d = detectAndDecode(Buffer.concat([encodeLegacy(BIG5_DOC, 'big5'), encodeLegacy(GB_DOC, 'gbk')]))!;
    expect(d.text).toBe(BIG5_DOC + GB_DOC);
    expect(d.sections).toEqual([
      { from: 1, to: 7, encoding: 'big5' },
      { from: 8, to: 15, encoding: 'gb18030' },
    ]);
  });

  it('UTF-8 with GBK lines pasted in', () => {
    const d = detectAndDecode(Buffer.concat([Buffer.from(GB_DOC), encodeLegacy(GB_DOC2, 'gbk')]))!;
    expect(d.text).toBe(GB_DOC + GB_DOC2);
    expect(d.sections?.map((s) => s.encoding)).toEqual(['utf-8', 'gb18030']);
  });

  it('a line no encoding reads, in a mixed file, is refused by its number', () => {
    const broken = Buffer.concat([Buffer.from(GB_DOC), encodeLegacy(GB_DOC2.slice(0, 40), 'gbk'), Buffer.from([0xff, 0xff, 0x0a]), encodeLegacy(GB_DOC2, 'gbk')]);
    const e = (() => {
      try {
        detectAndDecode(broken);
        return null;
      } catch (err) {
        return err as AppError;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect(e!.message).toMatch(/文件中混有不同的编码（UTF-8、GB18030\/GBK），第 9 行无法按其中任何一种读取，已拒绝/);
  });
});

describe('import review of a mixed file', () => {
  const extract = async (name: string, bytes: Uint8Array, registrationPattern: string) => {
    const reply = await runParseJob({ id: 1, name, bytes, registrationPattern, limits: DEFAULT_PARSE_LIMITS });
    if (!reply.ok) throw new AppError('INVALID_INPUT', reply.message);
    return reply;
  };
  const upload = (name: string, bytes: Buffer) => ({ name, dataBase64: bytes.toString('base64') });

  it('says how each document was read and which part holds no document', async () => {
    const lib = testLibrary();
    const imports = createImportService(lib.ctx, lib, { extract });
    const [f] = await imports.parse([upload('混合.txt', Buffer.concat([encodeLegacy(BIG5_NOTE, 'big5'), Buffer.from(GB_DOC), encodeLegacy(GB_DOC2, 'gbk')]))]);
    expect(f.error).toBeNull();
    expect(f.encodingNote).toMatch(/第 1–7 行按 Big5（繁体中文），第 8–14 行按 UTF-8，第 15–22 行按 GB18030\/GBK/);
    expect(f.documents.map((d) => d.docNumber?.normalized)).toEqual(['招政发〔2022〕8号', '招政办发〔2022〕15号']);
    expect(f.documents[0].reviewWarnings).toContainEqual({ kind: 'encoding', message: '文件中混有不同的编码，本件按 UTF-8 读取，请核对文字。' });
    expect(f.documents[1].reviewWarnings).toContainEqual({ kind: 'encoding', message: '文件中混有不同的编码，本件按 GB18030/GBK 读取，请核对文字。' });
    expect(f.warnings).toContainEqual({ line: 1, message: '第 1–7 行按 Big5（繁体中文） 读取的这部分中没有识别出公文，不会导入，请对照原文件核对。' });
  });

  it('a document in traditional characters (Big5) is read as one, its 文号 kept in simplified characters', async () => {
    const lib = testLibrary();
    const imports = createImportService(lib.ctx, lib, { extract });
    const [f] = await imports.parse([upload('混合.txt', Buffer.concat([encodeLegacy(BIG5_DOC, 'big5'), Buffer.from(GB_DOC)]))]);
    expect(f.documents.map((d) => d.docNumber?.normalized)).toEqual(['府社发〔2021〕12号', '招政发〔2022〕8号']);
    expect(f.documents[0].title).toBe('臺北市政府關於印發臺北市社區發展協會管理辦法的通知');
    expect(f.documents[0].reviewWarnings).toContainEqual({ kind: 'encoding', message: '文件中混有不同的编码，本件按 Big5（繁体中文） 读取，请核对文字。' });
  });

  it('a file imported in part is not "already imported": parsing it again offers what is missing', async () => {
    const lib = testLibrary();
    const imports = createImportService(lib.ctx, lib, { extract });
    const bytes = Buffer.from(GB_DOC + GB_DOC2);
    const [first] = await imports.parse([upload('两件.txt', bytes)]);
    expect(first.documents).toHaveLength(2);
    imports.commit(BY, [{ stagedId: first.stagedId!, gazette: null, documents: [{ index: 0 }] }]);
    const [again] = await imports.parse([upload('两件.txt', bytes)]);
    expect(again.alreadyImported).toBe(false);
    expect(again.documents.map((d) => d.duplicateOf !== null)).toEqual([true, false]);
    const summary = imports.commitAll(BY, [again]);
    expect(summary.created).toHaveLength(1);
    expect((await imports.parse([upload('两件.txt', bytes)]))[0].alreadyImported).toBe(true);
  });
});
