import {
  beginText,
  endText,
  LineCapStyle,
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
  PDFString,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
} from 'pdf-lib';
import { FONT_ROLES, fontkitAdapter, type FontRole, type FontSet } from './fonts';
import { createPageItems } from './furniture';
import { PAGE_H, PAGE_W } from './geometry';
import type { Item, Layout } from './layout';
import type { OfficialText } from './model';

const RED = { r: 0.85, g: 0, b: 0 };

/** Renders a laid-out official text with pdf-lib: subset CJK fonts, furniture, outline and metadata. */
export async function renderPdf(text: OfficialText, layout: Layout, fonts: FontSet, now: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitAdapter as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);

  // one embedded subset per font file (body and page numbers share Noto Serif SC)
  const byFile = new Map<string, PDFFont>();
  const roles = new Set<FontRole>(layout.usedFonts);
  roles.add('song');
  const pdfFonts = new Map<FontRole, PDFFont>();
  let tag = 0;
  for (const role of roles) {
    const file = FONT_ROLES[role].file;
    let f = byFile.get(file);
    if (!f) {
      const loaded = fonts.get(role);
      // a six-letter tag marks the font as a subset (PDF 9.6.4), which checkers such as pdffonts look for
      const prefix = 'NDSUB' + String.fromCharCode(65 + tag++);
      f = await doc.embedFont(loaded.bytes, { subset: true, customName: `${prefix}+${loaded.font.postscriptName}` });
      byFile.set(file, f);
    }
    pdfFonts.set(role, f);
  }

  const pageItems = createPageItems(fonts);
  const pageRefs: PDFRef[] = [];

  for (const pl of layout.pages) {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    pageRefs.push(page.ref);
    const keys = new Map<PDFFont, PDFName>();
    const keyOf = (f: PDFFont) => {
      let k = keys.get(f);
      if (!k) keys.set(f, (k = page.node.newFontDictionary(f.name, f.ref)));
      return k;
    };
    const items = pageItems(pl);
    for (const item of items) {
      if (item.kind === 'line') {
        page.drawLine({
          start: { x: item.x1, y: item.y1 },
          end: { x: item.x2, y: item.y2 },
          thickness: item.width,
          color: item.color === 'red' ? rgb(RED.r, RED.g, RED.b) : rgb(0, 0, 0),
          ...(item.dotted ? { dashArray: [0.01, 4], lineCap: LineCapStyle.Round } : {}),
        });
      } else drawTextItem(doc, page, item, pdfFonts, fonts, keyOf);
    }
  }

  addOutline(doc, layout, pageRefs);
  const m = text.meta;
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator('NormDesk');
  doc.setProducer('NormDesk（pdf-lib）');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
  return doc.save({ useObjectStreams: true });
}

/** One line as TJ arrays per face: glyphs from the subset, positions from our grid (adjustments in 1/1000 em). */
function drawTextItem(
  doc: PDFDocument,
  page: PDFPage,
  item: Extract<Item, { kind: 'text' }>,
  pdfFonts: Map<FontRole, PDFFont>,
  fonts: FontSet,
  keyOf: (f: PDFFont) => PDFName,
) {
  const ops: PDFOperator[] = [];
  const atoms = item.atoms;
  let i = 0;
  const isDigits = (t: string) => /^[0-9]+$/.test(t);
  while (i < atoms.length) {
    const role = atoms[i].font;
    const digits = isDigits(atoms[i].text);
    const font = pdfFonts.get(role)!;
    const loaded = fonts.get(role);
    const arr = PDFArray.withContext(doc.context);
    const x0 = atoms[i].x;
    // digits are set half an em wide, as the DOCX's Times New Roman: narrowed to that (Tz) when the face is wider
    const zero = loaded.advance(0x30) ?? 500;
    const scale = digits && zero > 500 ? 500 / zero : 1;
    let pen = x0;
    for (; i < atoms.length && atoms[i].font === role && isDigits(atoms[i].text) === digits; i++) {
      const a = atoms[i];
      const gap = (a.x - pen) / scale;
      if (Math.abs(gap) > 0.001) arr.push(PDFNumber.of(Math.round((-gap * 1000 * 100) / item.size) / 100));
      arr.push(font.encodeText(a.text) as PDFHexString);
      let natural = 0;
      for (const ch of a.text) natural += ((loaded.advance(ch.codePointAt(0)!) ?? 1000) * item.size) / 1000;
      pen = a.x + natural * scale;
    }
    ops.push(beginText(), setFontAndSize(keyOf(font), item.size));
    if (scale !== 1) ops.push(PDFOperator.of(PDFOperatorNames.SetTextHorizontalScaling, [PDFNumber.of(Math.round(scale * 10000) / 100)]));
    // every line states its colour: the red of a masthead title must not run on into the text after it
    ops.push(item.color === 'red' ? setFillingRgbColor(RED.r, RED.g, RED.b) : setFillingRgbColor(0, 0, 0));
    ops.push(setTextMatrix(1, 0, 0, 1, round(x0), round(item.y)));
    ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [arr]), endText());
    // horizontal scaling is graphics state and outlives the text object
    if (scale !== 1) ops.push(PDFOperator.of(PDFOperatorNames.SetTextHorizontalScaling, [PDFNumber.of(100)]));
  }
  page.pushOperators(...ops);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Bookmarks: a nested /Outlines tree from the layout's outline marks (pdf-lib has no API for it). */
function addOutline(doc: PDFDocument, layout: Layout, pageRefs: PDFRef[]) {
  if (!layout.outline.length) return;
  const ctx = doc.context;
  interface Node {
    ref: PDFRef;
    dict: PDFDict;
    children: Node[];
  }
  const root: Node = { ref: ctx.nextRef(), dict: ctx.obj({ Type: 'Outlines' }) as PDFDict, children: [] };
  const stack: Array<{ level: number; node: Node }> = [{ level: -1, node: root }];
  for (const o of layout.outline) {
    while (stack[stack.length - 1].level >= o.level) stack.pop();
    const parent = stack[stack.length - 1].node;
    const dict = ctx.obj({
      Title: PDFHexString.fromText(o.title),
      Parent: parent.ref,
      Dest: [pageRefs[o.page], 'XYZ', null, Math.round(o.y + 20), null],
    }) as PDFDict;
    const node: Node = { ref: ctx.nextRef(), dict, children: [] };
    parent.children.push(node);
    stack.push({ level: o.level, node });
  }
  const finish = (node: Node): number => {
    let count = 0;
    node.children.forEach((c, i) => {
      if (i > 0) c.dict.set(PDFName.of('Prev'), node.children[i - 1].ref);
      if (i < node.children.length - 1) c.dict.set(PDFName.of('Next'), node.children[i + 1].ref);
      count += 1 + finish(c);
    });
    if (node.children.length) {
      node.dict.set(PDFName.of('First'), node.children[0].ref);
      node.dict.set(PDFName.of('Last'), node.children[node.children.length - 1].ref);
      node.dict.set(PDFName.of('Count'), PDFNumber.of(count));
    }
    ctx.assign(node.ref, node.dict);
    return count;
  };
  finish(root);
  doc.catalog.set(PDFName.of('Outlines'), root.ref);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
