/**
 * A small XML reader for OFD parts: elements by local name (so `ofd:TextCode`, `TextCode` and any other prefix
 * are the same element — producers differ), attributes by local name, text with entities resolved. No DTDs, no
 * external entities (nothing is fetched or expanded beyond the five predefined entities and character references).
 */

export interface XmlElement {
  /** local name, without a namespace prefix */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** text directly inside this element, in order (not that of its children) */
  text: string;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves the predefined entities and character references; an unknown entity stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITIES[ref] ?? whole;
  });
}

const localName = (qname: string) => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses one XML document into its root element; throws XmlError on markup that does not nest. */
export function parseXml(source: string, maxElements = 2_000_000): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let count = 0;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && stack.length > 1) stack[stack.length - 1].text += decodeEntities(source.slice(i, textEnd));
    if (lt < 0) break;
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('CDATA 未结束');
      if (stack.length > 1) stack[stack.length - 1].text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source[lt + 1] === '?' || source[lt + 1] === '!') {
      const end = source.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
    } else if (source[lt + 1] === '/') {
      const end = source.indexOf('>', lt);
      if (end < 0) throw new XmlError('结束标签不完整');
      const name = localName(source.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new XmlError(`标签不匹配：${name}`);
      i = end + 1;
    } else {
      const end = tagEnd(source, lt);
      if (end < 0) throw new XmlError('标签不完整');
      const selfClosing = source[end - 1] === '/';
      const body = source.slice(lt + 1, selfClosing ? end - 1 : end);
      const m = /^[^\s/>]+/.exec(body);
      if (!m) throw new XmlError('标签没有名称');
      const el: XmlElement = { name: localName(m[0]), attrs: {}, children: [], text: '' };
      for (const a of body.slice(m[0].length).matchAll(ATTR)) el.attrs[localName(a[1])] = decodeEntities(a[2] ?? a[3] ?? '');
      if (++count > maxElements) throw new XmlError('元素过多');
      stack[stack.length - 1].children.push(el);
      if (!selfClosing) stack.push(el);
      i = end + 1;
    }
  }
  if (stack.length > 1) throw new XmlError(`标签未结束：${stack[stack.length - 1].name}`);
  const top = root.children[0];
  if (!top) throw new XmlError('没有根元素');
  return top;
}

/** The `>` closing a start tag, skipping any `>` inside quoted attribute values. */
function tagEnd(s: string, from: number): number {
  let quote = '';
  for (let j = from + 1; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return -1;
}

/** The first child element of that local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every child element of that local name. */
export function childrenOf(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of a child element, or '' when there is none. */
export function childText(el: XmlElement | undefined, name: string): string {
  return child(el, name)?.text.trim() ?? '';
}
