import type { ParsedGazette, TocEntry } from '../domain/parse-result';
import { cnSmallNumber, findCnDates } from '../domain/cn-date';
import { compactText, squeeze } from './text';
import { RUNNING_HEADER, type Unit } from './units';

/**
 * Gazette issue header (`高青县人民政府公报` · `2021年第3期` / `第2号（总第20号）` · `二零二一年七月七号出版`) and
 * its table of contents (`【区政府办文件】` sections, `title.....(11)` entries, entries broken over two lines).
 * Works from the front matter, and falls back to running headers and the masthead when there is no front page.
 */

export interface GazetteInfo {
  gazette: ParsedGazette | null;
  /** unit indexes [start, end] of the table of contents, inclusive; null when none */
  toc: [number, number] | null;
  /** index of the first unit after the front matter (header and TOC) */
  bodyStart: number;
}

const TITLE_RE = /^《?([\u4e00-\u9fff]{2,30}公报)》?$/;
const TOC_HEAD = /^目录$/;
/**
 * One TOC line: title, a leader (`.....`, `……`, `·····`, a tab or wide spaces) and the page as `12`, `(12)`,
 * `（12）` or `—12—`; a `—12—` page needs no leader. Page is group 2, 3 or 4.
 */
const TOC_ENTRY =
  /^(.*?[^\s.．·…・:：\-—－])\s*(?:(?:[.．·…・]{2,}|\t|[ \u3000]{3,})[\s.．·…・]*(?:[（(]\s*(\d{1,4})\s*[）)]|(\d{1,4}))|[.．·…・\s]*[-—–－]{1,2}\s*(\d{1,4})\s*[-—–－]{1,2})\s*$/;
const tocPage = (m: RegExpExecArray): number => Number(m[2] ?? m[3] ?? m[4]);
/** A line ending in a contents page reference after a leader or a cell break (`…的通知\t89`, `…的通知……（12）`). */
const TOC_TAIL = /\S(?:[.．·…・]{2,}|\t)[\s.．·…・]*(?:[（(]\s*\d{1,4}\s*[）)]|\d{1,4})\s*$/;
export const endsWithTocPage = (raw: string): boolean => TOC_TAIL.test(raw);
const SECTION = /^【([^】]{1,20})】$/;
const FRONT_LIMIT = 40;

function issueNumbers(s: string): { year: number | null; issue: number | null; total: number | null; unit: '期' | '号' | null } {
  const t = squeeze(s);
  const total = /总第(\d{1,5}|[一二三四五六七八九十百零〇]{1,6})[期号]/.exec(t);
  const withYear = /(\d{4})年(?:第)?(\d{1,3}|[一二三四五六七八九十]{1,3})[期号]/.exec(t);
  const plain = /(?<!总)第(\d{1,3}|[一二三四五六七八九十]{1,3})[期号]/.exec(t);
  return {
    year: withYear ? Number(withYear[1]) : null,
    issue: withYear ? cnSmallNumber(withYear[2]) : plain ? cnSmallNumber(plain[1]) : null,
    total: total ? cnSmallNumber(total[1]) : null,
    // 第2号（总第20号） or 2021年第3期: the word the gazette numbers its issues with
    unit: ((withYear ?? plain ?? total)?.[0].slice(-1) as '期' | '号' | undefined) ?? null,
  };
}

/** Parses the table of contents starting after the `目录` unit; returns entries and the last TOC unit index. */
function parseToc(units: Unit[], from: number): { entries: TocEntry[]; end: number } {
  const entries: TocEntry[] = [];
  let section: string | null = null;
  let end = from;
  let pending: string | null = null;
  for (let i = from + 1; i < units.length && i < from + 400; i++) {
    const raw = units[i].raw.trim();
    if (!raw) continue;
    const sec = SECTION.exec(squeeze(raw));
    if (sec) {
      section = sec[1];
      end = i;
      pending = null;
      continue;
    }
    const text = pending !== null ? `${pending}${raw}` : raw;
    const m = TOC_ENTRY.exec(text);
    if (m) {
      entries.push({ section, title: compactText(m[1]).replace(/[.．·…・]+$/, ''), page: tocPage(m) });
      end = i;
      pending = null;
      continue;
    }
    // An entry broken over lines: text without a page number, completed by the next non-blank line.
    if (pending === null && raw.length <= 80) {
      let j = i + 1;
      while (j < units.length && !units[j].raw.trim()) j++;
      if (j < units.length && TOC_ENTRY.test(`${raw}${units[j].raw.trim()}`)) {
        pending = raw;
        continue;
      }
    }
    break;
  }
  return { entries, end };
}

