import { createHash } from 'node:crypto';
import { FONT_ROLES, type FontRole, type FontSet } from './fonts';
import { createPageItems } from './furniture';
import { PAGE_H, PAGE_W, PT_PER_MM } from './geometry';
import { createMeasure, type Item, type Layout, type PlacedAtom } from './layout';
import type { OfficialText } from './model';
import { subsetForOfd } from './ofd-font';
import { writeZip } from './zip-write';

/**
 * Renders a laid-out official text as OFD (GB/T 33190-2016): the same pages, lines and positions as the PDF (both
 * draw the layout's items, furniture included), with one TrueType subset per face embedded, the outline as
 * OutlineElem with a Goto per entry, and the metadata in DocInfo (title, author, keywords, and CustomDatas with
 * 发文机关, 文号 and the dates). Units are millimetres from the page's top left corner.
 */

const NS = 'http://www.ofdspec.org/2016';
const RED = '217 0 0';
const mm = (pt: number) => Math.round((pt / PT_PER_MM) * 1000) / 1000;
/** page y (PDF points, from the bottom) → OFD y (mm, from the top) */
const top = (pt: number) => mm(PAGE_H - pt);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xmlDoc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

/** A glyph run of one face (and one width treatment) with each character's x on the page. */
interface Run {
  role: FontRole;
  digits: boolean;
  chars: string[];
  xs: number[];
}

/** Splits a line's atoms into runs per face, digits apart (they are narrowed to half an em as in the PDF). */
function runsOf(atoms: PlacedAtom[], charWidth: (ch: string, role: FontRole) => number): Run[] {
  const runs: Run[] = [];
  for (const a of atoms) {
    const digits = /^[0-9]+$/.test(a.text);
    const chars = Array.from(a.text);
    const widths = chars.map((ch) => (digits ? 1 : charWidth(ch, a.font)));
    const total = widths.reduce((s, w) => s + w, 0) || 1;
    let x = a.x;
    const last = runs[runs.length - 1];
    const run = last && last.role === a.font && last.digits === digits ? last : { role: a.font, digits, chars: [], xs: [] };
    if (run !== last) runs.push(run);
    chars.forEach((ch, i) => {
      run.chars.push(ch);
      run.xs.push(x);
      x += (widths[i] * a.width) / total;
    });
  }
  return runs;
}

