import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors';
import { writeZip } from '../../export/zip-write';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../limits';
import { runParseJob } from '../parse-job';
import { readImportFile } from '../read-file';
import { deltas } from './page-text';
import { readOfd, readOfdPages } from './read-ofd';

/**
 * OFD packages written here, part by part, the way different producers write them: with and without the `ofd:`
 * prefix, relative and absolute part paths, Chinese folder names, templates, nested page blocks, CTMs, seals,
 * annotations and attachments — and broken, encrypted and oversized ones.
 */

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const now = new Date('2026-12-01T08:00:00Z');
const enc = new TextEncoder();

function pack(parts: Record<string, string | Uint8Array>): Uint8Array {
  return writeZip(Object.entries(parts).map(([name, data]) => ({ name, data: typeof data === 'string' ? enc.encode(data) : data })), now);
}

const ofdXml = (extra = '', root = 'Doc_0/Document.xml') =>
  `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID><ofd:Title>测试</ofd:Title>` +
  `<ofd:CustomDatas><ofd:CustomData Name="文号">招政发〔2022〕8号</ofd:CustomData></ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>${root}</ofd:DocRoot>${extra}</ofd:DocBody></ofd:OFD>`;

const documentXml = (pages: string[], extra = '', common = '') =>
  `<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>${common}</ofd:CommonData>` +
  `<ofd:Pages>${pages.map((loc, i) => `<ofd:Page ID="${i + 1}" BaseLoc="${loc}"/>`).join('')}</ofd:Pages>${extra}</ofd:Document>`;

const text = (x: number, y: number, s: string, attrs = '', code = '') =>
  `<ofd:TextObject ID="9" Boundary="${x} ${y} 150 10" Font="1" Size="5" ${attrs}><ofd:TextCode X="0" Y="5" ${code}>${s}</ofd:TextCode></ofd:TextObject>`;

const page = (objects: string, head = '') => `<ofd:Page ${NS}>${head}<ofd:Content><ofd:Layer ID="2">${objects}</ofd:Layer></ofd:Content></ofd:Page>`;

const simple = (objects: string) =>
  pack({ 'OFD.xml': ofdXml(), 'Doc_0/Document.xml': documentXml(['Pages/Page_0/Content.xml']), 'Doc_0/Pages/Page_0/Content.xml': page(objects) });

async function refused(p: Promise<unknown> | (() => unknown), message: RegExp) {
  const e = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('INVALID_INPUT');
  expect((e as AppError).message).toMatch(message);
}

