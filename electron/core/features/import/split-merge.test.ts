import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract';
import { parseText } from '../../../../shared/parse';
import { createImportService, type ImportOptions } from './import-service';
import { BY, testLibrary } from '../../test-support/fixtures';

/** Two documents the parser reads as one: the second title has no 关于…的通知 to find it by (lines 12–20). */
const TWO_AS_ONE = [
  '招远市人民政府',
  '关于印发招远市城区停车管理办法的通知',
  '招政发〔2023〕3号',
  '',
  '各镇人民政府、街道办事处，市政府各部门：',
  '现将《招远市城区停车管理办法》印发给你们，请认真贯彻执行。',
  '本办法自2023年3月1日起施行，有效期五年。',
  '',
  '招远市人民政府',
  '2023年2月10日',
  '',
  '招远市人民政府办公室',
  '印发招远市农村公路养护工作方案',
  '招政办发〔2023〕8号',
  '',
  '各镇人民政府、街道办事处：',
  '现将农村公路养护工作方案印发给你们，请结合实际认真抓好落实。',
  '',
  '招远市人民政府办公室',
  '2023年2月20日',
].join('\n');

/** Reads files as UTF-8 text and extracts them with the real parser, in process. */
const extract: ImportOptions['extract'] = async (name, bytes) => {
  const text = Buffer.from(bytes).toString('utf8');
  return { encoding: 'utf-8', note: null, text, result: parseText(text, { file: name, encoding: 'utf-8' }) };
};
const upload = (name: string, text: string) => ({ name, dataBase64: Buffer.from(text).toString('base64') });

async function staged(text = TWO_AS_ONE) {
  const lib = testLibrary();
  const imports = createImportService(lib.ctx, lib, { extract });
  const [file] = await imports.parse([upload('两件.txt', text)]);
  return { ...lib, imports, file, stagedId: file.stagedId! };
}

const texts = (lines: Array<{ text: string }>) => lines.map((l) => l.text);

