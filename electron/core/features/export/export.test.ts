import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CleanupInput } from '../../../../shared/contract/export';
import type { ParsedGazette } from '../../../../shared/domain/parse-result';
import { createApp, type App } from '../../composition';
import { commitFile, parsedDoc } from '../../test-support/fixtures';
import { cleanupColumns } from './build-cleanup';
import { BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_TOP, BLOCK_W, PAGE_H, PT_PER_MM } from './geometry';
import { atomize, breakLines, NO_LINE_END, NO_LINE_START, SQUEEZE_AT_END } from './linebreak';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const POPPLER = has('pdftotext') && has('pdffonts') && has('qpdf');
const SOFFICE = has('soffice');
// In CI the tools are installed by npm run setup: a missing one is a broken setup, not a reason to skip.
if (process.env.CI && !(POPPLER && SOFFICE && has('unzip'))) throw new Error('CI 缺少导出检查工具（poppler-utils、qpdf、LibreOffice、unzip）');
if (!POPPLER) console.warn('跳过 PDF 检查：未安装 poppler-utils 或 qpdf');
if (!SOFFICE) console.warn('跳过 DOCX 转换检查：未安装 LibreOffice（soffice）');
if (!has('unzip')) console.warn('跳过 DOCX 检查：未安装 unzip');

const squash = (s: string) => s.replace(/\s+/g, '');

const NOTICE_BODY = [
  '各镇人民政府、街道办事处，市政府各部门，各有关单位：',
  '现将《招远市重点项目建设专项扶持资金补助办法》印发给你们，请认真贯彻执行。',
  '招远市人民政府',
  '2022年2月7日',
  '（此件公开发布）',
  '招远市重点项目建设专项扶持资金补助办法',
  '一、总体要求',
  '（一）指导思想。深入贯彻落实省、市关于重点项目建设的决策部署，围绕“项目为王”工作导向，对列入2022年市级重点项目且年度投资额达到5000万元以上的项目（含GQDR-2021-0020002号文件确定的项目）给予补助。',
  '（二）基本原则。坚持公开、公平、公正，严格审核，专款专用，确保资金使用效益；补助资金实行总额控制、分档补助，年度预算执行完毕后不再追加。',
  '1．申报材料包括项目立项、用地、规划、施工许可等手续复印件。',
  '（1）项目单位对申报材料的真实性负责，弄虚作假的，取消补助资格并追回已拨付资金。',
  '本办法自2022年3月1日起施行，有效期至2025年2月28日。',
];

let app: App;
let dir: string;
let docId: string;
let gazetteId: string;
const gazetteTitles = [
  '招远市人民政府关于印发招远市重点项目建设专项扶持资金补助办法的通知',
  '招远市人民政府关于加快黄金深加工产业发展的扶持意见',
  '招远市人民政府办公室关于印发招远市砂石资源综合整治工作意见的通知',
];

function pdfOf(file: { dataBase64: string }, name: string) {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(file.dataBase64, 'base64'));
  return path;
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
/** pdftotext -bbox: words per page with coordinates from the top-left corner. */
function bboxPages(path: string): { width: number; height: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).map((chunk) => {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: +m[1],
      yMin: +m[2],
      xMax: +m[3],
      yMax: +m[4],
      text: m[5],
    }));
    return { width: +w, height: +h, words };
  });
}

