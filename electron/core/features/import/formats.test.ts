import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMPORT_EXTENSIONS } from '../../../../shared/import/supported';
import { parseText } from '../../../../shared/parse';
import { AppError } from '../../kernel/errors';
import { zip } from '../../test-support/hostile-files';
import { DEFAULT_PARSE_LIMITS } from './limits';
import { FORMAT_READERS, readerFor, readImportFile } from './read-file';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/formats');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const enc = (s: string) => new TextEncoder().encode(s);
/** GBK bytes of a string, from GB18030 decoding tables (Node has no GBK encoder): every character here is in GBK. */
function gbk(s: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(dec.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return new Uint8Array([...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

async function refused(p: Promise<unknown>, message: RegExp) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).message).toMatch(message);
}

/** The notice every fixture holds, as the parser must find it. */
function expectNotice(text: string) {
  const [doc] = parseText(text, { file: 'x', encoding: 'utf-8' }).documents;
  expect(doc).toMatchObject({ docNumber: { normalized: '招政办发〔2021〕12号' }, dateSigned: '2021-04-20', effectiveDate: '2021-05-01', validUntil: '2026-04-30' });
  expect(doc.title).toBe('招远市人民政府办公室关于印发招远市政府信息公开办法的通知');
}

describe('the readers registry', () => {
  it('offers exactly the extensions the import page, folders and archives accept', () => {
    expect(FORMAT_READERS.flatMap((r) => r.extensions).sort()).toEqual([...IMPORT_EXTENSIONS].sort());
  });

  it('reads a file by what it is, not what it is called: a .doc that is RTF, HTML, .docx or plain text', async () => {
    const rtf = enc('{\\rtf1\\ansi 关于印发的通知}');
    expect(readerFor('旧文件.doc', rtf).id).toBe('rtf');
    expect(readerFor('旧文件.doc', enc('<html><body><p>通知</p></body></html>')).id).toBe('html');
    expect(readerFor('旧文件.doc', fixture('notice.odt')).id).toBe('odt');
    expect(readerFor('网页.htm', fixture('notice.doc')).id).toBe('doc');
    expect((await readImportFile('另存为.doc', fixture('notice-gbk.html'))).encoding).toBe('html-gbk');
    expect((await readImportFile('纯文本.doc', enc('关于印发的通知\n'))).encoding).toBe('utf-8');
    await refused(readImportFile('表格.xls', enc('a,b')), /不支持的文件类型（\.xls）：支持 .*\.doc、\.wps/);
  });
});

describe('.doc and .wps (Word 97–2003 OLE files)', () => {
  it('reads the body in order, table rows as tab-joined cells, headers and footers apart', async () => {
    const r = await readImportFile('通知.doc', fixture('notice.doc'));
    expect(r.encoding).toBe('doc');
    expect(r.text.split('\n')).toContain('序号\t文件名称\t文号');
    expect(r.text.split('\n')).toContain('1\t关于加强管理的通知\t招政发〔2015〕3号');
    expect(r.text).not.toMatch(/页眉|第 1 页/);
    expect(r.apart).toEqual([{ label: '页眉', text: '招远市人民政府公报（页眉）' }, { label: '页脚', text: '— 第 1 页 —' }]);
    expectNotice(r.text);
  });

  it('a WPS 文字 file (the same OLE format) is read; an old Kingsoft WPS or a damaged one is refused with what to do', async () => {
    expect((await readImportFile('通知.wps', fixture('notice.doc'))).encoding).toBe('wps');
    const old = new Uint8Array(2048).map((_, i) => (i * 37 + 11) & 0xff);
    await refused(readImportFile('九八年.wps', old), /早期金山 WPS 格式.*另存为 \.doc 或 \.docx/);
    const broken = fixture('notice.doc').slice(0, 1536);
    await refused(readImportFile('坏.doc', broken), /无法读取 Word 97–2003 文档.*已加密、损坏/);
  });
});

describe('.rtf', () => {
  it('decodes GBK \\\'hh pairs (\\ansicpg936), \\uN escapes with their fallbacks, tables, and keeps headers apart', async () => {
    const hex = (s: string) => [...gbk(s)].map((b) => `\\'${b.toString(16)}`).join('');
    const u = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0)}?`).join('');
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 ', hex('宋体'), ';}}{\\colortbl;\\red0\\green0\\blue0;}',
      '{\\*\\generator Riched20;}{\\info{\\title ', hex('不应出现'), '}}',
      '{\\header \\pard ', hex('页眉文字'), '\\par}',
      '\\pard ', hex('招远市人民政府办公室关于印发招远市政府信息公开办法的通知'), '\\par ',
      '{\\listtext\\pard\\plain ', hex('一、'), '\\tab}', hex('总则'), '\\par ',
      hex('招政办发'), '\\uc1', u('〔'), '2021', u('〕'), '12', hex('号'), '\\par ',
      hex('各镇人民政府：'), '\\par ',
      hex('本办法自2021年5月1日起施行，有效期至2026年4月30日。'), '\\par ',
      '\\trowd\\cellx2000\\cellx4000 \\intbl ', hex('序号'), '\\cell ', hex('文号'), '\\cell \\row ',
      '\\intbl 1\\cell ', hex('招政发'), '{\\uc2\\u12308\\\'a1\\\'b2}2015{\\uc2\\u12309\\\'a1\\\'b3}3', hex('号'), '\\cell \\row \\pard ',
      '{\\field{\\*\\fldinst HYPERLINK "http://x"}{\\fldrslt ', hex('招远市人民政府办公室'), '}}\\par ',
      hex('2021年4月20日'), '\\par }',
    ].join('');
    const r = await readImportFile('通知.rtf', new TextEncoder().encode(rtf));
    expect(r.encoding).toBe('rtf-cp936');
    expect(r.text).not.toMatch(/宋体|不应出现|页眉|HYPERLINK|\?/);
    expect(r.text.split('\n')).toEqual([
      '招远市人民政府办公室关于印发招远市政府信息公开办法的通知',
      '一、\t总则',
      '招政办发〔2021〕12号',
      '各镇人民政府：',
      '本办法自2021年5月1日起施行，有效期至2026年4月30日。',
      '序号\t文号',
      '1\t招政发〔2015〕3号',
      '招远市人民政府办公室',
      '2021年4月20日',
    ]);
    expect(r.apart).toEqual([{ label: '页眉', text: '页眉文字' }]);
  });

  it('refuses an RTF nested to exhaust the reader, and one whose text passes the limit', async () => {
    await refused(readImportFile('深.rtf', enc(`{\\rtf1 ${'{'.repeat(5000)}x${'}'.repeat(5000)}}`)), /嵌套层次过深/);
    await refused(readImportFile('长.rtf', enc(`{\\rtf1 ${'字'.repeat(2000)}}`), { ...DEFAULT_PARSE_LIMITS, maxTextChars: 1000 }), /文字内容过长/);
  });
});

describe('.odt', () => {
  it('reads paragraphs, tables as rows of cells, headers and footers apart; the flat .fodt too', async () => {
    for (const name of ['notice.odt', 'notice.fodt']) {
      const r = await readImportFile(name, fixture(name));
      expect(r.encoding).toBe('odt');
      expect(r.text.split('\n')).toContain('1\t关于加强管理的通知\t招政发〔2015〕3号');
      expect(r.apart).toEqual([{ label: '页眉', text: '招远市人民政府公报（页眉）' }, { label: '页脚', text: '— 第 1 页 —' }]);
      expectNotice(r.text);
    }
  });

  it('refuses content.xml that inflates past the limit', async () => {
    const xml = Buffer.from(`<office:document-content><office:body><office:text>${'<text:p>炸弹</text:p>'.repeat(200_000)}</office:text></office:body></office:document-content>`);
    const bomb = zip([
      { name: 'mimetype', data: deflateRawSync(Buffer.from('application/vnd.oasis.opendocument.text')), size: 39, crc: crc32('application/vnd.oasis.opendocument.text') },
      { name: 'content.xml', data: deflateRawSync(xml), size: 1000, crc: crc32(xml) },
    ]);
    await refused(readImportFile('炸弹.odt', new Uint8Array(bomb), { ...DEFAULT_PARSE_LIMITS, maxDocxXmlBytes: 1024 * 1024 }), /ODT 文档正文解压后过大/);
  });
});

describe('saved web pages', () => {
  it('a GBK page: the article only (no menus, breadcrumbs, share bar, 打印本页/关闭窗口, footer, scripts), its address and 发布日期 kept', async () => {
    const r = await readImportFile('通知.html', fixture('notice-gbk.html'));
    expect(r.encoding).toBe('html-gbk');
    expect(r.text).not.toMatch(/首页|当前位置|分享到|打印本页|关闭窗口|网站标识码|ICP|不应出现|浏览次数/);
    expect(r.text.split('\n')).toContain('1\t关于加强管理的通知\t招政发〔2015〕3号');
    expect(r.origin).toEqual({ url: 'http://www.zhaoyuan.gov.cn/art/2021/4/21/art_123_456.html', published: '2021-04-21' });
    expectNotice(r.text);
  });

  it('a .mht web archive: the HTML part in quoted-printable GBK, the address it was saved from', async () => {
    const page = fixture('notice-gbk.html');
    const qp = [...page].map((b) => (b >= 0x21 && b <= 0x7e && b !== 0x3d ? String.fromCharCode(b) : b === 0x0a ? '\r\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    const mht = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: http://www.zhaoyuan.gov.cn/art/2021/4/21/art_123_456.html',
      'Subject: =?gbk?Q?x?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc----"',
      '',
      '------MultipartBoundary--abc----',
      'Content-Type: text/html; charset=gbk',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: http://www.zhaoyuan.gov.cn/art/2021/4/21/art_123_456.html',
      '',
      qp,
      '------MultipartBoundary--abc----',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '------MultipartBoundary--abc------',
    ].join('\r\n');
    const r = await readImportFile('通知.mht', enc(mht));
    expect(r.encoding).toBe('mht-gbk');
    expect(r.origin?.url).toBe('http://www.zhaoyuan.gov.cn/art/2021/4/21/art_123_456.html');
    expect(r.text).not.toMatch(/打印本页|分享到/);
    expectNotice(r.text);
  });

  it('a page whose metadata table gives 成文日期 before 发布日期 keeps the 发布日期 as the page’s date', async () => {
    const page = `<html><body><table><tr><td>成文日期：</td><td>2021年04月20日</td><td>发布日期：</td><td>2021年04月23日</td></tr></table>
      <div><p>招远市人民政府关于印发某办法的通知</p><p>招政发〔2022〕3号</p><p>现将某办法印发给你们。</p></div></body></html>`;
    expect((await readImportFile('a.html', enc(page))).origin).toEqual({ url: null, published: '2021-04-23' });
  });

  it('an article in a container whose class sounds like chrome (article-print) is kept', async () => {
    const body = ['招远市人民政府关于印发某办法的通知', '招政发〔2022〕3号', '各镇人民政府：现将某办法印发给你们，请认真贯彻执行。'.repeat(8), '招远市人民政府', '2022年1月5日'];
    const page = `<html><body><div class="nav"><a href="/">首页</a></div><div class="article-print">${body.map((l) => `<p>${l}</p>`).join('')}</div></body></html>`;
    expect((await readImportFile('a.html', enc(page))).text).toBe(body.join('\n'));
  });

  it('menus and link lists without telling class names are left out too', async () => {
    const page = `<html><body><div><a href="/">首页</a> <a href="/a">机构概况</a> <a href="/b">政务公开</a></div>
      <div><p>招远市人民政府关于印发某办法的通知</p><p>招政发〔2022〕3号</p><p>各镇人民政府：现将某办法印发给你们。</p><p>招远市人民政府</p><p>2022年1月5日</p></div>
      <ul><li><a href="/1">招远市人民政府关于另一件事的通知</a></li><li><a href="/2">关于第三件事的通知</a></li></ul></body></html>`;
    const r = await readImportFile('a.html', enc(page));
    expect(r.text).toBe(['招远市人民政府关于印发某办法的通知', '招政发〔2022〕3号', '各镇人民政府：现将某办法印发给你们。', '招远市人民政府', '2022年1月5日'].join('\n'));
  });

  it('a page saved as UTF-16 ("Unicode") is a page, not text with its markup', async () => {
    const html = '<html><body><p>关于印发的通知</p><div class="footer">版权所有</div></body></html>';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...html].map((c) => c.charCodeAt(0))).buffer)]);
    const r = await readImportFile('a.htm', bytes);
    expect([r.encoding, r.text]).toEqual(['html-utf-16le', '关于印发的通知']);
  });

  it('a UTF-8 page that declares nothing, and one that says UTF-8 but is GBK', async () => {
    expect((await readImportFile('a.htm', enc('<html><body><p>关于印发的通知</p></body></html>'))).text).toBe('关于印发的通知');
    const lying = new Uint8Array([...enc('<html><head><meta charset="utf-8"></head><body><p>'), ...gbk('关于印发的通知'), ...enc('</p></body></html>')]);
    expect((await readImportFile('b.htm', lying)).text).toBe('关于印发的通知');
  });
});