/** Finds the gazette header and TOC; null gazette when the file is not a gazette issue. */
export function detectGazette(units: Unit[]): GazetteInfo {
  let title: string | null = null;
  let year: number | null = null;
  let issue: number | null = null;
  let total: number | null = null;
  let unit: '期' | '号' | null = null;
  let publishDate: string | null = null;
  let toc: [number, number] | null = null;
  let tocEntries: TocEntry[] = [];
  let bodyStart = 0;

  // Front matter: the first few non-blank lines.
  let seen = 0;
  for (let i = 0; i < units.length && seen < FRONT_LIMIT; i++) {
    const raw = units[i].raw.trim();
    if (!raw) continue;
    seen++;
    const c = squeeze(raw);
    if (c.length > 200) break;
    const t = TITLE_RE.exec(c);
    if (!title && t && seen <= 6) {
      title = t[1];
      bodyStart = i + 1;
      continue;
    }
    if (title || seen <= 6) {
      const n = issueNumbers(c);
      if ((n.issue !== null || n.total !== null) && c.length <= 30) {
        issue ??= n.issue;
        total ??= n.total;
        year ??= n.year;
        unit ??= n.unit;
        bodyStart = i + 1;
        continue;
      }
      if (/出版$|出版日期|印发日期|编印$/.test(c)) {
        const d = findCnDates(c);
        if (d.length && d[0].iso) {
          publishDate = d[0].iso;
          bodyStart = i + 1;
          continue;
        }
      }
      if (/主办$|^主办单位|^编辑出版|^编印/.test(c) && c.length <= 40) {
        bodyStart = i + 1;
        continue;
      }
    }
    if (TOC_HEAD.test(c)) {
      const parsed = parseToc(units, i);
      toc = [i, parsed.end];
      tocEntries = parsed.entries;
      bodyStart = parsed.end + 1;
      break;
    }
    if (title) break;
  }

  // No front page: running headers (`高青县人民政府公报 2021年第 3期 34`) or the masthead (`《…公报》简介`).
  if (!title) {
    const counts = new Map<string, { n: number; year: number | null; issue: number | null }>();
    for (const u of units) {
      if (!u.raw.includes('公报')) continue;
      for (const m of u.raw.matchAll(RUNNING_HEADER)) {
        const key = m[1];
        const prev = counts.get(key) ?? { n: 0, year: null, issue: null };
        counts.set(key, {
          n: prev.n + 1,
          year: prev.year ?? (m[2] ? Number(m[2]) : null),
          issue: prev.issue ?? Number(m[3]),
        });
      }
    }
    let best: [string, { n: number; year: number | null; issue: number | null }] | null = null;
    for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
    if (best && best[1].n >= 2) {
      title = best[0];
      year = best[1].year;
      issue = best[1].issue;
    }
  }
  if (!title) return { gazette: null, toc, bodyStart: toc ? bodyStart : 0 };
  if (year === null && publishDate) year = Number(publishDate.slice(0, 4));
  return {
    gazette: { title, issueNumber: issue, totalNumber: total, year, publishDate, toc: tocEntries, ...(unit ? { issueUnit: unit } : {}) },
    toc,
    bodyStart,
  };
}

/** Index of the first unit of the closing masthead (`《…公报》简介`, `主办单位：`), searching from `from`. */
export function findMasthead(units: Unit[], from: number): number {
  for (let i = from; i < units.length; i++) {
    const c = squeeze(units[i].raw);
    if (!c || c.length > 40) continue;
    if (/^《?[\u4e00-\u9fff]{2,30}公报》?(简介|编辑委员会|编委会)?$/.test(c) && i > from) return i;
    if (/^(主办单位|编辑出版|承办单位|编辑)[:：]/.test(c)) {
      // the masthead block starts a little earlier when it has a heading; take the first of a run
      let j = i;
      while (j - 1 > from && (units[j - 1].raw.trim() === '' || /公报|简介/.test(units[j - 1].raw))) j--;
      return j;
    }
  }
  return units.length;
}
