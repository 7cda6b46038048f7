import { AppError } from '../../../kernel/errors';
import { mb, wan, type ParseLimits } from '../limits';
import { pageLines } from './page-text';
import { child, childrenOf, childText, parseXml, XmlError, type XmlElement } from './xml';
import { openZip, ZipError, type ZipReader } from './zip';

/**
 * OFD (GB/T 33190) → text. Reads OFD.xml → each DocBody's Document.xml → every page (its templates and its layers,
 * page blocks nested to any depth) and joins the glyphs into lines by position (page-text.ts). Annotations —
 * seals, watermarks, stamps — are not body text and are never read; signatures and attachments are named in the
 * note. Bounded like the other readers: the package's inflated size (per part and in total), pages, glyphs per
 * page and characters; the worker bounds time and memory. Bad input throws AppError('INVALID_INPUT') in Chinese.
 */

export interface OfdText {
  /** per page, its lines in reading order */
  pages: string[][];
  title: string | null;
  /** DocInfo CustomDatas: name → value */
  custom: Record<string, string>;
  attachments: string[];
  signatures: number;
}

export interface OfdReadResult {
  text: string;
  encoding: 'ofd';
  note?: string | null;
  pages: number;
}

const invalid = (message: string) => new AppError('INVALID_INPUT', message);

