import { extractZipEntry, listZip, ZipLimitError } from '../../../../shared/import/zip-archive';
import { invalid, type FormatReader, type ReadResult } from './formats';
import { mb, type ParseLimits } from './limits';
import { capText } from './readers';

/**
 * OpenDocument text (.odt, and the flat .fodt): paragraphs and headings in order, table rows as cells joined by
 * tabs, notes and the master pages' headers and footers kept apart from the body. content.xml is inflated
 * within the same limits as a .docx's document.xml.
 */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** Elements whose text is not read (annotations, changes tracked as deleted, index marks' copies). */
const SKIPPED = new Set(['office:annotation', 'text:tracked-changes', 'text:bookmark-ref', 'draw:image', 'svg:desc', 'svg:title', 'office:forms', 'text:note-citation']);

/** The text of an ODF XML part: `apart` collects notes (and, for styles.xml, headers and footers) by label. */
export function odfText(xml: string, apart: Map<string, string[]>): string {
  const out: string[] = [];
  const targets: string[][] = [out];
  const stack: string[] = [];
  let skip = 0;
  let para = 0; // inside text:p/text:h: the only places whose character data is text
  const re = /<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const sink = targets[targets.length - 1];
    if (m[5] !== undefined) {
      if (!skip && para) sink.push(unescape(m[5].replace(/[ \t\r\n]+/g, ' ')));
      continue;
    }
    const [, close, tag, attrs, selfClose] = m;
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    if (!close) {
      if (SKIPPED.has(tag) && !selfClose) skip++;
      if (skip) {
        if (!selfClose) stack.push(tag);
        continue;
      }
      if (tag === 'text:tab') sink.push('\t');
      else if (tag === 'text:line-break') sink.push('\n');
      else if (tag === 'text:s') sink.push(' '.repeat(Math.min(1000, Number(/text:c="(\d+)"/.exec(attrs)?.[1] ?? 1))));
      else if (tag === 'text:note-body' || tag === 'style:header' || tag === 'style:footer' || tag === 'style:header-first' || tag === 'style:footer-first') {
        const label = tag === 'text:note-body' ? '注释' : tag.includes('header') ? '页眉' : '页脚';
        if (!apart.has(label)) apart.set(label, []);
        if (!selfClose) targets.push(apart.get(label)!);
      }
      if (!selfClose) {
        stack.push(tag);
        if (tag === 'text:p' || tag === 'text:h') para++;
      }
      continue;
    }
    stack.pop();
    if (skip) {
      if (SKIPPED.has(tag)) skip--;
      continue;
    }
    if (tag === 'text:p' || tag === 'text:h') para = Math.max(0, para - 1);
    if (tag === 'text:p' || tag === 'text:h') sink.push('\n');
    else if (tag === 'table:table-cell' || tag === 'table:covered-table-cell') sink.push('\t');
    else if (tag === 'table:table-row') sink.push('\n');
    else if (tag === 'text:note-body' || /^style:(header|footer)(-first)?$/.test(tag)) {
      sink.push('\n');
      targets.pop();
    }
  }
  return out.join('');
}

/** Paragraph marks inside cells leave "\n\t"; a row's last cell leaves "\t\n". */
export const tidyCells = (s: string) =>
  s.replace(/\n\t/g, '\t').replace(/\t+\n/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\s+$/g, '');

function part(bytes: Uint8Array, name: string, limits: ParseLimits): string | null {
  const entry = listZip(bytes)?.find((e) => e.name === name);
  if (!entry) return null;
  try {
    return new TextDecoder('utf-8').decode(extractZipEntry(bytes, entry, limits.maxDocxXmlBytes));
  } catch (e) {
    if (e instanceof ZipLimitError) throw invalid(`ODT 文档正文解压后过大（超过 ${mb(limits.maxDocxXmlBytes)} 的上限），可能是恶意构造的压缩文件，已拒绝`);
    throw invalid('无法读取 ODT 文档：文件已损坏或已加密');
  }
}

function readOdt(bytes: Uint8Array, limits: ParseLimits): ReadResult {
  const apart = new Map<string, string[]>();
  let content: string | null;
  let styles: string | null = null;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    content = part(bytes, 'content.xml', limits);
    styles = part(bytes, 'styles.xml', limits);
  } else {
    // flat ODF (.fodt): one XML file with styles and body together
    content = new TextDecoder('utf-8').decode(bytes);
  }
  if (!content || !content.includes('office:body')) throw invalid('不是有效的 ODT 文档：找不到正文（content.xml），文件可能已损坏');
  if (styles) odfText(styles.slice(styles.indexOf('<office:master-styles')), apart);
  const body = content.slice(content.indexOf('<office:body'));
  if (!bytes.length || bytes[0] !== 0x50) {
    const master = content.indexOf('<office:master-styles');
    if (master >= 0) odfText(content.slice(master, content.indexOf('</office:master-styles>') + 23), apart);
  }
  const text = capText(tidyCells(odfText(body, apart)), limits);
  const kept = [...apart].map(([label, parts]) => ({ label, text: tidyCells(parts.join('')) })).filter((p) => p.text);
  return { text, encoding: 'odt', ...(kept.length ? { apart: kept } : {}) };
}

export const odtReader: FormatReader = {
  id: 'odt',
  label: 'ODT（OpenDocument 文本）',
  extensions: ['odt', 'fodt'],
  textFallback: true,
  sniff: (p) => {
    if (p.head.startsWith('PK')) return p.head.slice(30, 100).includes('mimetypeapplication/vnd.oasis.opendocument.text') || (p.zipNames()?.includes('content.xml') === true && p.zipNames()?.includes('word/document.xml') === false);
    return p.head.includes('<office:document') && p.head.includes('opendocument.text');
  },
  read: readOdt,
};
