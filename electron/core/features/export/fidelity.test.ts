import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFontSet } from './fonts';
import { layoutText, type Layout, type PageLayout } from './layout';
import type { OfficialText } from './model';
import { SAMPLE_GAZETTES, sampleCleanup, sampleGazette } from './samples';
import { BODY_TIGHTEN } from './docx-styles';
import { BLOCK_BOTTOM, BLOCK_H, BLOCK_LEFT, BLOCK_TOP, BLOCK_W, LINE_PITCH, PAGE_H, SIZE } from './geometry';
import { NO_LINE_START } from './linebreak';
import { renderOfficialText } from './service';

/**
 * Issue 12: what an editor rejects in an export, checked over every page of the three sample gazettes and a
 * 32-item cleanup list.
 */

const RESOURCES = join(import.meta.dirname, '..', '..', '..', '..', 'resources');
const fonts = createFontSet(RESOURCES);

type TextItem = Extract<PageLayout['items'][number], { kind: 'text' }>;
const lineText = (item: TextItem) => item.atoms.map((a) => a.text).join('');

/** The hand-made list: title → the offsets where it may break. */
function allowedBreaks(): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const src = readFileSync(join(import.meta.dirname, 'fixtures', 'title-breaks.txt'), 'utf8');
  for (const line of src.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const parts = line.trim().split('|');
    const at = new Set<number>();
    let n = 0;
    for (const p of parts.slice(0, -1)) at.add((n += p.length));
    out.set(parts.join(''), at);
  }
  return out;
}

/** The titles as set: runs of consecutive 2号 lines on a page, with the offsets where their lines end. */
function titlesOf(layout: Layout): Array<{ page: number; text: string; breaks: number[] }> {
  const out: Array<{ page: number; text: string; breaks: number[] }> = [];
  layout.pages.forEach((page, p) => {
    let cur: { page: number; text: string; breaks: number[] } | null = null;
    for (const item of page.items) {
      if (item.kind !== 'text' || item.size !== SIZE.title || item.atoms.every((a) => a.font !== 'title')) {
        if (item.kind === 'text') cur = null;
        continue;
      }
      if (cur) {
        cur.breaks.push(cur.text.length);
        cur.text += lineText(item);
      } else out.push((cur = { page: p, text: lineText(item), breaks: [] }));
    }
  });
  return out;
}

interface Sample {
  name: string;
  text: OfficialText;
  layout: Layout;
}
const samples: Sample[] = [];

beforeAll(() => {
  for (const f of SAMPLE_GAZETTES) {
    const text = sampleGazette(f).text;
    samples.push({ name: f.slice(0, 3), text, layout: layoutText(text, fonts) });
  }
  const cleanup = sampleCleanup();
  samples.push({ name: 'cleanup', text: cleanup, layout: layoutText(cleanup, fonts) });
});

describe('titles (GB/T 9704 7.3.3: 词意完整，排列对称)', () => {
  it('every title of the sample gazettes breaks only where the hand-made list allows, into balanced lines', () => {
    const allowed = allowedBreaks();
    expect(allowed.size).toBe(28);
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const s of samples) {
      for (const t of titlesOf(s.layout)) {
        const ok = allowed.get(t.text);
        if (!ok) continue;
        seen.add(t.text);
        const lines = [0, ...t.breaks, t.text.length].slice(1).map((e, i, a) => t.text.slice(i ? a[i - 1] : 0, e));
        if (t.breaks.some((b) => !ok.has(b))) bad.push(lines.join('|'));
        const widths = lines.map((l) => [...l].length);
        if (Math.min(...widths) < Math.max(...widths) / 2) bad.push(`不对称：${lines.join('|')}`);
      }
    }
    expect(bad).toEqual([]);
    expect([...allowed.keys()].filter((t) => !seen.has(t))).toEqual([]);
  });
});