/** Part paths as producers write them: relative to the referring part, from the package root, with `\`, any case. */
function createResolver(zip: ZipReader) {
  const lower = new Map(zip.names().map((n) => [n.toLowerCase(), n]));
  const normalize = (p: string) => {
    const out: string[] = [];
    for (const seg of p.replace(/\\/g, '/').split('/')) {
      if (!seg || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return out.join('/');
  };
  return (baseDir: string, loc: string): string | null => {
    const clean = loc.trim();
    if (!clean) return null;
    const candidates = clean.startsWith('/') || clean.startsWith('\\') ? [normalize(clean)] : [normalize(`${baseDir}/${clean}`), normalize(clean)];
    for (const c of candidates) {
      if (zip.has(c)) return c;
      const any = lower.get(c.toLowerCase());
      if (any) return any;
    }
    return null;
  };
}

/** An XML part's text in the encoding its declaration names (UTF-8 unless it says otherwise, e.g. GB2312). */
function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(/^(gb2312|gbk|gb18030|x-gbk)$/.test(label) ? 'gb18030' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

function zipFailure(err: ZipError, limits: ParseLimits): AppError {
  if (err.kind === 'encrypted') return invalid('OFD 文件已加密，无法读取正文，请先用原软件解密后再导入');
  if (err.kind === 'too-large') {
    return invalid(`OFD 文件解压后过大（${err.message}；单个部件上限 ${mb(limits.maxDocxXmlBytes)}，合计上限 ${mb(limits.maxDocxTotalBytes)}），可能是恶意构造的压缩文件，已拒绝`);
  }
  return invalid(`不是有效的 OFD 文件（${err.message}），文件可能已损坏或不完整`);
}

/** Reads the OFD package's text page by page, with its title, custom data, attachments and signature count. */
export function readOfdPages(bytes: Uint8Array, limits: ParseLimits): OfdText {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw invalid('不是有效的 OFD 文件（OFD 是 zip 包，此文件不是），文件可能已损坏');
  try {
    return readPackage(bytes, limits);
  } catch (err) {
    if (err instanceof ZipError) throw zipFailure(err, limits);
    if (err instanceof XmlError) throw invalid(`OFD 文件的内容结构已损坏（${err.message}），无法读取`);
    throw err;
  }
}

function readPackage(bytes: Uint8Array, limits: ParseLimits): OfdText {
  const zip = openZip(bytes, { maxEntryBytes: limits.maxDocxXmlBytes, maxTotalBytes: limits.maxDocxTotalBytes, maxEntries: 100_000 });
  const resolve = createResolver(zip);
  const xmlCache = new Map<string, XmlElement>();
  const xml = (path: string): XmlElement => {
    let el = xmlCache.get(path);
    if (!el) xmlCache.set(path, (el = parseXml(decodeXml(zip.read(path)))));
    return el;
  };
  const entry = resolve('', 'OFD.xml');
  if (!entry) throw invalid('不是有效的 OFD 文件：包内没有 OFD.xml（可能是其他格式的压缩包）');
  const ofd = xml(entry);
  const bodies = childrenOf(ofd, 'DocBody');
  if (!bodies.length) throw invalid('不是有效的 OFD 文件：OFD.xml 中没有文档（DocBody）');
  if (resolve('', 'Encryptions.xml') || bodies.some((b) => child(b, 'Encryptions'))) {
    throw invalid('OFD 文件已加密，无法读取正文，请先用原软件解密后再导入');
  }
  const result: OfdText = { pages: [], title: null, custom: {}, attachments: [], signatures: 0 };
  let pageCount = 0;
  let chars = 0;
  for (const body of bodies) {
    const info = child(body, 'DocInfo');
    result.title ??= childText(info, 'Title') || null;
    for (const c of childrenOf(child(info, 'CustomDatas'), 'CustomData')) result.custom[c.attrs.Name ?? ''] = c.text.trim();
    const rootPath = resolve('', childText(body, 'DocRoot'));
    if (!rootPath) throw invalid('不是有效的 OFD 文件：找不到文档根（DocRoot），文件可能已损坏');
    const docDir = dirOf(rootPath);
    const doc = xml(rootPath);
    const common = child(doc, 'CommonData');
    const templates = new Map<string, string>();
    for (const t of childrenOf(common, 'TemplatePage')) {
      const p = resolve(docDir, t.attrs.BaseLoc ?? '');
      if (p && t.attrs.ID) templates.set(t.attrs.ID, p);
    }
    const units = new Map<string, XmlElement>();
    const addUnits = (baseDir: string, locs: XmlElement[]) => {
      for (const loc of locs) {
        const p = resolve(baseDir, loc.text);
        if (!p) continue;
        for (const u of childrenOf(child(xml(p), 'CompositeGraphicUnits'), 'CompositeGraphicUnit')) if (u.attrs.ID) units.set(u.attrs.ID, u);
      }
    };
    addUnits(docDir, [...childrenOf(common, 'PublicRes'), ...childrenOf(common, 'DocumentRes')]);
    const pages = childrenOf(child(doc, 'Pages'), 'Page');
    pageCount += pages.length;
    if (pageCount > limits.maxPdfPages) throw invalid(`OFD 页数过多（超过 ${limits.maxPdfPages} 页的上限），请拆分后再导入`);
    for (const [i, pageRef] of pages.entries()) {
      const path = resolve(docDir, pageRef.attrs.BaseLoc ?? '');
      if (!path) throw invalid(`OFD 第 ${result.pages.length + 1} 页的内容文件缺失（${pageRef.attrs.BaseLoc ?? ''}），文件可能已损坏`);
      const page = xml(path);
      xmlCache.delete(path);
      addUnits(dirOf(path), childrenOf(page, 'PageRes'));
      const tpls = childrenOf(page, 'Template')
        .sort((a, b) => zOrder(a) - zOrder(b))
        .map((t) => templates.get(t.attrs.TemplateID ?? ''))
        .filter((p): p is string => !!p)
        .map(xml);
      let lines: string[];
      try {
        lines = pageLines(page, tpls, limits.maxPdfItemsPerPage, units, child(child(common, 'PageArea'), 'PhysicalBox')?.text);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        throw invalid(`OFD 第 ${i + 1} 页的文字过多（超过 ${wan(limits.maxPdfItemsPerPage)} 个字符的上限），文件可能经过恶意构造，已拒绝`);
      }
      for (const l of lines) chars += l.length + 1;
      if (chars > limits.maxTextChars) throw invalid(`文件的文字内容过长（超过 ${wan(limits.maxTextChars)} 字的上限），请拆分后再导入`);
      result.pages.push(lines);
    }
    const attachPath = resolve(docDir, childText(doc, 'Attachments'));
    if (attachPath) {
      for (const a of childrenOf(xml(attachPath), 'Attachment')) result.attachments.push(a.attrs.Name || childText(a, 'FileLoc') || '未命名附件');
    }
    const signPath = resolve(docDir, childText(body, 'Signatures'));
    if (signPath) result.signatures += childrenOf(xml(signPath), 'Signature').length;
  }
  return result;
}

/** Background templates under the page, foreground ones over it (only the order of equal positions depends on it). */
const zOrder = (t: XmlElement) => (t.attrs.ZOrder === 'Foreground' ? 1 : 0);

/**
 * Reads an OFD file into text in the shape the other readers return; `pages` is the page count. Signatures and
 * attachments are reported in the note (their contents are not body text).
 */
export function readOfd(bytes: Uint8Array, limits: ParseLimits): OfdReadResult {
  const ofd = readOfdPages(bytes, limits);
  const text = ofd.pages.map((p) => p.join('\n')).join('\n');
  if (!text.trim()) {
    throw invalid(ofd.pages.length ? 'OFD 文件没有文字（可能是扫描件转成的图片），扫描件需要 OCR 识别，暂不支持' : 'OFD 文件没有任何页面');
  }
  const notes: string[] = [];
  if (ofd.signatures) notes.push(`含电子签章 ${ofd.signatures} 个（签章外观不计入正文，签名未验证）`);
  if (ofd.attachments.length) notes.push(`含附件 ${ofd.attachments.length} 个（${ofd.attachments.slice(0, 5).join('、')}${ofd.attachments.length > 5 ? '等' : ''}），附件内容未导入`);
  return { text, encoding: 'ofd', pages: ofd.pages.length, ...(notes.length ? { note: notes.join('；') } : {}) };
}
