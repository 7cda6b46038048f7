import { invalid, extOf, type FormatReader, type ReadResult } from './formats';
import { capText } from './readers';

/**
 * Word 97–2003 (.doc) and WPS 文字 2003 and later (.wps, the same OLE compound file with a WordDocument stream)
 * through word-extractor: the body in reading order, table rows as cells joined by tabs, headers, footers and
 * footnotes kept apart from the body. Older Kingsoft WPS files (WPS 2000 and before) and Microsoft Works files
 * are another format altogether: refused with what to do.
 */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const isOle = (bytes: Uint8Array) => OLE_MAGIC.every((b, i) => bytes[i] === b);

type WordDocument = import('word-extractor').WordDocument;

/** Word's cell marks become tabs and each row ends with one more: a row reads "cell\tcell", one per line. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t+\n/g, '\n')
    // eslint-disable-next-line no-control-regex -- Word's own marks (fields, anchors) left in the text
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');
}

/** Refuses what is not a Word document inside, with what the person can do about it. */
function notWord(name: string, bytes: Uint8Array): never {
  const wps = extOf(name) === 'wps';
  if (!isOle(bytes)) {
    throw invalid(
      wps
        ? '无法读取该 .wps 文件：它是早期金山 WPS 格式（WPS 2000 及更早）或已损坏，请在 WPS 中打开并另存为 .doc 或 .docx 后导入'
        : '不是有效的 Word 97–2003 文档（.doc），文件可能已损坏；如能打开，请另存为 .docx 后导入',
    );
  }
  throw invalid(
    `无法读取${wps ? '该 WPS 文件' : ' Word 97–2003 文档（.doc）'}：文件可能已加密、损坏，或不是文字文档（例如 Excel、PowerPoint、Microsoft Works 文件），请在 ${wps ? 'WPS' : 'Word 或 WPS'} 中打开并另存为 .docx 后导入`,
  );
}

async function readDoc(bytes: Uint8Array, limits: Parameters<FormatReader['read']>[1], name: string): Promise<ReadResult> {
  if (!isOle(bytes)) notWord(name, bytes);
  let doc: WordDocument;
  try {
    const mod = await import('word-extractor');
    // CommonJS module: the class is the default export under Node, the module itself in some bundles
    const Extractor = (mod.default ?? mod) as typeof mod.default;
    doc = await new Extractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    notWord(name, bytes);
  }
  const raw = { filterUnicode: false };
  const text = capText(tidy(doc.getBody(raw)), limits);
  // Encrypted documents give garbage through the same path: mostly characters no Chinese or Western text has.
  const odd = [...text.slice(0, 5000)].filter((c) => /[\u0080-\u00ff\ue000-\uf8ff\ufffd]/.test(c)).length;
  if (text.length > 50 && odd / Math.min(text.length, 5000) > 0.3) notWord(name, bytes);
  const apart = [
    { label: '页眉', text: tidy(doc.getHeaders({ ...raw, includeFooters: false })) },
    { label: '页脚', text: tidy(doc.getFooters(raw)) },
    { label: '脚注', text: tidy(doc.getFootnotes(raw)) },
    { label: '尾注', text: tidy(doc.getEndnotes(raw)) },
    { label: '文本框', text: tidy(doc.getTextboxes(raw)) },
  ].filter((p) => p.text);
  return { text, encoding: extOf(name) === 'wps' ? 'wps' : 'doc', ...(apart.length ? { apart } : {}) };
}

export const docReader: FormatReader = {
  id: 'doc',
  label: 'Word 97–2003 / WPS 文字',
  extensions: ['doc', 'wps', 'dot', 'wpt'],
  sniff: (p) => isOle(p.bytes),
  textFallback: true,
  read: readDoc,
};