describe('title style only on titles', () => {
  it('no numbered heading or body line of the sample gazettes is set as a title, and no title is split into body text', () => {
    const bad: string[] = [];
    for (const s of samples) {
      for (const sec of s.text.sections) {
        const blocks = sec.blocks.filter((b) => b.type !== 'blank');
        blocks.forEach((b, i) => {
          if (b.type !== 'title') return;
          if (/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+([.．]\d+)*\s*[^\d年])/.test(b.text)) bad.push(`${s.name} 编号的标题：${b.text}`);
          if (b.text.length < 6) bad.push(`${s.name} 过短的标题：${b.text}`);
          const prev = blocks[i - 1];
          if (prev?.type === 'paragraph' && prev.level === 0 && !/[。；：！？）”]$/.test(prev.runs.map((r) => r.text).join('')))
            bad.push(`${s.name} 标题前半截留在正文：${prev.runs[0].text} / ${b.text}`);
        });
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('page breaks (PDF)', () => {
  const FOOT_ALONE = new Set(['title', 'chapter', 'attachmentMark', 'heading', 'docNumber', 'addressee', 'registration']);
  it('leaves no heading, title, 附件 mark or signature line alone at the foot of a page, and no one-line page', () => {
    const bad: string[] = [];
    for (const s of samples) {
      s.layout.pages.forEach((page, p) => {
        const lines = page.items.filter((i): i is TextItem => i.kind === 'text');
        if (page.number !== null && lines.length === 1) bad.push(`${s.name} 第${p + 1}页只有一行：${lineText(lines[0])}`);
        const last = lines[lines.length - 1];
        const next = s.layout.pages[p + 1]?.items.find((i): i is TextItem => i.kind === 'text');
        // the last line of a document may stand anywhere; the next document starts on a new page with its title
        if (last?.tag && FOOT_ALONE.has(last.tag) && next && next.tag !== 'title') bad.push(`${s.name} 第${p + 1}页页脚孤立的${last.tag}：${lineText(last)}`);
        if (last?.tag === 'signature' && next?.tag === 'signature') bad.push(`${s.name} 第${p + 1}页落款被分页：${lineText(last)} / ${lineText(next)}`);
        // the signature never opens a page: it takes at least two lines of the text above it
        const first = lines[0];
        if (first?.tag === 'signature') bad.push(`${s.name} 第${p + 1}页落款独占页首：${lineText(first)}`);
      });
    }
    expect(bad).toEqual([]);
  });
});

describe('cleanup annex tables', () => {
  it('sets every 文号 and date on one line and the header 处理意见/理由 whole', () => {
    const cleanup = samples.find((s) => s.name === 'cleanup')!;
    const cells = new Map<string, Set<string>>();
    for (const page of cleanup.layout.pages)
      for (const item of page.items) if (item.kind === 'text' && item.tag?.startsWith('cell:')) {
        if (!cells.has(item.tag)) cells.set(item.tag, new Set());
        cells.get(item.tag)!.add(lineText(item));
      }
    const tables = cleanup.text.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b] : []));
    expect(tables.length).toBe(4);
    const rows = tables.flatMap((t) => t.rows);
    expect(rows.length).toBe(32);
    const wrapped = rows.flatMap((r) => [r[2], r[3]].filter((v, k) => !cells.get(`cell:${k + 2}`)!.has(v)));
    expect(wrapped).toEqual([]);
    expect(cells.get('cell:4')!.has('处理意见/理由')).toBe(true);
  });
});

describe('printing', () => {
  it('puts — 1 — on a right-hand page, after a blank page when the contents take two', () => {
    for (const s of samples.filter((x) => x.name !== 'cleanup')) {
      const first = s.layout.pages.findIndex((p) => p.number === 1);
      expect(first % 2, `${s.name}：第1页是第${first + 1}张页面`).toBe(0);
      const contents = s.layout.pages.filter((p, i) => i > 0 && i < first && p.items.length > 0).length;
      expect(first - 1 - contents, `${s.name}：目录后空白页`).toBe(contents % 2 === 0 ? 1 : 0);
    }
  });

  it('prints the issue line on the cover as the gazette prints it', () => {
    const cover = (name: string) => samples.find((s) => s.name === name)!.layout.pages[0].items.flatMap((i) => (i.kind === 'text' ? [lineText(i)] : [])).join('\n');
    expect(cover('000')).toContain('第2号（总第20号）');
    expect(cover('001')).toContain('第1号');
    expect(cover('001')).not.toContain('第1期');
    expect(cover('004')).toContain('2021年第3期');
  });
});

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!has('unzip'))('DOCX grid', () => {
  it('declares the 22 × 28 grid in every section, counted from a 三号 default size, and narrows 3号 runs only in the Normal style', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'normdesk-grid-'));
    try {
      const file = await renderOfficialText(samples[0].text, 'docx', RESOURCES, new Date('2026-11-22T12:00:00'));
      writeFileSync(join(dir, 'g.docx'), file.bytes);
      const part = (name: string) => execFileSync('unzip', ['-p', join(dir, 'g.docx'), `word/${name}.xml`], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const [xml, styles] = [part('document'), part('styles')];
      const grids = [...xml.matchAll(/<w:docGrid ([^>]*)\/>/g)].map((m) => m[1]);
      expect(grids.length).toBe((xml.match(/<w:sectPr/g) ?? []).length);
      for (const g of grids) expect(g).toBe('w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"');
      // Word's character pitch: the default size plus charSpace/4096 pt; 28 fit the 156 mm line, 29 do not
      const pitch = SIZE.body - 849 / 4096;
      expect(28 * pitch).toBeLessThanOrEqual(BLOCK_W + 0.01);
      expect(29 * pitch).toBeGreaterThan(BLOCK_W);
      expect(22 * 579).toBeLessThanOrEqual(Math.round((BLOCK_H / 72) * 1440));
      // charSpace counts from the default size: 三号 in the document defaults and the Normal style
      expect(styles).toMatch(/<w:rPrDefault><w:rPr>[^]*?<w:sz w:val="32"\/>[^]*?<\/w:rPrDefault>/);
      const normal = /<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?<\/w:style>/.exec(styles)![0];
      expect(normal).toMatch(/<w:sz w:val="32"\/>/);
      expect(normal).toMatch(/<w:snapToGrid w:val="0"\/>/);
      expect(normal).toMatch(new RegExp(`<w:spacing w:val="${BODY_TIGHTEN}"/>`));
      // runs: no spacing of their own at 3号, off Word's character grid like the paragraphs are off LibreOffice's
      const runs = [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?<w:(?:t|br|tab)/g)].map((m) => m[1] ?? '');
      expect(runs.length).toBe((xml.match(/<w:r>/g) ?? []).length - (xml.match(/<w:r><w:(fldChar|instrText)/g) ?? []).length);
      expect(runs.length).toBeGreaterThan(200);
      expect(runs.filter((r) => r.includes('<w:sz w:val="32"/>') && r.includes('<w:spacing '))).toEqual([]);
      expect(runs.filter((r) => !/<w:snapToGrid w:val="(0|false)"\/>/.test(r))).toEqual([]);
      // the 莱山 annex tables are Word tables, their header rows (two under 任务分工 and under 评价) repeat on each page
      expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(4);
      expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2 + 1 + 1 + 2);
      // merged as printed: 任务分工 over its four columns, 区政府领导 and 数量 down both header rows
      const duty = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
      const firstRow = duty.slice(duty.indexOf('<w:tr>'), duty.indexOf('</w:tr>'));
      expect(firstRow).toMatch(/<w:gridSpan w:val="4"\/>(?:(?!<\/w:tc>).)*任务分工/);
      expect((firstRow.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!has('soffice') || !has('pdftotext') || !has('unzip'))('DOCX in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'normdesk-fidelity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The DOCX of each sample gazette converted by LibreOffice: its XML and the text of each page. */
  async function converted() {
    const out: Array<{ name: string; xml: string; styles: string; pages: string[]; sample: Sample }> = [];
    const paths: string[] = [];
    for (const s of samples.filter((x) => x.name !== 'cleanup')) {
      const file = await renderOfficialText(s.text, 'docx', RESOURCES, new Date('2026-11-22T12:00:00'));
      const path = join(dir, `${s.name}.docx`);
      writeFileSync(path, file.bytes);
      paths.push(path);
    }
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, ...paths], { stdio: 'ignore', timeout: 300_000 });
    for (const s of samples.filter((x) => x.name !== 'cleanup')) {
      const docx = join(dir, `${s.name}.docx`);
      out.push({
        name: s.name,
        sample: s,
        xml: execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 1 << 28 }),
        styles: execFileSync('unzip', ['-p', docx, 'word/styles.xml'], { encoding: 'utf8' }),
        pages: execFileSync('pdftotext', [join(dir, `${s.name}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f').map(squash),
      });
    }
    return out;
  }
  let results: Awaited<ReturnType<typeof converted>>;
  beforeAll(async () => {
    results = await converted();
  }, 400_000);

  /** The words pdftotext finds on each page of a sample's LibreOffice PDF, in PDF points from the page top. */
  function words(name: string): Array<Array<{ x0: number; top: number; x1: number; bottom: number; text: string }>> {
    const html = execFileSync('pdftotext', ['-bbox', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return html
      .split('<page ')
      .slice(1)
      .map((chunk) =>
        [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
          x0: +m[1],
          top: +m[2],
          x1: +m[3],
          bottom: +m[4],
          text: m[5],
        })),
      );
  }
  /** 3号 words inside the text block (not the running header or the page number). */
  const bodySize = (w: { top: number; bottom: number }) =>
    w.top > PAGE_H - BLOCK_TOP - 2 && w.bottom < PAGE_H - BLOCK_BOTTOM + 2 && w.bottom - w.top > 18 && w.bottom - w.top < 24;

  it('has a TOC field over Heading 1 titles with outline levels, and the titles broken as in the PDF', () => {
    for (const r of results) {
      expect(r.xml).toMatch(/<w:instrText[^>]*> TOC \\o &quot;1-1&quot; \\h/);
      expect(r.styles).toMatch(/w:styleId="Heading1".*<w:outlineLvl w:val="0"\/>/);
      const headings = r.xml.match(/<w:pStyle w:val="Heading1"\/>/g) ?? [];
      expect(headings.length, r.name).toBe(r.sample.layout.outline.filter((o) => o.level === 0).length - 3);
    }
  });

  it('puts every document on the page its contents entry says', () => {
    const wrong: string[] = [];
    for (const r of results) {
      for (const [anchor, at] of r.sample.layout.anchors) {
        if (!anchor.startsWith('nd_doc_')) continue;
        const n = r.sample.layout.pages[at.page].number!;
        const title = squash((r.sample.text.sections[2].blocks.find((b) => b.anchor === anchor) as { text: string }).text);
        const page = r.pages.findIndex((p) => p.endsWith(`—${n}—`));
        if (page < 0 || !r.pages[page].includes(title.slice(0, 12))) wrong.push(`${r.name} 第${n}页：${title}（LibreOffice 第${page + 1}页）`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sets at most 22 lines on a body page, all on the line grid, full pages with 22', () => {
    for (const r of results) {
      // body pages (with a page number); the cover, contents and masthead page are display, not running text
      const body = words(r.name).filter((_, p) => /—\d+—$/.test(r.pages[p] ?? ''));
      const counts = body.map((page, p) => {
        const tops = new Set(page.filter(bodySize).map((w) => Math.round(w.top)));
        const sorted = [...tops].sort((a, b) => a - b);
        // a table (五号 cells) ends the stretch of grid lines: the text under it starts a new one
        const cells = page.filter((w) => w.bottom - w.top > 11 && w.bottom - w.top < 16 && w.top > PAGE_H - BLOCK_TOP && w.bottom < PAGE_H - BLOCK_BOTTOM).map((w) => w.top);
        const base = (t: number) => sorted.filter((u) => u <= t && !cells.some((c) => c > u && c < t))[0];
        const offGrid = sorted.filter((t) => Math.abs((t - base(t)) / LINE_PITCH - Math.round((t - base(t)) / LINE_PITCH)) > 0.08);
        expect(offGrid, `${r.name} LibreOffice 正文第${p + 1}页不在行网格上的行`).toEqual([]);
        return sorted.length;
      });
      // never more than the 22 grid lines, and full pages have all 22
      expect(Math.max(...counts), r.name).toBe(22);
    }
  });

  it('sets 28 characters on the full lines of Chinese text, never more within the margin', () => {
    const counts = new Map<number, number>();
    for (const r of results)
      for (const page of words(r.name)) {
        const lines = new Map<number, typeof page>();
        for (const w of page.filter(bodySize)) lines.set(Math.round(w.top), [...(lines.get(Math.round(w.top)) ?? []), w]);
        for (const line of lines.values()) {
          const text = line.map((w) => w.text).join('');
          const right = Math.max(...line.map((w) => w.x1));
          // lines from margin to margin, all full-width (a digit or Latin letter is narrower)
          if (Math.min(...line.map((w) => w.x0)) > BLOCK_LEFT + 2 || right < BLOCK_LEFT + BLOCK_W - 3 || /[\u0021-\u00ff]/.test(text)) continue;
          // LibreOffice lets a closing mark hang past the margin (it reads overflowPunct inverted)
          const n = text.length - (right > BLOCK_LEFT + BLOCK_W + 3 && NO_LINE_START.has(text.slice(-1)) ? 1 : 0);
          counts.set(n, (counts.get(n) ?? 0) + 1);
        }
      }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(Math.max(...counts.keys())).toBe(28);
    // fewer only where a mark may not end or start a line and the line is spaced out (禁则)
    expect(counts.get(28)! / total, JSON.stringify([...counts])).toBeGreaterThan(0.9);
  });

  it('adds no space around digits and keeps 第N条　: the only gap is LibreOffice’s own ⅕ em between scripts', () => {
    const r = results.find((x) => x.name === '000')!;
    // the DOCX text itself has none
    expect(r.xml.replace(/<[^>]+>/g, '')).toContain('2021年4月19日');
    expect(r.styles).toMatch(/<w:docDefaults>.*<w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>.*<\/w:docDefaults>/);
    // LibreOffice 7.4 ignores autoSpaceDE/DN and puts ⅕ em (3.2 pt) between a digit and a Chinese character; a
    // character grid would pad each run of digits to whole cells (7–8 pt), a space character would add 4 pt more
    // the signature dates, set flush right without justification
    const gaps: number[] = [];
    for (const page of words('000'))
      for (const w of page) {
        const line = page.filter((x) => Math.abs(x.top - w.top) < 1);
        if (line[0] !== w || !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(line.map((x) => x.text).join(''))) continue;
        for (let k = 1; k < line.length; k++) gaps.push(line[k].x0 - line[k - 1].x1);
      }
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(SIZE.body / 5 + 0.3);
    // 第一条　: the full-width space after the article number stays a full character wide
    const zhaoyuan = results.find((x) => x.name === '001')!;
    expect(zhaoyuan.xml).toMatch(/第一条<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">　/);
    const articles = words('001').flatMap((page) => page.flatMap((w, i) => (/^第[一二三四五六七八九十]+条$/.test(w.text) ? [page[i + 1].x0 - w.x1] : [])));
    expect(articles.length).toBeGreaterThan(10);
    for (const gap of articles) expect(gap).toBeGreaterThan(SIZE.body * 0.9);
  });
});

describe('tables flattened at import', () => {
  it('sets the 招远 养老保险 task table (numbered rows of aligned cells) as a table, with its total row', () => {
    const zhaoyuan = samples.find((s) => s.name === '001')!;
    const tables = zhaoyuan.text.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b] : []));
    // with the two 指标 tables of the plans
    expect(tables.map((t) => t.columns[0].header)).toEqual(['指标', '序号', '指标']);
    const task = tables[1];
    expect(task.columns.map((c) => c.header)).toEqual(['序号', '镇（街道）', '投保人数（人）', '缴费额（万元）']);
    expect(task.rows[0]).toEqual(['1', '温泉街道', '4460', '920']);
    expect(task.rows[14]).toEqual(['', '合计', '80000', '18000']);
    // running text with figures stays text
    const texts = zhaoyuan.text.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(texts.some((t) => t.includes('完成投保人数80000人'))).toBe(true);
  });
});

describe('tables kept as rows of cells', () => {
  it('sets the three 莱山 annex tables as tables: the 分工表 with its two-level header once, the 登记表, the 反馈表 as its two grids', () => {
    const laishan = samples.find((s) => s.name === '000')!;
    const tables = laishan.text.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b] : []));
    expect(tables.map((t) => t.columns.length)).toEqual([6, 6, 3, 9]);
    const [duty, register, feedback, rating] = tables;
    expect(duty.columns.map((c) => c.header)).toEqual(['区政府领导', '数量', '任务分工', '', '', '']);
    expect(duty.subheaders).toEqual([['', '', '上市企业', '外资企业', '高新技术企业', '规上企业']]);
    // the header printed again at each page top (once wrapped as 区政府 / 领导) is gone; every leader has a row
    expect(duty.rows.filter((r) => /区政府|上市企业/.test(r.join('')))).toEqual([]);
    expect(duty.rows.filter((r) => r[0]).map((r) => `${r[0]}${r[1]}`)).toEqual(['孙玉荣、常务副区长20个', '苏宣鼎8个', '陆涵8个', '陈浩鹏15个', '辛迅15个', '邢妹15个', '刘兆潭15个']);
    expect(duty.rows.flat().flatMap((c) => c.split('\n')).filter(Boolean)).toHaveLength(7 * 2 + 96);
    expect(register.columns.map((c) => c.header)).toEqual(['序号', '企业/项目名称', '“进现场”时间（次数）', '发现的困难和问题', '解决情况', '典型做法和宣传报道情况']);
    expect(register.rows).toEqual([['1', 'XXX有限公司', 'XX月XX日（X次）', '1. 2.', '', '']]);
    expect(feedback.columns.map((c) => c.header)).toEqual(['企业、项目名称', '企业、项目负责人', '姓名、职务']);
    expect(rating.subheaders?.[0].filter(Boolean)).toEqual(['见面', '电话/视频', '信函', '未联系', '满意', '基本满意', '不满意']);
    // set as tables in the PDF: the cells sit in table cells on the annex pages
    const cellPages = laishan.layout.pages.flatMap((p, i) => (p.items.some((it) => it.kind === 'text' && it.tag?.startsWith('cell:') && /爱科|XXX|企业诉求/.test(lineText(it))) ? [i] : []));
    expect(cellPages.length).toBeGreaterThanOrEqual(3);
    // the PDF header: 任务分工 centred over its four columns (right of 外资企业, the second of them), not in the first
    const texts = laishan.layout.pages.flatMap((p) => p.items).flatMap((it) => (it.kind === 'text' ? [it] : []));
    const group = texts.find((it) => lineText(it) === '任务分工')!;
    const second = texts.find((it) => lineText(it) === '外资企业')!;
    expect(group.tag).toBe('cell:2');
    expect(group.atoms[0].x).toBeGreaterThan(second.atoms[0].x);
  });
});