describe('import:split and import:merge (staged, re-extracted by the parser)', () => {
  it('splits a document the parser merged at the chosen line: nothing lost, each part extracted with its own title, 文号 and date', async () => {
    const { imports, file, stagedId } = await staged();
    expect(file.documents.map((d) => d.docNumber?.normalized)).toEqual(['招政发〔2023〕3号']);
    const whole = imports.lines(stagedId, 0).lines;
    const at = whole.findIndex((l) => l.text === '招远市人民政府办公室');
    expect(whole[at].line).toBe(12);

    const after = imports.split(stagedId, 0, at);
    expect(after.documents.map((d) => [d.title, d.docNumber?.normalized, d.dateSigned, d.lineStart, d.lineEnd])).toEqual([
      ['招远市人民政府关于印发招远市城区停车管理办法的通知', '招政发〔2023〕3号', '2023-02-10', 1, 10],
      ['印发招远市农村公路养护工作方案', '招政办发〔2023〕8号', '2023-02-20', 12, 20],
    ]);
    expect(after.documents[1].body).toContain('现将农村公路养护工作方案印发给你们，请结合实际认真抓好落实。');
    expect(after.documents[0].body.join('')).not.toContain('农村公路');
    // The text of the parts, concatenated, is the text of the document that was split.
    expect([...texts(imports.lines(stagedId, 0).lines), ...texts(imports.lines(stagedId, 1).lines)]).toEqual(texts(whole));
  });

  it('merges a document with the next: texts joined, the first one’s metadata kept, the indices after it move up', async () => {
    const three = `${TWO_AS_ONE}\n\n招远市人民政府\n关于加强安全生产工作的通知\n招政发〔2023〕9号\n\n各镇人民政府：\n请加强安全生产工作。\n\n招远市人民政府\n2023年3月1日`;
    const { imports, stagedId } = await staged(three);
    imports.split(stagedId, 0, 11);
    const before = [0, 1, 2].map((i) => texts(imports.lines(stagedId, i).lines));
    expect(imports.lines(stagedId, 2).lines[1].text).toBe('关于加强安全生产工作的通知');

    const merged = imports.merge(stagedId, 0);
    expect(merged.documents.map((d) => d.docNumber?.normalized)).toEqual(['招政发〔2023〕3号', '招政发〔2023〕9号']);
    expect(merged.documents[0]).toMatchObject({ title: '招远市人民政府关于印发招远市城区停车管理办法的通知', dateSigned: '2023-02-10', lineStart: 1, lineEnd: 20 });
    expect(merged.documents[0].body).toContain('现将农村公路养护工作方案印发给你们，请结合实际认真抓好落实。');
    expect(texts(imports.lines(stagedId, 0).lines)).toEqual([...before[0], ...before[1]]);
    expect(texts(imports.lines(stagedId, 1).lines)).toEqual(before[2]);
    expect(() => imports.merge(stagedId, 1)).toThrow(/最后一件/);
  });

  it('refuses a split outside the document and says why; a staged id that is gone names the file to parse again', async () => {
    const { imports, stagedId } = await staged();
    expect(() => imports.split(stagedId, 0, 0)).toThrow(/拆分位置应在第 2 行到第 20 行之间/);
    expect(() => imports.split(stagedId, 0, 20)).toThrow(/拆分位置应在第 2 行到第 20 行之间/);
    expect(() => imports.split(stagedId, 3, 5)).toThrow(/没有第 4 件文件/);
    imports.commit(BY, [{ stagedId, gazette: null, documents: [{ index: 0 }] }]);
    expect(() => imports.split(stagedId, 0, 11)).toThrow(/“两件.txt”无法修改：这次解析的结果已经保存过/);
  });

  it('stores the split, the merge and every changed field with the file and the document, by the caller', async () => {
    const { imports, stagedId, ctx, file } = await staged();
    imports.split(stagedId, 0, 11);
    const summary = imports.commit({ ...BY, user: '王科长' }, [
      {
        stagedId,
        gazette: null,
        documents: [
          { index: 0, title: '招远市人民政府关于印发招远市城区停车管理办法的通知' },
          { index: 1, title: '招远市人民政府办公室关于印发招远市农村公路养护工作方案的通知', docNumber: '招政办发〔2023〕08号', validUntil: '2025-02-19' },
        ],
      },
    ]);
    expect(summary.created.map((c) => c.title)).toEqual(['招远市人民政府关于印发招远市城区停车管理办法的通知', '招远市人民政府办公室关于印发招远市农村公路养护工作方案的通知']);
    const split = { kind: 'split', field: null, extractedValue: '《招远市人民政府关于印发招远市城区停车管理办法的通知》（第1–20行）', correctedValue: '第1–11行；第12–20行' };
    const common = { fileName: '两件.txt', createdAt: '2026-11-22T12:00:00.000Z', createdBy: '王科长' };
    // An unchanged title and a 文号 written differently but equal in normalized form are no corrections.
    expect(imports.corrections(summary.created[0].id)).toEqual([{ ...split, ...common }]);
    expect(imports.corrections(summary.created[1].id)).toEqual([
      { ...split, ...common },
      { kind: 'field', field: 'title', extractedValue: '印发招远市农村公路养护工作方案', correctedValue: '招远市人民政府办公室关于印发招远市农村公路养护工作方案的通知', ...common },
      { kind: 'field', field: 'validUntil', extractedValue: null, correctedValue: '2025-02-19', ...common },
    ]);
    const source = ctx.db.prepare('SELECT DISTINCT s.sha256 FROM import_corrections c JOIN source_files s ON s.id = c.source_file_id').pluck().all();
    expect(source).toEqual([file.sha256]);
  });

  it('a split undone by a merge records each boundary change once, not the shared history twice', async () => {
    const { imports, stagedId } = await staged();
    imports.split(stagedId, 0, 11);
    imports.merge(stagedId, 0);
    const summary = imports.commit(BY, [{ stagedId, gazette: null, documents: [{ index: 0 }] }]);
    expect(imports.corrections(summary.created[0].id).map((c) => c.kind)).toEqual(['split', 'merge']);
  });

  it('records nothing for a file imported as extracted', async () => {
    const { imports, file, ctx } = await staged();
    const summary = imports.commitAll(BY, [file]);
    expect(summary.created).toHaveLength(1);
    expect(ctx.db.prepare('SELECT count(*) FROM import_corrections').pluck().get()).toBe(0);
  });

  it('the contract takes a staged id, a document index and a line index, never a text', () => {
    expect(contract['import:split'].req.parse({ stagedId: 's', index: 0, at: 3, text: '篡改' })).toEqual({ stagedId: 's', index: 0, at: 3 });
    expect(() => contract['import:split'].req.parse({ stagedId: 's', index: 0, at: 0 })).toThrow();
    expect(() => contract['import:merge'].req.parse({ stagedId: 's', index: -1 })).toThrow();
    expect(contract['import:split'].access).toBe('edit');
    expect(contract['import:corrections'].access).toBe('read');
  });
});

describe('documents flattened onto one line', () => {
  const notice = (issuer: string, n: number) =>
    `${issuer} 关于印发第${n}项工作方案的通知 招政发〔2023〕${n}号 各镇人民政府： 现将方案印发给你们，请认真贯彻执行。 ${issuer} 2023年2月${n}日`;
  it('merges two that make up the line, and refuses to merge two of three (the third one’s text would be copied)', async () => {
    const two = await staged([notice('招远市人民政府', 1), notice('招远市人民政府', 2)].join(' '));
    expect(two.imports.merge(two.stagedId, 0).documents).toHaveLength(1);
    const three = await staged([1, 2, 3].map((n) => notice('招远市人民政府', n)).join(' '));
    expect(three.imports.lines(three.stagedId, 0).lines).toHaveLength(1);
    expect(() => three.imports.merge(three.stagedId, 0)).toThrow(/与其他文件同在原文的第1行，无法按行合并/);
    expect(() => three.imports.split(three.stagedId, 0, 1)).toThrow(/只有一行文字，无法拆分/);
  });
});