/** Every word lies in the text block, except page numbers (below it) and the running header (above it). */
function expectInsideBlock(path: string, header: string | null) {
  const top = PAGE_H - BLOCK_TOP;
  const bottom = PAGE_H - BLOCK_BOTTOM;
  for (const [i, page] of bboxPages(path).entries()) {
    expect(Math.round(page.width), `第${i + 1}页宽度`).toBe(595);
    expect(Math.round(page.height), `第${i + 1}页高度`).toBe(842);
    for (const w of page.words) {
      const inside = w.xMin >= BLOCK_LEFT - 0.5 && w.xMax <= BLOCK_LEFT + BLOCK_W + 0.5 && w.yMin >= top - 0.5 && w.yMax <= bottom + 0.5;
      if (inside) continue;
      // a closing mark set half-width at the end of a line (标点挤压): its ink is inside, its advance box is not
      const squeezed = SQUEEZE_AT_END.has(w.text[w.text.length - 1]) && w.xMax <= BLOCK_LEFT + BLOCK_W + 8.5 && w.xMin >= BLOCK_LEFT - 0.5;
      if (squeezed && w.yMin >= top - 0.5 && w.yMax <= bottom + 0.5) continue;
      const pageNumber = /^(—|\d+)$/.test(w.text) && w.yMin > bottom && w.yMin < bottom + 12 * PT_PER_MM;
      const inHeader = header !== null && header.includes(w.text) && w.yMax <= top && w.yMin > top - 15 * PT_PER_MM;
      expect(pageNumber || inHeader, `第${i + 1}页的“${w.text}”在版心之外 (${w.xMin},${w.yMin})-(${w.xMax},${w.yMax})`).toBe(true);
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'normdesk-export-'));
  app = createApp({ dataDir: ':memory:', shell: 'cli', now: () => new Date('2026-11-22T12:00:00') });
  const gazette: ParsedGazette = {
    title: '招远市人民政府公报',
    issueNumber: 1,
    totalNumber: 37,
    year: 2022,
    publishDate: '2022-04-07',
    toc: gazetteTitles.map((title, i) => ({ section: i < 2 ? '【市政府文件】' : '【市政府办公室文件】', title, page: null })),
  };
  const long = Array.from({ length: 30 }, (_, i) => `${i + 1}．各镇（街道）要结合实际制定具体措施，明确责任分工和完成时限，确保各项任务按期完成，并于每月${(i % 28) + 1}日前报送工作进展情况。`);
  const docs = [
    parsedDoc({ title: gazetteTitles[0], docNumber: '招政发〔2022〕08号', dateSigned: '2022-02-07', body: NOTICE_BODY }),
    parsedDoc({ title: gazetteTitles[1], docNumber: '招政发〔2022〕9号', dateSigned: '2022-02-10', body: ['各镇人民政府，各街道办事处：', ...long, '招远市人民政府', '2022年2月10日'] }),
    parsedDoc({ title: gazetteTitles[2], docNumber: '招政办发〔2022〕3号', issuers: ['招远市人民政府办公室'], dateSigned: '2022-03-01', body: ['为规范砂石资源开发利用秩序，制定本意见。', '一、工作目标', '全面整治砂石资源开发秩序。'] }),
  ];
  // Already parsed documents, stored through the service (import:commit takes only staged parses).
  app.services.imports.commitParsed(app.caller, [commitFile('gazette.txt', docs, gazette)]);
  const list = await app.call('documents:list', {});
  docId = list.rows.find((r) => r.title === gazetteTitles[0])!.id;
  gazetteId = (await app.call('gazettes:list', {}))[0].id;
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Chinese line breaking', () => {
  const measure = (text: string) => [{ text, font: 'body' as const, width: [...text].length * (/^[\x20-\x7e]+$/.test(text) ? 8 : 16) }];
  it('starts no line with closing punctuation, ends none with opening punctuation, and keeps Latin words whole', () => {
    const text = '根据《山东省行政规范性文件清理办法》（鲁司〔2020〕66号）要求，对GQDR-2021-0020002号等文件进行清理。“放管服”改革，——坚持问题导向……全面推进。';
    for (let width = 16 * 9; width <= 16 * 16; width += 16) {
      const lines = breakLines(atomize([{ text }], 'body', measure), width, width);
      expect(lines.map((l) => l.map((a) => a.text).join('')).join('')).toBe(text);
      for (const line of lines) {
        const s = line.map((a) => a.text).join('');
        expect(NO_LINE_START.has(s[0]), `行首“${s}”`).toBe(false);
        expect(NO_LINE_END.has(s[s.length - 1]), `行尾“${s}”`).toBe(false);
      }
      expect(lines.some((l) => l.some((a) => a.text === 'GQDR-2021-0020002'))).toBe(true);
    }
  });
});

describe('export:fonts', () => {
  it('says which fonts stand in for the proprietary ones', async () => {
    const fonts = await app.call('export:fonts', {});
    const body = fonts.find((f) => f.docxName === '仿宋_GB2312')!;
    expect(body.note).toMatch(/仿宋/);
    expect(fonts.map((f) => f.docxName)).toEqual(expect.arrayContaining(['方正小标宋简体', '黑体', '楷体_GB2312', '宋体']));
  });
});