describe('OFD text in reading order', () => {
  it('reads lines top to bottom and left to right, whatever order the objects are written in', () => {
    const bytes = simple(text(30, 60, '第二行') + text(30, 40, '关于印发的通知') + text(120, 60.4, '右侧'));
    const r = readOfd(bytes, DEFAULT_PARSE_LIMITS);
    expect(r.text).toBe('关于印发的通知\n第二行 右侧');
    expect(r.pages).toBe(1);
    expect(r.encoding).toBe('ofd');
  });

  it('reads only what lies on the page: text placed off the PhysicalBox is not drawn', () => {
    // documentXml's PageArea is 210 × 297 mm
    expect(readOfd(simple(text(30, 40, '正文') + text(30, 320, '页外文字') + text(-200, 40, '左侧页外')), DEFAULT_PARSE_LIMITS).text).toBe('正文');
    const ownBox = pack({
      'OFD.xml': ofdXml(),
      'Doc_0/Document.xml': documentXml(['Pages/Page_0/Content.xml']),
      'Doc_0/Pages/Page_0/Content.xml': page(text(30, 40, '正文') + text(30, 320, '长页内'), '<ofd:Area><ofd:PhysicalBox>0 0 210 400</ofd:PhysicalBox></ofd:Area>'),
    });
    expect(readOfd(ownBox, DEFAULT_PARSE_LIMITS).text).toBe('正文\n长页内');
  });

  it('reads text set in two columns column by column, and a table row by row', () => {
    // eight lines in two justified columns of 12 characters (5 mm each) under a heading over both
    const col = (x: number, y: number, s: string) => text(x, y, s, '', 'DeltaX="g 11 5"');
    const left = Array.from({ length: 8 }, (_, i) => `左栏第${'一二三四五六七八'[i]}行文字内容到此为止`);
    const right = Array.from({ length: 8 }, (_, i) => `右栏第${'一二三四五六七八'[i]}行文字内容到此为止`);
    const twoColumns = col(20, 20, '跨栏标题') + left.map((l, i) => col(20, 40 + i * 8, l)).join('') + right.map((r, i) => col(110, 40 + i * 8, r)).join('');
    expect(readOfd(simple(twoColumns), DEFAULT_PARSE_LIMITS).text).toBe(['跨栏标题', ...left, ...right].join('\n'));
    // a table: 序号, a wide title and narrow cells, ragged — its rows read across
    const rows = Array.from({ length: 8 }, (_, i) => [String(i + 1), `关于第${i + 1}项工作的通知`.padEnd(8 + (i % 3) * 3, '甲'), `高政发〔2021〕${i + 1}号`, '废止']);
    const table = rows.map((r, i) => col(20, 40 + i * 8, r[0]) + col(32, 40 + i * 8, r[1]) + col(110, 40 + i * 8, r[2]) + col(180, 40 + i * 8, r[3])).join('');
    expect(readOfd(simple(table), DEFAULT_PARSE_LIMITS).text).toBe(rows.map((r) => r.join(' ')).join('\n'));
  });

  it('places every glyph by DeltaX (with the g repeat form) and DeltaY', () => {
    expect(deltas('g 3 5 2.5 g 2 1')).toEqual([5, 5, 5, 2.5, 1, 1]);
    // a repeat count of a billion costs no more than the glyphs it can move
    expect(deltas('g 1000000000 5', 4)).toEqual([5, 5, 5, 5]);
    // 四 glyphs at 0, 5, 10, 15 and a second TextCode continuing the same line: one line, in x order
    const objects =
      `<ofd:TextObject ID="3" Boundary="20 40 150 10" Font="1" Size="5"><ofd:TextCode X="25" Y="5" DeltaX="g 3 5">施行日期</ofd:TextCode>` +
      `<ofd:TextCode X="0" Y="5" DeltaX="5 5">第一条</ofd:TextCode></ofd:TextObject>`;
    expect(readOfd(simple(objects), DEFAULT_PARSE_LIMITS).text).toBe('第一条 施行日期');
    // DeltaY moves glyphs down: a vertical column of three lines
    const column = `<ofd:TextObject ID="3" Boundary="20 40 150 40" Font="1" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="0 0" DeltaY="10 10">甲乙丙</ofd:TextCode></ofd:TextObject>`;
    expect(readOfd(simple(column), DEFAULT_PARSE_LIMITS).text).toBe('甲\n乙\n丙');
  });

  it('applies the CTM and the Boundary: a scaled object lands on its line, a rotated one stays whole', () => {
    // glyphs at 0.5 units, CTM scales by 10: the second line sits 30 mm lower, its glyphs 5 mm apart
    const scaled = `<ofd:TextObject ID="4" Boundary="30 50 100 10" CTM="10 0 0 10 0 0" Font="1" Size="0.5"><ofd:TextCode X="0" Y="0.5" DeltaX="g 3 0.5">有效期至</ofd:TextCode></ofd:TextObject>`;
    const rotated = `<ofd:TextObject ID="5" Boundary="180 100 10 60" CTM="0 1 -1 0 0 0" Font="1" Size="5"><ofd:TextCode X="0" Y="0" DeltaX="g 3 5">竖排文字</ofd:TextCode></ofd:TextObject>`;
    const r = readOfd(simple(text(30, 20, '标题') + scaled + rotated), DEFAULT_PARSE_LIMITS);
    expect(r.text).toBe('标题\n有效期至\n竖排文字');
  });

  it('reads page blocks nested in page blocks, templates under the page, and composite units', () => {
    const nested = `<ofd:PageBlock ID="5"><ofd:PageBlock ID="6">${text(30, 60, '正文在块中')}</ofd:PageBlock></ofd:PageBlock>`;
    const bytes = pack({
      'OFD.xml': ofdXml(),
      'Doc_0/Document.xml': documentXml(
        ['Pages/Page_0/Content.xml'],
        '',
        '<ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>',
      ),
      'Doc_0/DocumentRes.xml': `<ofd:Res ${NS} BaseLoc="Res"><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="8" Width="100" Height="20"><ofd:Content>${text(0, 0, '复合对象文字')}</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>`,
      'Doc_0/Tpls/Tpl_0/Content.xml': page(text(30, 20, '模板页眉')),
      'Doc_0/Pages/Page_0/Content.xml': page(
        nested + '<ofd:CompositeObject ID="9" Boundary="30 80 100 20" ResourceID="8"/>',
        '<ofd:Template TemplateID="7" ZOrder="Background"/>',
      ),
    });
    expect(readOfd(bytes, DEFAULT_PARSE_LIMITS).text).toBe('模板页眉\n正文在块中\n复合对象文字');
  });

  it('reads packages without the ofd: prefix, with absolute, backslashed and Chinese part paths', () => {
    const bare = (s: string) => s.replace(/ofd:/g, '').replace(/xmlns:ofd=/g, 'xmlns=');
    const bytes = pack({
      'OFD.xml': bare(ofdXml('', '/文档/Document.xml')),
      '文档/Document.xml': bare(documentXml(['\\文档\\页面\\第一页.xml', '页面/第二页.xml'])),
      '文档/页面/第一页.xml': bare(page(text(30, 40, '第一页内容'))),
      '文档/页面/第二页.xml': bare(page(text(30, 40, '第二页内容'))),
    });
    const r = readOfdPages(bytes, DEFAULT_PARSE_LIMITS);
    expect(r.pages).toEqual([['第一页内容'], ['第二页内容']]);
    expect(r.title).toBe('测试');
    expect(r.custom['文号']).toBe('招政发〔2022〕8号');
  });

  it('reads parts whose XML declaration names GB2312', () => {
    // 通知 in GB2312 is cd a8 d6 aa
    const [before, after] = page(text(30, 40, '@')).split('@');
    const bytes = new Uint8Array([...enc.encode(`<?xml version="1.0" encoding="GB2312"?>${before}`), 0xcd, 0xa8, 0xd6, 0xaa, ...enc.encode(after)]);
    const pkg = pack({ 'OFD.xml': ofdXml(), 'Doc_0/Document.xml': documentXml(['Pages/Page_0/Content.xml']), 'Doc_0/Pages/Page_0/Content.xml': bytes });
    expect(readOfd(pkg, DEFAULT_PARSE_LIMITS).text).toBe('通知');
  });

  it('reads part names a Chinese Windows tool wrote in GBK', () => {
    // 页 in GBK is d2 b3; the entry is written without the UTF-8 flag
    const gbkName = new Uint8Array([...enc.encode('Doc_0/'), 0xd2, 0xb3, ...enc.encode('/Content.xml')]);
    const bytes = writeZip(
      [
        { name: 'OFD.xml', data: enc.encode(ofdXml()) },
        { name: 'Doc_0/Document.xml', data: enc.encode(documentXml(['页/Content.xml'])) },
        { name: gbkName, data: enc.encode(page(text(30, 40, 'GBK 路径'))) },
      ],
      now,
    );
    expect(readOfd(bytes, DEFAULT_PARSE_LIMITS).text).toBe('GBK 路径');
  });

  it('leaves seals and annotations out of the text and names signatures and attachments', () => {
    const bytes = pack({
      'OFD.xml': ofdXml('<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>'),
      'Doc_0/Document.xml': documentXml(['Pages/Page_0/Content.xml'], '<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations><ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>'),
      'Doc_0/Pages/Page_0/Content.xml': page(text(30, 40, '正文')),
      'Doc_0/Annots/Annotations.xml': `<ofd:Annotations ${NS}><ofd:Page PageID="1"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>`,
      'Doc_0/Annots/Page_0/Annotation.xml': `<ofd:PageAnnot ${NS}><ofd:Annot ID="20" Type="Stamp"><ofd:Appearance Boundary="0 0 40 40">${text(0, 0, '某某市人民政府印章')}</ofd:Appearance></ofd:Annot></ofd:PageAnnot>`,
      'Doc_0/Signs/Signatures.xml': `<ofd:Signatures ${NS}><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>`,
      'Doc_0/Attachs/Attachments.xml': `<ofd:Attachments ${NS}><ofd:Attachment ID="1" Name="附件1.xlsx"><ofd:FileLoc>a.xlsx</ofd:FileLoc></ofd:Attachment></ofd:Attachments>`,
    });
    const r = readOfd(bytes, DEFAULT_PARSE_LIMITS);
    expect(r.text).toBe('正文');
    expect(r.note).toMatch(/电子签章 1 个/);
    expect(r.note).toMatch(/附件 1 个（附件1\.xlsx）/);
  });

  it('white text laid over printed text is a hidden placeholder; white text on its own is read', () => {
    const hiddenUnder = text(30, 40, '立案决定书') + `<ofd:TextObject ID="9" Boundary="32 40 150 10" Font="1" Size="5"><ofd:FillColor Value="255 255 255"/><ofd:TextCode X="0" Y="5">gz-key</ofd:TextCode></ofd:TextObject>`;
    expect(readOfd(simple(hiddenUnder), DEFAULT_PARSE_LIMITS).text).toBe('立案决定书');
    const alone = `<ofd:TextObject ID="9" Boundary="30 40 150 10" Font="1" Size="5"><ofd:FillColor Value="255 255 255"/><ofd:TextCode X="0" Y="5">1</ofd:TextCode></ofd:TextObject>`;
    expect(readOfd(simple(alone), DEFAULT_PARSE_LIMITS).text).toBe('1');
  });

  it('goes through the import path: readImportFile and the parse job', async () => {
    const bytes = simple(text(30, 40, '招远市人民政府关于印发补助办法的通知') + text(30, 60, '招政发〔2022〕8号'));
    const read = await readImportFile('公文.OFD', bytes);
    expect(read.encoding).toBe('ofd');
    const job = await runParseJob({ id: 1, name: '公文.ofd', bytes, registrationPattern: undefined, limits: DEFAULT_PARSE_LIMITS });
    expect(job.ok).toBe(true);
    if (job.ok) expect(job.result.documents[0].docNumber?.normalized).toBe('招政发〔2022〕8号');
  });
});