/** Renders the OFD package's bytes. */
export function renderOfd(text: OfficialText, layout: Layout, fonts: FontSet, now: Date): Uint8Array {
  let nextId = 1;
  const id = () => nextId++;
  const pageItems = createPageItems(fonts);
  const measures = new Map<number, ReturnType<typeof createMeasure>>();
  const charWidth = (size: number) => {
    let m = measures.get(size);
    if (!m) measures.set(size, (m = createMeasure(fonts, size, new Set(), new Set())));
    const measure = m;
    return (ch: string, role: FontRole) => measure(ch, role).reduce((s, p) => s + p.width, 0);
  };

  // one font resource per font file; the code points each draws, for its subset
  const fontIds = new Map<string, number>();
  const codePoints = new Map<string, Set<number>>();
  const fontOf = (role: FontRole) => {
    const file = FONT_ROLES[role].file;
    let fid = fontIds.get(file);
    if (fid === undefined) {
      fontIds.set(file, (fid = id()));
      codePoints.set(file, new Set());
    }
    return { fid, cps: codePoints.get(file)! };
  };

  const pageIds: number[] = [];
  const pageXml: string[] = [];
  for (const pl of layout.pages) {
    const pageId = id();
    pageIds.push(pageId);
    const layerId = id();
    const objects = pageItems(pl).map((item) => (item.kind === 'line' ? pathObject(item, id()) : textObjects(item, id, fontOf, charWidth(item.size), fonts)));
    pageXml.push(
      xmlDoc(
        `<ofd:Page xmlns:ofd="${NS}"><ofd:Area><ofd:PhysicalBox>0 0 ${mm(PAGE_W)} ${mm(PAGE_H)}</ofd:PhysicalBox></ofd:Area>` +
          `<ofd:Content><ofd:Layer ID="${layerId}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
      ),
    );
  }

  const files: Array<{ name: string; data: Uint8Array }> = [];
  const enc = new TextEncoder();
  const fontXml: string[] = [];
  for (const [file, fid] of fontIds) {
    const role = (Object.keys(FONT_ROLES) as FontRole[]).find((r) => FONT_ROLES[r].file === file)!;
    const loaded = fonts.get(role);
    const family = loaded.font.familyName;
    fontXml.push(`<ofd:Font ID="${fid}" FontName="${esc(loaded.font.postscriptName)}" FamilyName="${esc(family)}"><ofd:FontFile>font_${fid}.ttf</ofd:FontFile></ofd:Font>`);
    files.push({ name: `Doc_0/Res/font_${fid}.ttf`, data: subsetForOfd(loaded, codePoints.get(file)!) });
  }

  const outline = outlineXml(layout, pageIds);
  const maxId = nextId - 1;
  const documentXml = xmlDoc(
    `<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${maxId}</ofd:MaxUnitID>` +
      `<ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(PAGE_W)} ${mm(PAGE_H)}</ofd:PhysicalBox></ofd:PageArea>` +
      `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>` +
      `<ofd:Pages>${pageIds.map((p, i) => `<ofd:Page ID="${p}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages>` +
      `${outline}</ofd:Document>`,
  );
  const publicRes = xmlDoc(`<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts>${fontXml.join('')}</ofd:Fonts></ofd:Res>`);

  return writeZip(
    [
      { name: 'OFD.xml', data: enc.encode(ofdXml(text, now)) },
      { name: 'Doc_0/Document.xml', data: enc.encode(documentXml) },
      { name: 'Doc_0/PublicRes.xml', data: enc.encode(publicRes) },
      ...pageXml.map((x, i) => ({ name: `Doc_0/Pages/Page_${i}/Content.xml`, data: enc.encode(x) })),
      ...files,
    ],
    now,
  );
}

/** OFD.xml: the document's entry with its metadata; dates as xs:date, the custom fields as CustomData. */
function ofdXml(text: OfficialText, now: Date): string {
  const m = text.meta;
  const day = now.toISOString().slice(0, 10);
  const docId = createHash('md5').update(`${m.title}\u0000${now.toISOString()}`).digest('hex');
  const keywords = m.keywords.length ? `<ofd:Keywords>${m.keywords.map((k) => `<ofd:Keyword>${esc(k)}</ofd:Keyword>`).join('')}</ofd:Keywords>` : '';
  const custom = m.custom?.length ? `<ofd:CustomDatas>${m.custom.map(([k, v]) => `<ofd:CustomData Name="${esc(k)}">${esc(v)}</ofd:CustomData>`).join('')}</ofd:CustomDatas>` : '';
  return xmlDoc(
    `<ofd:OFD xmlns:ofd="${NS}" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
      `<ofd:DocID>${docId}</ofd:DocID><ofd:Title>${esc(m.title)}</ofd:Title><ofd:Author>${esc(m.author)}</ofd:Author>` +
      `<ofd:Subject>${esc(m.subject)}</ofd:Subject><ofd:CreationDate>${day}</ofd:CreationDate><ofd:ModDate>${day}</ofd:ModDate>` +
      `${keywords}<ofd:Creator>NormDesk</ofd:Creator><ofd:CreatorVersion>1.0</ofd:CreatorVersion>${custom}` +
      `</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
}

/** A rule, a table border or a dotted leader as a stroked path. */
function pathObject(item: Extract<Item, { kind: 'line' }>, oid: number): string {
  const pad = item.width;
  const x0 = Math.min(item.x1, item.x2) - pad;
  const y0 = Math.max(item.y1, item.y2) + pad;
  const box = `${mm(x0)} ${top(y0)} ${mm(Math.abs(item.x2 - item.x1) + 2 * pad)} ${mm(Math.abs(item.y2 - item.y1) + 2 * pad)}`;
  const d = `M ${mm(item.x1 - x0)} ${mm(y0 - item.y1)} L ${mm(item.x2 - x0)} ${mm(y0 - item.y2)}`;
  const dash = item.dotted ? ` Cap="Round" DashPattern="0.01 ${mm(4)}"` : '';
  const color = item.color === 'red' ? RED : '0 0 0';
  return `<ofd:PathObject ID="${oid}" Boundary="${box}" LineWidth="${mm(item.width)}" Stroke="true" Fill="false"${dash}><ofd:StrokeColor Value="${color}"/><ofd:AbbreviatedData>${d}</ofd:AbbreviatedData></ofd:PathObject>`;
}

/** One line of text as a TextObject per run: a box around it, the characters with their DeltaX from the layout. */
function textObjects(
  item: Extract<Item, { kind: 'text' }>,
  id: () => number,
  fontOf: (role: FontRole) => { fid: number; cps: Set<number> },
  charWidth: (ch: string, role: FontRole) => number,
  fonts: FontSet,
): string {
  const out: string[] = [];
  const size = mm(item.size);
  const color = item.color === 'red' ? RED : '0 0 0';
  for (const run of runsOf(item.atoms, charWidth)) {
    if (run.chars.every((c) => c === ' ')) continue;
    const { fid, cps } = fontOf(run.role);
    for (const ch of run.chars) cps.add(ch.codePointAt(0)!);
    const x0 = run.xs[0];
    const end = run.xs[run.xs.length - 1] + item.size;
    const box = `${mm(x0)} ${top(item.y + item.size)} ${mm(end - x0)} ${mm(item.size * 1.3)}`;
    const dx = run.xs.slice(1).map((x, i) => mm(x - run.xs[i]));
    const hScale = run.digits ? digitScale(run.role) : 1;
    out.push(
      `<ofd:TextObject ID="${id()}" Boundary="${box}" Font="${fid}" Size="${size}"${hScale !== 1 ? ` HScale="${hScale}"` : ''}${run.role === 'title' ? ' Weight="700"' : ''}>` +
        `<ofd:FillColor Value="${color}"/>` +
        `<ofd:TextCode X="0" Y="${size}"${dx.length ? ` DeltaX="${compactDeltas(dx)}"` : ''}>${esc(run.chars.join(''))}</ofd:TextCode></ofd:TextObject>`,
    );
  }
  return out.join('');

  function digitScale(role: FontRole): number {
    // digits are set half an em wide, as in the PDF: narrowed when the face's are wider
    const zero = fonts.get(role).advance(0x30) ?? 500;
    return zero > 500 ? Math.round((500 / zero) * 1000) / 1000 : 1;
  }
}

/** DeltaX with the `g N d` form for repeated distances (a line on the grid repeats one pitch). */
function compactDeltas(ds: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ds.length; ) {
    let j = i;
    while (j < ds.length && ds[j] === ds[i]) j++;
    parts.push(j - i >= 3 ? `g ${j - i} ${ds[i]}` : ds.slice(i, j).join(' '));
    i = j;
  }
  return parts.join(' ');
}

/** The outline (bookmarks): nested OutlineElem, each going to its page at the entry's height. */
function outlineXml(layout: Layout, pageIds: number[]): string {
  if (!layout.outline.length) return '';
  interface Node {
    title: string;
    page: number;
    y: number;
    children: Node[];
  }
  const root: Node = { title: '', page: 0, y: 0, children: [] };
  const stack: Array<{ level: number; node: Node }> = [{ level: -1, node: root }];
  for (const o of layout.outline) {
    while (stack[stack.length - 1].level >= o.level) stack.pop();
    const node: Node = { title: o.title, page: o.page, y: o.y, children: [] };
    stack[stack.length - 1].node.children.push(node);
    stack.push({ level: o.level, node });
  }
  const write = (n: Node): string =>
    `<ofd:OutlineElem Title="${esc(n.title)}"><ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto>` +
    `<ofd:Dest Type="XYZ" PageID="${pageIds[n.page]}" Left="0" Top="${Math.max(0, top(n.y + 20))}"/></ofd:Goto></ofd:Action></ofd:Actions>` +
    `${n.children.map(write).join('')}</ofd:OutlineElem>`;
  return `<ofd:Outlines>${root.children.map(write).join('')}</ofd:Outlines>`;
}
