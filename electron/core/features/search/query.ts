import { normalizeDocNumber } from '../../../../shared/domain/docnumber';
import { normalizeText } from '../../../../shared/search/normalize';

/**
 * Our own query language, parsed here and never handed to lunr's parser (which throws on `:` `+` `~` `^`):
 * space-separated terms that must all match, `"quoted phrases"`, `-excluded`, and field prefixes
 * `标题:` `文号:` `机关:` `正文:`. Whatever a person types parses; what is ignored is explained in `notice`.
 */

export type Field = 'title' | 'docnum' | 'issuers' | 'body';
export const FIELDS: readonly Field[] = ['title', 'docnum', 'issuers', 'body'];

export interface Clause {
  /** normalized text to find (a substring of the normalized document text) */
  text: string;
  /** as typed, for messages */
  raw: string;
  field: Field | null;
  exclude: boolean;
  phrase: boolean;
  /** the term is a complete 文号 (normalized), used for the exact-文号 ranking tier */
  docNumber: string | null;
}

export interface ParsedQuery {
  clauses: Clause[];
  notices: string[];
}

export const MAX_CLAUSES = 20;
export const MAX_TERM_CHARS = 200;

const PREFIXES: Record<string, Field> = {
  标题: 'title',
  题目: 'title',
  title: 'title',
  文号: 'docnum',
  发文字号: 'docnum',
  docnumber: 'docnum',
  机关: 'issuers',
  发文机关: 'issuers',
  issuer: 'issuers',
  正文: 'body',
  全文: 'body',
  body: 'body',
};
const PREFIX_RE = new RegExp(`^(${Object.keys(PREFIXES).join('|')}):`, 'i');
/** A 文号 typed with spaces inside (`招政发 [2018] 27 号`) is one term, not four. */
const SPACED_DOCNUM = /[\u3400-\u9fff]{1,12}\s*[〔[(【〖﹝]\s*(?:19|20)\d{2}\s*[〕\])】〗﹞]\s*\d{1,6}\s*号/g;

/** Parses a query; never throws. */
export function parseQuery(input: string): ParsedQuery {
  const notices: string[] = [];
  const clauses: Clause[] = [];
  const seen = new Set<string>();
  // NFKC first so full-width quotes, colons and minus signs (＂：－) act like the ASCII ones.
  let s = (typeof input === 'string' ? input : '').normalize('NFKC');
  s = s.replace(SPACED_DOCNUM, (m) => m.replace(/\s+/g, ''));
  let i = 0;
  let ignoredSymbols = false;
  let unclosed = false;
  let emptyPrefix = false;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    let exclude = false;
    while (s[i] === '-' || s[i] === '+') {
      if (s[i] === '-') exclude = true;
      i++;
    }
    let field: Field | null = null;
    const pm = PREFIX_RE.exec(s.slice(i, i + 12));
    if (pm) {
      field = PREFIXES[pm[1].toLowerCase()] ?? PREFIXES[pm[1]];
      i += pm[0].length;
    }
    let raw: string;
    let phrase = false;
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1);
      phrase = true;
      if (close < 0) {
        unclosed = true;
        raw = s.slice(i + 1);
        i = s.length;
      } else {
        raw = s.slice(i + 1, close);
        i = close + 1;
      }
    } else {
      let j = i;
      while (j < s.length && !/\s/.test(s[j])) j++;
      raw = s.slice(i, j);
      i = j;
      // lunr habits: 婴幼儿~1, 规划^2 — the operator is dropped, the word kept.
      const stripped = raw.replace(/[~^]\d*$/, '').replace(/^[~^]+/, '');
      if (stripped !== raw) ignoredSymbols = true;
      raw = stripped;
    }
    const text = normalizeText(raw);
    if (!text) {
      if (field) emptyPrefix = true;
      else if (raw || exclude) ignoredSymbols = true;
      continue;
    }
    // The same term twice adds nothing but work (`的 的 的 …` would search one term 20 times).
    const key = `${field ?? ''}|${exclude}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    clauses.push({
      text,
      raw,
      field,
      exclude,
      phrase,
      docNumber: normalizeDocNumber(text),
    });
  }
  if (unclosed) notices.push('引号未闭合，已把引号后的全部内容作为一个短语查找');
  if (emptyPrefix) notices.push('字段前缀后没有内容（如“标题:”后应接要查找的词），已忽略');
  if (ignoredSymbols) notices.push('已忽略查询中的 ~ ^ + - 等符号');

  const positive = clauses.filter((c) => !c.exclude);
  let kept = clauses;
  if (clauses.length > MAX_CLAUSES) {
    kept = clauses.slice(0, MAX_CLAUSES);
    notices.push(`查询词过多，只使用了前 ${MAX_CLAUSES} 个`);
  }
  let truncated = false;
  kept = kept.map((c) => {
    const chars = Array.from(c.text);
    if (chars.length <= MAX_TERM_CHARS) return c;
    truncated = true;
    return { ...c, text: chars.slice(0, MAX_TERM_CHARS).join(''), docNumber: null };
  });
  if (truncated) notices.push(`查询词过长，只使用了每个词的前 ${MAX_TERM_CHARS} 个字`);
  if (positive.length === 0 && clauses.length > 0) notices.push('只有排除条件时无法查找，请至少输入一个要查找的词');
  return { clauses: kept, notices };
}