describe.skipIf(!POPPLER)('PDF export', () => {
  it('a document: valid, A4, subset fonts only, every paragraph extractable, all text inside the text block', async () => {
    const file = await app.call('export:document', { id: docId, format: 'pdf' });
    expect(file.mime).toBe('application/pdf');
    expect(file.fileName).toMatch(/招政发〔2022〕8号.*\.pdf$/);
    expect(file.warnings.join('\n')).toMatch(/仿宋/);
    const path = pdfOf(file, 'doc.pdf');
    expect(spawnSync('qpdf', ['--check', path]).status).toBe(0);

    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const row of fonts) expect(row, row).toMatch(/^[A-Z]{6}\+\S+.*\byes\s+yes\s+yes\b/);

    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    const flat = squash(text);
    expect(flat).toContain(squash(gazetteTitles[0]));
    expect(flat).toContain('招政发〔2022〕8号');
    for (const p of NOTICE_BODY) expect(flat, p).toContain(squash(p));
    for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
      expect(NO_LINE_START.has(line[0]) && !/^—\s*\d/.test(line), `行首标点：${line}`).toBe(false);
    }
    expectInsideBlock(path, null);

    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Title:\\s+${gazetteTitles[0]}`));
    expect(info).toMatch(/Author:\s+招远市人民政府/);
    expect(info).toMatch(/Subject:\s+招政发〔2022〕8号/);
    expect(info).toMatch(/Keywords:\s+.*行政规范性文件/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('a document with its 版头: red 发文机关标志 and rule above the 文号 and title, and the red stops there', async () => {
    const file = await app.call('export:document', { id: docId, format: 'pdf', letterhead: true });
    const path = pdfOf(file, 'letterhead.pdf');
    const first = squash(execFileSync('pdftotext', ['-l', '1', path, '-'], { encoding: 'utf8' }));
    expect(first.startsWith(`招远市人民政府文件招政发〔2022〕8号${squash(gazetteTitles[0])}`), first.slice(0, 80)).toBe(true);
    const plain = join(dir, 'letterhead-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, plain]);
    const content = readFileSync(plain, 'latin1');
    // red is set for the mark and black again for the text after it
    const red = content.indexOf('0.85 0 0 rg');
    expect(red).toBeGreaterThan(0);
    expect(content.indexOf('0 0 0 rg', red)).toBeGreaterThan(red);
    const without = squash(execFileSync('pdftotext', ['-l', '1', pdfOf(await app.call('export:document', { id: docId, format: 'pdf' }), 'plain.pdf'), '-'], { encoding: 'utf8' }));
    expect(without).not.toContain('招远市人民政府文件');
  });

  it('a gazette: every contents entry points at the page where that document starts', async () => {
    const file = await app.call('export:gazette', { id: gazetteId, format: 'pdf' });
    const path = pdfOf(file, 'gazette.pdf');
    expect(spawnSync('qpdf', ['--check', path]).status).toBe(0);
    const pages = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).split('\f').map(squash).filter(Boolean);
    expect(pages[0]).toContain('招远市人民政府公报');
    expect(pages[0]).toContain('2022年第1期（总第37期）');
    expect(pages[0]).toContain('二〇二二年四月七日出版');
    const tocPage = pages.findIndex((p) => p.includes('目录'));
    expect(tocPage).toBe(1);
    expect(pages[tocPage]).toContain('【市政府文件】');
    expect(pages[tocPage]).toContain('【市政府办公室文件】');
    const printed = (n: number) => pages.findIndex((p) => new RegExp(`—${n}—$`).test(p));
    let previous = 0;
    for (const title of gazetteTitles) {
      const m = new RegExp(`${squash(title).replace(/[()（）《》]/g, '.')}(\\d+)`).exec(pages[tocPage]);
      expect(m, `目录中没有“${title}”的页码`).not.toBeNull();
      const n = Number(m![1]);
      expect(n).toBeGreaterThan(previous);
      previous = n;
      const at = printed(n);
      expect(at, `找不到印有第${n}页页码的页面`).toBeGreaterThan(tocPage);
      expect(pages[at].startsWith(`招远市人民政府公报2022年第1期${squash(title)}`), `第${n}页应以“${title}”开头`).toBe(true);
    }
    expect(pages[pages.length - 1]).toContain('主办：招远市人民政府');
    expectInsideBlock(path, '招远市人民政府公报 2022年第1期');
  });

  it('a cleanup list: one annex table per decision, the header repeated on every page of a long table', async () => {
    const items: CleanupInput['items'] = [
      { documentId: docId, decision: '继续有效', reason: '' },
      ...Array.from({ length: 40 }, (_, i) => ({
        title: `招远市人民政府关于第${i + 1}项临时性工作任务的通知`,
        docNumber: `招政发〔2015〕${i + 1}号`,
        datePublished: '2015-06-01',
        decision: '宣布失效' as const,
        reason: '适用期已过，工作任务已完成',
      })),
    ];
    const input = { title: '招远市人民政府关于公布行政规范性文件清理结果的通知', issuer: '招远市人民政府', date: '2026-11-20', items };
    const file = await app.call('export:cleanup', { input, format: 'pdf' });
    const path = pdfOf(file, 'cleanup.pdf');
    const pages = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).split('\f').map(squash).filter(Boolean);
    expect(pages[0]).toContain('继续有效的1件');
    expect(pages[0]).toContain('宣布失效的40件');
    const tablePages = pages.filter((p) => p.includes('宣布失效的行政规范性文件目录') || p.includes('第40项临时性') || p.includes('第25项临时性'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    // pdftotext reads table cells column by column, so the header is checked cell by cell
    for (const p of pages.slice(1)) for (const h of ['序号', '文件名称', '文号', '发布日期', '处理意见/理由']) expect(p).toContain(h);
    // the 文件名称 column read top to bottom, page after page, gives back every title whole
    const columns = cleanupColumns(items.slice(1).map((it, k) => [String(k + 1), it.title!, it.docNumber!, '2015年6月1日', it.reason]));
    const total = columns.reduce((s, c) => s + c.width, 0);
    const from = BLOCK_LEFT + (columns[0].width / total) * BLOCK_W;
    const to = from + (columns[1].width / total) * BLOCK_W;
    const column = bboxPages(path)
      .flatMap((pg) => pg.words.filter((w) => w.xMin > from && w.xMax < to).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin))
      .map((w) => w.text)
      .join('');
    for (const it of items.slice(1)) expect(column).toContain(squash(it.title!));
    const all = pages.join('');
    expect(all).toContain('招政发〔2022〕8号');
    expect(all).toContain('2015年6月1日');
    expectInsideBlock(path, null);
  });

  it('reports characters no font can draw instead of dropping them', async () => {
    const input = { title: '关于清理结果的通知', issuer: '招远市人民政府', date: '2026-11-20', body: ['本通知含有私用区字符\uE000，其余文字照常输出。'], items: [{ title: '某文件', decision: '废止' as const }] };
    const file = await app.call('export:cleanup', { input, format: 'pdf' });
    expect(file.warnings.join('\n')).toMatch(/U\+E000/);
    const text = squash(execFileSync('pdftotext', [pdfOf(file, 'missing.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain('本通知含有私用区字符□，其余文字照常输出。');
  });
});

describe.skipIf(!has('unzip') || !POPPLER)('DOCX export', () => {
  it('names the East Asian fonts, uses the GB/T 9704 page and converts in LibreOffice with all text', async () => {
    const doc = await app.call('export:document', { id: docId, format: 'docx' });
    const gaz = await app.call('export:gazette', { id: gazetteId, format: 'docx' });
    // the masthead is filled in where it lives: 公报 → 公报设置
    expect(gaz.warnings.join('\n')).toContain('请在“公报 → 公报设置”中填写');
    const docPath = pdfOf(doc, 'doc.docx');
    const gazPath = pdfOf(gaz, 'gazette.docx');
    const xml = execFileSync('unzip', ['-p', docPath, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1475" w:bottom="1984" w:left="1587"/);
    const gxml = execFileSync('unzip', ['-p', gazPath, 'word/document.xml'], { encoding: 'utf8' });
    // the contents carry the page numbers our own pagination computed
    expect(squash(gxml.replace(/<[^>]+>/g, ''))).toMatch(new RegExp(`${gazetteTitles[0]}\\t?1`));
    const settings = execFileSync('unzip', ['-p', gazPath, 'word/settings.xml'], { encoding: 'utf8' });
    expect(settings).toContain('w:evenAndOddHeaders');
    if (!SOFFICE) return;
    const out = join(dir, 'lo');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, docPath, gazPath], { stdio: 'ignore', timeout: 120_000 });
    // LibreOffice may break GQDR-2021-0020002 after a hyphen, which pdftotext then joins without it
    const noHyphen = (s: string) => squash(s).replace(/-/g, '');
    const docText = noHyphen(execFileSync('pdftotext', [join(out, 'doc.pdf'), '-'], { encoding: 'utf8' }));
    expect(docText).toContain(squash(gazetteTitles[0]));
    for (const p of NOTICE_BODY) expect(docText, p).toContain(noHyphen(p));
    const gazText = squash(execFileSync('pdftotext', [join(out, 'gazette.pdf'), '-'], { encoding: 'utf8' }));
    for (const t of gazetteTitles) expect(gazText).toContain(squash(t));
    expect(readFileSync(join(out, 'gazette.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});

describe('bad input', () => {
  it('says in Chinese what is wrong', async () => {
    await expect(app.call('export:document', { id: 'no-such-id', format: 'pdf' })).rejects.toThrow(/未找到|不存在/);
    await expect(app.call('export:gazette', { id: 'no-such-id', format: 'docx' })).rejects.toThrow(/未找到|不存在/);
    await expect(
      app.call('export:cleanup', { input: { title: '清理结果', issuer: '招远市人民政府', date: '2026-11-20', items: [] }, format: 'pdf' }),
    ).rejects.toThrow(/没有任何文件/);
    await expect(app.call('export:document', { id: docId, format: 'odt' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
