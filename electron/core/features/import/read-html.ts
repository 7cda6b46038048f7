import { invalid, type FormatReader, type ReadResult } from './formats';
import type { ParseLimits } from './limits';
import { capText } from './readers';

/**
 * Saved web pages (.html/.htm, and .mht/.mhtml web archives): decoded in the page's own charset (BOM, then
 * `<meta charset>`, else UTF-8 when it decodes cleanly and GB18030 otherwise — many government pages are GBK),
 * the site's chrome removed (menus, breadcrumbs, share bars, footers, 打印本页/关闭窗口) and the article taken
 * by @mozilla/readability over linkedom, as text with paragraphs as lines and table rows as tab-joined cells.
 * The page's address (canonical link, og:url, the archive's Content-Location) and its 发布日期 become `origin`.
 */

const LABELS: Record<string, string> = { gb2312: 'gbk', 'x-gbk': 'gbk', gbk: 'gbk', gb18030: 'gb18030', big5: 'big5', 'utf8': 'utf-8' };

function label(charset: string | null | undefined): string | null {
  if (!charset) return null;
  const c = charset.trim().toLowerCase().replace(/^["']|["']$/g, '');
  try {
    return new TextDecoder(LABELS[c] ?? c).encoding;
  } catch {
    return null;
  }
}

/** Bytes of a page → text, honouring BOM, a declared charset (meta or MIME) and GB18030 as the fallback. */
export function decodePage(bytes: Uint8Array, declared?: string | null): { html: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { html: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { html: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { html: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const enc = label(declared) ?? label(meta);
  if (enc && enc !== 'utf-8') return { html: new TextDecoder(enc).decode(bytes), encoding: enc };
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // declared UTF-8 but not (pages re-saved by old editors), or nothing declared: GBK is what such pages are
    return { html: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** One part of a MIME web archive. */
interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function mimeHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([\w-]+):\s*(.*)$/.exec(line);
    if (m) headers.set(m[1].toLowerCase(), m[2].trim());
  }
  return headers;
}

function splitPart(raw: string): MimePart {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { headers: new Map(), body: raw };
  return { headers: mimeHeaders(raw.slice(0, m.index)), body: raw.slice(m.index + m[0].length) };
}

/** The body of a part as bytes (base64, quoted-printable or as is; the string holds one byte per character). */
function partBytes(p: MimePart): Uint8Array {
  const cte = (p.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (cte === 'base64') return new Uint8Array(Buffer.from(p.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  const body = cte === 'quoted-printable' ? p.body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : p.body;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** The HTML part of a .mht/.mhtml web archive, its charset and the address it was saved from. */
export function mhtmlPage(bytes: Uint8Array): { bytes: Uint8Array; charset: string | null; url: string | null } {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const top = splitPart(raw);
  const type = top.headers.get('content-type') ?? '';
  const snapshot = top.headers.get('snapshot-content-location') ?? null;
  let page: MimePart = top;
  const boundary = /boundary\s*=\s*"?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    const parts = top.body.split(`--${boundary}`).slice(1).map((s) => splitPart(s.replace(/^\r?\n/, '')));
    const html = parts.find((p) => /text\/html/i.test(p.headers.get('content-type') ?? ''));
    if (!html) throw invalid('网页存档（.mht）中没有网页正文（text/html 部分），文件可能已损坏');
    page = html;
  }
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(page.headers.get('content-type') ?? '')?.[1] ?? null;
  return { bytes: partBytes(page), charset, url: snapshot ?? page.headers.get('content-location') ?? null };
}

/** Chrome of government sites: navigation, breadcrumbs, share and print bars, footers. */
const CHROME_SELECTORS = 'script,style,noscript,template,iframe,nav,header,footer,aside,form,button,select,input,object,embed,svg,[title="header"],[title="footer"],[role="navigation"],[role="banner"],[role="contentinfo"]';
const CHROME_NAMES = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|position|location|share|bdshare|print|toolbar|tools|footer|foot|bottom|copyright|sidebar|side|related|xgwz|fenxiang|dayin|guanbi|weizhi|dqwz|topbar|header|banner|login|search)([\s_-]|\d|$)/i;
/** Lines a page prints around the article, never part of a document. */
const CHROME_LINES = /^[\s【[]*(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|【?字体[:：]|字号[:：]|分享到|收藏|保存本页|纠错|扫一扫|当前位置|您当前的位置|您现在的位置|浏览次数|访问量|上一篇|下一篇)/;

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TR', 'TABLE', 'BLOCKQUOTE', 'PRE', 'CENTER', 'UL', 'OL', 'DL', 'DT', 'DD', 'TITLE', 'BODY', 'HR', 'ADDRESS', 'FIGURE', 'FIGCAPTION', 'MAIN']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

const EDGE = '\u0001';

/** A DOM subtree as text: blocks on their own lines, cells joined by tabs, rows by lines. */
export function nodeText(root: DomNode): string {
  let out: string[] = [];
  let pre = 0; // inside <pre>: line breaks and tabs are the text's own
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      const t = n.textContent ?? '';
      out.push(pre ? t.replace(/\r\n?/g, '\n') : t.replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const tag = n.nodeName.toUpperCase();
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    // block edges are marks, merged below into one line break however many meet
    if (tag === 'SCRIPT' || tag === 'STYLE') return;
    if (tag === 'TD' || tag === 'TH') {
      // a cell's paragraphs stay in its cell: one row, one line
      const outer = out;
      out = [];
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c); // linkedom builds childNodes anew on each access
      // eslint-disable-next-line no-control-regex -- EDGE marks
      const cell = out.join('').replace(/[\s\u0001]+/g, ' ').trim();
      out = outer;
      out.push(cell, '\t');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) out.push(EDGE);
    if (tag === 'PRE' || tag === 'PLAINTEXT' || tag === 'XMP') pre++;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c); // linkedom builds childNodes anew on each access
    if (tag === 'PRE' || tag === 'PLAINTEXT' || tag === 'XMP') pre--;
    if (block) out.push(EDGE);
  };
  walk(root);
  return out
    .join('')
    // eslint-disable-next-line no-control-regex -- EDGE marks
    .replace(/[ \u0001]*\u0001[ \u0001]*/g, '\n')
    .replace(/ *\n */g, '\n')
    .replace(/ *\t */g, '\t')
    .replace(/\t+\n/g, '\n')
    .replace(/\n\t+/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, '').replace(/^ +/, ''))
    .filter((l) => !CHROME_LINES.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const iso = (m: RegExpExecArray | null) => (m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null);

interface Doc {
  querySelector(s: string): { getAttribute(a: string): string | null; textContent: string | null } | null;
  querySelectorAll(s: string): ArrayLike<{ getAttribute(a: string): string | null; remove(): void; parentNode: unknown }>;
  title: string;
  body: DomNode | null;
  documentElement: DomNode;
}

/** The page's own address and 发布日期 when it names them. */
function pageOrigin(doc: Doc, text: string, url: string | null): ReadResult['origin'] {
  const attr = (sel: string, a: string) => doc.querySelector(sel)?.getAttribute(a)?.trim() || null;
  const address = url ?? attr('link[rel="canonical"]', 'href') ?? attr('meta[property="og:url"]', 'content') ?? attr('base[href]', 'href');
  const metaDate =
    attr('meta[name="PubDate"]', 'content') ?? attr('meta[name="pubdate"]', 'content') ?? attr('meta[name="publishdate"]', 'content') ??
    attr('meta[property="article:published_time"]', 'content') ?? attr('meta[name="firstpublishedtime"]', 'content');
  // only the page's own publishing date: a 成文日期 in the page's metadata table is the document's, not the page's
  const shown = /(?:发布日期|发布时间|公开日期|发布于)\s*[:：]?\s*([^\n\t]{6,24})/.exec(text)?.[1] ?? null;
  const published = iso(DATE.exec(metaDate ?? '')) ?? iso(DATE.exec(shown ?? ''));
  const http = address && /^https?:\/\//i.test(address) ? address : null;
  return http || published ? { url: http, published } : undefined;
}

/** The article of a page as text, and where it came from. */
async function pageText(html: string, url: string | null): Promise<{ text: string; origin: ReadResult['origin'] }> {
  const { parseHTML } = await import('linkedom');
  const { Readability } = await import('@mozilla/readability');
  const { document } = parseHTML(html) as unknown as { document: Doc };
  const whole = doc2text(document);
  const origin = pageOrigin(document, whole, url);
  for (const el of Array.from(document.querySelectorAll(CHROME_SELECTORS))) el.remove();
  // chrome is small: a block holding much of the page (an article in <div class="article-print">) is kept
  const pageChars = whole.length;
  const small = (el: unknown) => ((el as DomNode).textContent?.length ?? 0) < Math.max(200, pageChars * 0.3);
  for (const el of Array.from(document.querySelectorAll('[class],[id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME_NAMES.test(names) && el.parentNode && small(el)) el.remove();
  }
  // blocks that are mostly links (menus, "相关文件" lists, site maps) whatever they are called
  for (const el of Array.from(document.querySelectorAll('ul,ol,dl,div,table,p,section,td'))) {
    const all = (el as unknown as DomNode).textContent?.replace(/\s+/g, '') ?? '';
    if (!all) continue;
    let linked = 0;
    for (const a of Array.from((el as unknown as Doc).querySelectorAll('a'))) linked += (a as unknown as DomNode).textContent?.replace(/\s+/g, '').length ?? 0;
    if (linked / all.length >= 0.7 && el.parentNode && small(el)) el.remove();
  }
  const cleaned = doc2text(document);
  const title = document.title.split(/\s*[_|｜—-]{1,2}\s*/)[0]?.trim() ?? '';
  let article: string | null = null;
  // Readability's scoring grows faster than the page: past this size (a whole gazette saved as one page, not a
  // site's article) the page without its chrome is the article
  if (html.length <= READABILITY_MAX_CHARS) {
    try {
      const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, serializer: (n) => nodeText(n as unknown as DomNode) }).parse();
      article = parsed?.content ?? null;
    } catch {
      article = null;
    }
  }
  // Readability keeps the best-scoring block; when that drops much of the page's remaining text (a page
  // whose article is many short lines, like a notice with its 文号 and 落款), the cleaned page is the article.
  let text = article && article.length >= cleaned.length * 0.6 ? article : cleaned;
  if (title && title.length >= 6 && !text.slice(0, 400).includes(title)) text = `${title}\n${text}`;
  return { text, origin };
}

const READABILITY_MAX_CHARS = 1_000_000;

const doc2text = (d: Doc) => nodeText(d.body ?? d.documentElement);

async function readPage(bytes: Uint8Array, limits: ParseLimits, mht: boolean): Promise<ReadResult> {
  const page = mht ? mhtmlPage(bytes) : { bytes, charset: null, url: null };
  const { html, encoding } = decodePage(page.bytes, page.charset);
  if (html.length > limits.maxTextChars * 4) capText(html, limits);
  const { text, origin } = await pageText(html, page.url);
  return { text: capText(text, limits), encoding: `${mht ? 'mht' : 'html'}-${encoding}`, ...(origin ? { origin } : {}) };
}

const HTML_START = /^(\xef\xbb\xbf|\ufeff)?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|meta|body|title)[\s>]/i;
/** The start of a UTF-16 file with its BOM (pages saved as "Unicode" by old Windows tools), else ''. */
function utf16Head(bytes: Uint8Array): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!le && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return '';
  return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2, Math.min(bytes.length, 2050)));
}

export const htmlReader: FormatReader = {
  id: 'html',
  label: '网页（HTML）',
  extensions: ['html', 'htm', 'xhtml', 'shtml'],
  textFallback: true,
  sniff: (p) => HTML_START.test(p.head) || HTML_START.test(utf16Head(p.bytes)),
  read: (bytes, limits) => readPage(bytes, limits, false),
};

export const mhtmlReader: FormatReader = {
  id: 'mht',
  label: '网页存档（MHT）',
  extensions: ['mht', 'mhtml'],
  textFallback: true,
  sniff: (p) => /^[\w-]+:/.test(p.head) && /^MIME-Version:/im.test(p.head) && /^Content-Type:\s*(multipart\/related|text\/html)/im.test(p.head),
  read: (bytes, limits) => readPage(bytes, limits, true),
};
