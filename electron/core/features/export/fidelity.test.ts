import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFontSet } from './fonts';
import { layoutText, type Layout, type PageLayout } from './layout';
import type { OfficialText } from './model';
import { SAMPLE_GAZETTES, sampleCleanup, sampleGazette } from './samples';
import { BLOCK_BOTTOM, BLOCK_TOP, LINE_PITCH, PAGE_H, SIZE } from './geometry';
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
      const html = execFileSync('pdftotext', ['-bbox', join(dir, `${r.name}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      // body pages (with a page number); the cover, contents and masthead page are display, not running text
      const body = html.split('<page ').slice(1).filter((_, p) => /—\d+—$/.test(r.pages[p] ?? ''));
      const counts = body.map((chunk, p) => {
        const tops = new Set<number>();
        for (const m of chunk.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)) {
          const [top, bottom] = [+m[1], +m[2]];
          // 3号 lines inside the text block (not the running header or the page number)
          if (top > PAGE_H - BLOCK_TOP - 2 && bottom < PAGE_H - BLOCK_BOTTOM + 2 && bottom - top > 18 && bottom - top < 24) tops.add(Math.round(top));
        }
        const sorted = [...tops].sort((a, b) => a - b);
        const offGrid = sorted.filter((t) => Math.abs((t - sorted[0]) / LINE_PITCH - Math.round((t - sorted[0]) / LINE_PITCH)) > 0.08);
        expect(offGrid, `${r.name} LibreOffice 正文第${p + 1}页不在行网格上的行`).toEqual([]);
        return sorted.length;
      });
      // never more than the 22 grid lines, and full pages have all 22
      expect(Math.max(...counts), r.name).toBe(22);
    }
  });
});

describe('tables flattened at import', () => {
  it('sets the 招远 养老保险 task table (numbered rows of aligned cells) as a table, with its total row', () => {
    const zhaoyuan = samples.find((s) => s.name === '001')!;
    const tables = zhaoyuan.text.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b] : []));
    expect(tables.length).toBe(1);
    expect(tables[0].columns.map((c) => c.header)).toEqual(['序号', '镇（街道）', '投保人数（人）', '缴费额（万元）']);
    expect(tables[0].rows[0]).toEqual(['1', '温泉街道', '4460', '920']);
    expect(tables[0].rows[14]).toEqual(['', '合计', '80000', '18000']);
    // running text with figures stays text
    const texts = zhaoyuan.text.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(texts.some((t) => t.includes('完成投保人数80000人'))).toBe(true);
  });
});
