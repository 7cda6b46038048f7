import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../kernel/paths';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';
import { DEFAULT_PARSE_LIMITS } from '../import/limits';
import { readOfdPages } from '../import/ofd/read-ofd';
import { childrenOf, child, parseXml, type XmlElement } from '../import/ofd/xml';
import { openZip } from '../import/ofd/zip';
import { buildDocument } from './build-document';
import { createFontSet } from './fonts';
import { createPageItems } from './furniture';
import { layoutText, type Layout } from './layout';
import type { OfficialText } from './model';
import { renderOfd } from './render-ofd';
import { sampleCleanup, sampleGazette, SAMPLE_GAZETTES } from './samples';

/**
 * OFD export: the pages the layout engine set (the PDF's pages) come back verbatim through NormDesk's own OFD
 * reader, the package carries subset fonts that draw every character, the outline and the metadata; and every
 * kind of export (document, gazette issue, cleanup notice, campaign report) goes through the contract as OFD with
 * the PDF's page count and page text.
 */

const RESOURCES = join(findAppRoot(), 'resources');
const fonts = createFontSet(RESOURCES);
const now = new Date('2026-12-01T08:00:00Z');
const squash = (s: string) => s.replace(/\s+/g, '');
const sortedChars = (s: string) => [...squash(s)].sort().join('');

/** What each page draws, as the layout set it: text items on one baseline make a line, left to right. */
function expectedPages(layout: Layout): string[] {
  const items = createPageItems(fonts);
  return layout.pages.map((pl) => {
    const lines = new Map<number, Array<{ x: number; s: string }>>();
    for (const it of items(pl)) {
      if (it.kind !== 'text') continue;
      const y = Math.round(it.y * 100);
      const line = lines.get(y) ?? [];
      for (const a of it.atoms) line.push({ x: a.x, s: a.text });
      lines.set(y, line);
    }
    return [...lines.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, parts]) => parts.sort((a, b) => a.x - b.x).map((p) => p.s).join(''))
      .join('\n');
  });
}

function parts(bytes: Uint8Array) {
  const zip = openZip(bytes, { maxEntryBytes: 1 << 28, maxTotalBytes: 1 << 30, maxEntries: 10_000 });
  return { zip, xml: (name: string): XmlElement => parseXml(new TextDecoder().decode(zip.read(name))) };
}

const samples: Array<[string, () => OfficialText]> = [
  ['公报', () => sampleGazette(SAMPLE_GAZETTES[0]).text],
  ['清理结果通知', () => sampleCleanup()],
  ['带版头的文件', () => buildDocument(sampleGazette(SAMPLE_GAZETTES[1]).docs[0], { letterhead: true })],
];