describe('OFD packages that cannot be read get a clear Chinese message', () => {
  it('not a zip, no OFD.xml, broken XML, a missing page', async () => {
    await refused(readImportFile('a.ofd', enc.encode('这不是 OFD 文件')), /不是有效的 OFD 文件/);
    await refused(() => readOfd(pack({ 'word/document.xml': '<w/>' }), DEFAULT_PARSE_LIMITS), /没有 OFD\.xml/);
    await refused(() => readOfd(pack({ 'OFD.xml': '<ofd:OFD><ofd:DocBody>' }), DEFAULT_PARSE_LIMITS), /内容结构已损坏/);
    await refused(() => readOfd(pack({ 'OFD.xml': ofdXml(), 'Doc_0/Document.xml': documentXml(['Pages/Page_0/Content.xml']) }), DEFAULT_PARSE_LIMITS), /第 1 页的内容文件缺失/);
    const cut = simple(text(30, 40, '正文'));
    await refused(() => readOfd(cut.subarray(0, cut.length - 30), DEFAULT_PARSE_LIMITS), /不是有效的 OFD 文件/);
  });

  it('encrypted packages (GM/T 0099 Encryptions, or zip encryption)', async () => {
    const bytes = pack({ 'OFD.xml': ofdXml(), 'Encryptions.xml': '<ofd:Encryptions/>', 'Doc_0/Document.xml': '\u0001\u0002' });
    await refused(() => readOfd(bytes, DEFAULT_PARSE_LIMITS), /已加密/);
    const flagged = simple(text(30, 40, '正文'));
    // set the "encrypted" bit of every entry in the central directory
    for (let i = 0; i + 4 < flagged.length; i++) if (flagged[i] === 0x50 && flagged[i + 1] === 0x4b && flagged[i + 2] === 1 && flagged[i + 3] === 2) flagged[i + 8] |= 1;
    await refused(() => readOfd(flagged, DEFAULT_PARSE_LIMITS), /已加密/);
  });

  it('scanned pages without text', async () => {
    await refused(() => readOfd(simple('<ofd:ImageObject ID="3" Boundary="0 0 210 297" ResourceID="4"/>'), DEFAULT_PARSE_LIMITS), /没有文字.*OCR/);
  });
});