describe.each(samples)('OFD of a %s', (_name, build) => {
  const text = build();
  const layout = layoutText(text, fonts);
  const bytes = renderOfd(text, layout, fonts, now);

  it('reads back verbatim through NormDesk’s OFD reader, page by page', () => {
    const back = readOfdPages(bytes, DEFAULT_PARSE_LIMITS);
    const expected = expectedPages(layout);
    expect(back.pages.length).toBe(layout.pages.length);
    let ordered = 0;
    back.pages.forEach((lines, i) => {
      // every character the page draws, no more and no fewer
      expect(sortedChars(lines.join('')), `第 ${i + 1} 页`).toBe(sortedChars(expected[i]));
      if (squash(lines.join('')) === squash(expected[i])) ordered++;
    });
    // in reading order too: only table rows whose cells sit a little higher or lower than their neighbours may read in another order
    expect(ordered / back.pages.length).toBeGreaterThanOrEqual(0.95);
    expect(back.title).toBe(text.meta.title);
  });

  it('embeds one subset font per face that draws every character on its pages', () => {
    const { zip, xml } = parts(bytes);
    const res = xml('Doc_0/PublicRes.xml');
    const faces = new Map<string, fontkit.Font>();
    for (const f of childrenOf(child(res, 'Fonts'), 'Font')) {
      const file = `Doc_0/Res/${child(f, 'FontFile')!.text.trim()}`;
      const data = zip.read(file);
      const font = fontkit.create(Buffer.from(data)) as fontkit.Font;
      // a subset: far fewer glyphs than the 10–16 MB face it came from
      expect(font.numGlyphs).toBeLessThan(5_000);
      faces.set(f.attrs.ID, font);
    }
    expect(faces.size).toBeGreaterThan(0);
    let checked = 0;
    for (let p = 0; p < layout.pages.length; p++) {
      const walk = (el: XmlElement) => {
        for (const c of el.children) {
          if (c.name === 'TextObject') {
            const font = faces.get(c.attrs.Font)!;
            expect(font, `字体 ${c.attrs.Font}`).toBeDefined();
            for (const code of childrenOf(c, 'TextCode')) {
              for (const ch of code.text) {
                if (/\s/.test(ch)) continue;
                const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
                expect(glyph.id, `“${ch}”没有字形`).toBeGreaterThan(0);
                expect(glyph.path.commands.length, `“${ch}”的字形是空的`).toBeGreaterThan(0);
                checked++;
              }
            }
          } else walk(c);
        }
      };
      walk(xml(`Doc_0/Pages/Page_${p}/Content.xml`));
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('leaves the font files it subsets untouched (the PDF export embeds the same bytes)', () => {
    for (const role of ['title', 'body', 'hei', 'kai'] as const) {
      const f = fonts.get(role);
      expect([...f.bytes.subarray(0, 4)], f.file).toEqual([0, 1, 0, 0]);
      expect((fontkit.create(Buffer.from(f.bytes)) as fontkit.Font).numGlyphs, f.file).toBe(f.font.numGlyphs);
    }
  });

  it('carries the outline, the metadata and the page numbers', () => {
    const { xml } = parts(bytes);
    const doc = xml('Doc_0/Document.xml');
    const pageIds = childrenOf(child(doc, 'Pages'), 'Page').map((p) => p.attrs.ID);
    const flat: XmlElement[] = [];
    const walk = (el: XmlElement | undefined) => {
      for (const o of childrenOf(el, 'OutlineElem')) {
        flat.push(o);
        walk(o);
      }
    };
    walk(child(doc, 'Outlines'));
    expect(flat.map((o) => o.attrs.Title)).toEqual(layout.outline.map((o) => o.title));
    flat.forEach((o, i) => {
      const dest = child(child(child(child(o, 'Actions'), 'Action'), 'Goto'), 'Dest')!;
      expect(dest.attrs.PageID).toBe(pageIds[layout.outline[i].page]);
    });
    const info = child(child(xml('OFD.xml'), 'DocBody'), 'DocInfo')!;
    expect(child(info, 'Title')!.text).toBe(text.meta.title);
    const custom = Object.fromEntries(childrenOf(child(info, 'CustomDatas'), 'CustomData').map((c) => [c.attrs.Name, c.text]));
    expect(custom).toEqual(Object.fromEntries(text.meta.custom ?? []));
    expect(Object.keys(custom).length).toBeGreaterThan(1);
    // the printed page numbers: — 1 — under the text block of each numbered page
    const back = readOfdPages(bytes, DEFAULT_PARSE_LIMITS);
    layout.pages.forEach((pl, i) => {
      if (pl.number !== null) expect(back.pages[i].at(-1)).toMatch(new RegExp(`^—\\s*${pl.number}\\s*—$`));
    });
  });
});

describe('the red 版头', () => {
  it('is red in the OFD where the PDF draws it red: the issuer mark and the rule under the 文号', () => {
    const doc = sampleGazette(SAMPLE_GAZETTES[1]).docs[0];
    const red = (letterhead: boolean) => {
      const text = buildDocument(doc, { letterhead });
      const bytes = renderOfd(text, layoutText(text, fonts), fonts, now);
      const page = new TextDecoder().decode(openZip(bytes, { maxEntryBytes: 1 << 26, maxTotalBytes: 1 << 28, maxEntries: 1000 }).read('Doc_0/Pages/Page_0/Content.xml'));
      const texts = [...page.matchAll(/<ofd:TextObject[^>]*><ofd:FillColor Value="217 0 0"\/><ofd:TextCode[^>]*>([^<]*)</g)].map((m) => m[1]).join('');
      const rules = [...page.matchAll(/<ofd:StrokeColor Value="217 0 0"\/>/g)].length;
      return { texts, rules };
    };
    expect(red(true).texts).toBe(`${doc.issuers[0]}文件`);
    expect(red(true).rules).toBe(1);
    expect(red(false)).toEqual({ texts: '', rules: 0 });
  });
});

describe('OFD through the export contract', () => {
  /** pdfjs: each page's text. */
  async function pdfPages(base64: string): Promise<string[]> {
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as {
      getDocument(src: object): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: Array<{ str?: string }> }> }>; destroy(): Promise<void> }> };
    };
    const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    const out: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) out.push((await (await doc.getPage(p)).getTextContent()).items.map((i) => i.str ?? '').join(''));
    await doc.destroy();
    return out;
  }

  it('documents, gazette issues, cleanup notices and campaign reports export to OFD with the PDF’s pages', async () => {
    const lib = testLibrary(undefined, { resourcesDir: RESOURCES });
    const docs = [
      parsedDoc({ title: '高青县人民政府关于甲的通知', docNumber: '高政发〔2019〕1号', dateSigned: '2019-03-01', issuers: ['高青县人民政府'], body: ['各镇人民政府：', '现将有关事项通知如下。', '一、总体要求', '本通知自2019年4月1日起施行。', '高青县人民政府', '2019年3月1日'] }),
      parsedDoc({ title: '高青县人民政府关于乙的通知', docNumber: '高政发〔2019〕2号', dateSigned: '2019-04-01', issuers: ['高青县人民政府'] }),
    ];
    const gazette = { title: '高青县人民政府公报', issueNumber: 1, totalNumber: 9, year: 2019, publishDate: '2019-05-01', toc: docs.map((d) => ({ section: '【县政府文件】', title: d.title, page: null })) };
    lib.imports.commitParsed(BY, [commitFile('gazette.txt', docs, gazette)]);
    const call: typeof lib.app.call = (channel, req) => lib.app.call(channel, req, BY);
    const docId = lib.documents.all().find((d) => d.docNumber?.normalized === '高政发〔2019〕1号')!.id;
    const gazetteId = (await call('gazettes:list', {}))[0].id;
    const campaign = await call('cleanup:create', { name: '2021年清理', basisDocNumber: '鲁司〔2020〕66号', basisTitle: '关于开展清理工作的通知', cutoff: '2021-06-30' });
    await call('cleanup:decide', { id: campaign.id, documentIds: [docId], decision: '废止', reason: '已被替代' });

    const kinds = [
      (format: 'ofd' | 'pdf') => call('export:document', { id: docId, format, letterhead: true }),
      (format: 'ofd' | 'pdf') => call('export:gazette', { id: gazetteId, format }),
      (format: 'ofd' | 'pdf') => call('export:cleanup', { campaignId: campaign.id, format }),
      (format: 'ofd' | 'pdf') => call('export:campaign-report', { campaignId: campaign.id, format }),
    ];
    for (const kind of kinds) {
      const ofd = await kind('ofd');
      const pdf = await kind('pdf');
      expect(ofd.fileName).toMatch(/\.ofd$/);
      expect(ofd.mime).toBe('application/ofd');
      expect(ofd.pages).toBe(pdf.pages);
      const back = readOfdPages(new Uint8Array(Buffer.from(ofd.dataBase64, 'base64')), DEFAULT_PARSE_LIMITS);
      const pdfText = await pdfPages(pdf.dataBase64);
      expect(back.pages.length).toBe(pdfText.length);
      back.pages.forEach((lines, i) => expect(sortedChars(lines.join('')), `${ofd.fileName} 第 ${i + 1} 页`).toBe(sortedChars(pdfText[i])));
    }
    await expect(call('export:document', { id: docId, format: 'odt' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  }, 120_000);
});