describe('OFD reading is bounded like the other readers', () => {
  const small: ParseLimits = { ...DEFAULT_PARSE_LIMITS, maxDocxXmlBytes: 200_000, maxDocxTotalBytes: 400_000, maxPdfPages: 2, maxPdfItemsPerPage: 500 };

  it('a part that inflates past the limit is refused, whether or not its header admits it', () => {
    const bomb = page(text(30, 40, '正文') + ' '.repeat(1_000_000));
    const honest = simple(bomb); // its header declares the 1 MB
    expect(() => readOfd(honest, small)).toThrow(/解压后过大/);
    // the same package with the declared sizes rewritten to 100 bytes: inflating stops at the cap
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i + 30 < lying.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) > 500_000) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) > 500_000) view.setUint32(i + 24, 100, true);
    }
    expect(() => readOfd(lying, small)).toThrow(/解压后过大/);
    // a deflate stream alone, to be sure the bomb really is compressed small
    expect(deflateRawSync(enc.encode(bomb)).length).toBeLessThan(20_000);
  });

  it('too many pages, too many glyphs on a page', () => {
    const pages = pack({
      'OFD.xml': ofdXml(),
      'Doc_0/Document.xml': documentXml(['P/1.xml', 'P/2.xml', 'P/3.xml']),
      ...Object.fromEntries([1, 2, 3].map((n) => [`Doc_0/P/${n}.xml`, page(text(30, 40, `第${n}页`))])),
    });
    expect(() => readOfd(pages, small)).toThrow(/页数过多/);
    expect(() => readOfd(simple(text(30, 40, '字'.repeat(600))), small)).toThrow(/文字过多/);
  });
});
