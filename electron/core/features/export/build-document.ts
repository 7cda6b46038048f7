import type { Document } from '../../../../shared/domain/document';
import type { Block, OfficialText, Run } from './model';
import { flattenedTable, rowBlocks } from './tables';

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F\\u2010-\\u201F\\u2026';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'g');
const CN_NUM = '一二三四五六七八九十百零〇';
const DATE_ONLY = /^(\d{4}|[一二三四五六七八九〇○O0零]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/;
const ATTACHED_TITLE = /(方案|办法|规定|细则|意见|规则|制度|决定|规划|措施|名单|目录|标准|清单|计划|要点|章程|指引|指南|表)$/;

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_PUNCT_NEAR_CJK = new RegExp(`(?<=[\u4e00-\u9fff])[,;:?!()]|[,;:?!()](?=[\u4e00-\u9fff])`, 'g');

/**
 * Spaces that text extraction left between Chinese characters carry no meaning in the official format; half-width
 * punctuation beside Chinese (各镇(街),购置) is an extraction artefact and is set full-width, as GB/T 9704 prints it.
 */
export function tidy(text: string): string {
  return text
    .replace(HALF_PUNCT_NEAR_CJK, (m) => HALF_TO_FULL[m])
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\t\r]/g, ' ')
    .replace(SPACE_NEAR_CJK, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** 2022-02-07 → 2022年2月7日 (Arabic numerals, no leading zeros, GB/T 9704 7.3.5.1). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function headingLevel(p: string): 0 | 1 | 2 | 3 | 4 {
  if (new RegExp(`^[${CN_NUM}]+、`).test(p)) return 1;
  if (new RegExp(`^[（(][${CN_NUM}]+[）)]`).test(p)) return 2;
  if (/^\d+[.．](?!\d)/.test(p)) return 3;
  if (/^[（(]\d+[）)]/.test(p)) return 4;
  return 0;
}

/** A heading paragraph: the whole line in the heading face, or a run-in heading up to its first 。 */
function headingBlock(p: string, level: 1 | 2 | 3 | 4): Block {
  if (level >= 3) return { type: 'paragraph', level, runs: [{ text: p }] };
  const font = level === 1 ? 'hei' : 'kai';
  const stop = p.indexOf('。');
  if (p.length <= 40 && (stop === -1 || stop === p.length - 1)) return { type: 'paragraph', level, runs: [{ text: p }] };
  if (stop > 0 && stop <= 40) return { type: 'paragraph', level, runs: [{ text: p.slice(0, stop + 1), font }, { text: p.slice(stop + 1) }] };
  return { type: 'paragraph', level: 0, runs: [{ text: p }] };
}

const isShortPlain = (p: string) => p.length > 0 && p.length <= 30 && !/[，。；：、,;:！？]/.test(p);

export interface DocumentBlockOptions {
  /** 'document': 文号 above the title, attachments on a new page; 'gazette': 文号 under the title, continuous */
  style: 'document' | 'gazette';
  anchor?: string;
  outlineLevel: number;
  /** also bookmark the 一、 headings */
  outlineHeadings: boolean;
  /** print the 版头 above a single document */
  letterhead?: boolean;
}

/**
 * The 版头 (GB/T 9704 7.2): 发文机关标志 (the issuer's name and 文件) in red 小标宋, centred; two lines below it the
 * 文号; under that the red rule (版头中的分隔线), then the title.
 */
function letterhead(doc: Document, number: string | null): Block[] {
  const issuer = doc.issuers.length === 1 ? doc.issuers[0] : (tidy(doc.title).split('关于')[0] || doc.issuers[0] || '');
  const mark = issuer ? `${issuer}文件` : '';
  const out: Block[] = [{ type: 'blank', lines: 1 }];
  if (mark) out.push({ type: 'display', text: mark, font: 'title', size: mark.length > 12 ? 26 : 36, align: 'center', color: 'red', lines: 2 });
  out.push({ type: 'blank', lines: 2 });
  if (number) out.push({ type: 'docNumber', text: number });
  out.push({ type: 'rule', color: 'red' }, { type: 'blank', lines: 1 });
  return out;
}

/** The blocks of one stored document: title, 文号, addressee, body with headings, attachments, signature, notes. */
export function documentBlocks(doc: Document, opts: DocumentBlockOptions): Block[] {
  const out: Block[] = [];
  const title = tidy(doc.title);
  const number = doc.docNumber ? doc.docNumber.normalized : null;
  if (opts.style === 'document') {
    if (doc.registrationNumber) out.push({ type: 'registration', text: doc.registrationNumber });
    if (opts.letterhead) out.push(...letterhead(doc, number));
    else if (number) out.push({ type: 'docNumber', text: number }, { type: 'blank', lines: 1 });
  }
  out.push({ type: 'title', text: title, anchor: opts.anchor, outline: { title, level: opts.outlineLevel } });
  if (opts.style === 'gazette' && number) out.push({ type: 'docNumber', text: `（${number}）` });
  out.push({ type: 'blank', lines: 1 });

  // a table row the import kept (cells between tabs) is tidied cell by cell
  const body = doc.body
    .flatMap((p) => p.split('\n'))
    .map((p) => (p.includes('\t') ? p.split('\t').map(tidy).join('\t') : tidy(p)))
    .filter((p) => p.replace(/\t/g, '').length > 0);
  if (body.length && body[0].replace(/\s/g, '') === title.replace(/\s/g, '')) body.shift();

  let sawDate = false;
  let inAttachment = false;
  for (let i = 0; i < body.length; i++) {
    const p = body[i];
    if (p.includes('\t')) {
      const rows: string[][] = [];
      for (; i < body.length && body[i].includes('\t'); i++) rows.push(body[i].split('\t'));
      i--;
      out.push(...rowBlocks(rows));
      continue;
    }
    if (i === 0 && /[：:]$/.test(p) && p.length <= 200 && !p.includes('。')) {
      out.push({ type: 'addressee', text: p });
      continue;
    }
    if (/^附件[：:]/.test(p)) {
      const first = p.replace(/^附件[：:]\s*/, '');
      const items = [first];
      while (i + 1 < body.length && /^\d+[.．、]\S/.test(body[i + 1]) && /^\d+[.．、]/.test(first)) items.push(body[++i]);
      const clean = items.length > 1 ? items.map((t) => t.replace(/^\d+[.．、]\s*/, '')) : items;
      out.push({ type: 'blank', lines: 1 }, { type: 'attachments', items: clean });
      continue;
    }
    if (/^附件\s*\d*$/.test(p)) {
      if (opts.style === 'document') out.push({ type: 'pageBreak' });
      else out.push({ type: 'blank', lines: 1 });
      out.push({ type: 'attachmentMark', text: p.replace(/\s/g, '') });
      inAttachment = true;
      const next = body[i + 1];
      if (next && next.length <= 80 && !/[。；]$/.test(next) && !isShortDate(next) && !headingLevel(next)) {
        out.push({ type: 'blank', lines: 1 }, { type: 'title', text: next }, { type: 'blank', lines: 1 });
        i++;
      }
      continue;
    }
    // issuer lines directly above a date line form the signature
    if (isShortPlain(p) || isShortDate(p)) {
      const issuers: string[] = [];
      let j = i;
      while (j < body.length && issuers.length < 4 && isShortPlain(body[j]) && !isShortDate(body[j])) issuers.push(body[j++]);
      if (j < body.length && isShortDate(body[j])) {
        out.push({ type: 'blank', lines: 2 }, { type: 'signature', issuers, date: body[j].replace(/\s/g, '') });
        sawDate = true;
        i = j;
        continue;
      }
    }
    if (/^[（(]此件.{1,20}[）)]$/.test(p)) {
      out.push({ type: 'note', text: p });
      continue;
    }
    const attached = sawDate && !inAttachment ? attachedTitle(body, i) : null;
    if (attached) {
      // an attached 方案/办法 printed after the notice without a 附件 mark
      if (opts.style === 'document') out.push({ type: 'pageBreak' });
      else out.push({ type: 'blank', lines: 1 });
      out.push({ type: 'title', text: attached.text }, { type: 'blank', lines: 1 });
      inAttachment = true;
      i += attached.lines - 1;
      continue;
    }
    if (new RegExp(`^第[${CN_NUM}]+[章节]`).test(p) && p.length <= 30) {
      out.push({ type: 'chapter', text: p });
      continue;
    }
    // a table the import flattened into one line of text is set as a table again
    const table = flattenedTable(p);
    if (table) {
      out.push({ type: 'table', ...table });
      continue;
    }
    const article = new RegExp(`^(第[${CN_NUM}]+条)\\s*`).exec(p);
    if (article) {
      const runs: Run[] = [{ text: article[1], font: 'hei' }, { text: `　${p.slice(article[0].length)}` }];
      out.push({ type: 'paragraph', level: 0, runs });
      continue;
    }
    const level = headingLevel(p);
    const block = level ? headingBlock(p, level) : ({ type: 'paragraph', level: 0, runs: [{ text: p }] } as Block);
    if (opts.outlineHeadings && level === 1 && !inAttachment) block.outline = { title: p.slice(0, 40), level: opts.outlineLevel + 1 };
    out.push(block);
  }
  if (!sawDate && (doc.dateSigned || doc.issuers.length)) {
    out.push({ type: 'blank', lines: 2 }, { type: 'signature', issuers: doc.issuers.slice(0, 4), date: doc.dateSigned ? chineseDate(doc.dateSigned) : null });
  }
  return out;
}

/**
 * The title of an attachment printed after the notice, at body[i]: a short line ending in 方案/办法/…, not a
 * numbered heading (四、保障措施 and （2）…决定 are body text), possibly split over two lines by the extraction
 * (关于促进…发展的 / 实施方案), which are joined.
 */
function attachedTitle(body: string[], i: number): { text: string; lines: number } | null {
  const plain = (p: string | undefined): p is string =>
    !!p && p.length <= 60 && !/[。，；：]/.test(p) && !headingLevel(p) && !/^\d+([.．]\d+)+/.test(p);
  const p = body[i];
  if (!plain(p)) return null;
  if (ATTACHED_TITLE.test(p)) return { text: p, lines: 1 };
  const next = body[i + 1];
  if (plain(next) && (p + next).length <= 60 && ATTACHED_TITLE.test(next) && !/[。；！？]$/.test(p)) return { text: p + next, lines: 2 };
  return null;
}

function isShortDate(p: string): boolean {
  return DATE_ONLY.test(p.replace(/\s/g, ''));
}

/** A file name from the title and 文号, safe on Windows. */
export function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 80) || '导出文件';
}

/** The named metadata an OFD carries (CustomDatas), without the empty ones; dates as Chinese dates. */
export function customFields(fields: Array<[string, string | null | undefined]>): Array<[string, string]> {
  return fields
    .filter((f): f is [string, string] => !!f[1]?.trim())
    .map(([k, v]) => [k, /^\d{4}-\d{2}-\d{2}$/.test(v) ? chineseDate(v) : v]);
}

/** One stored document as an official text, with its 版头 when asked for. */
export function buildDocument(doc: Document, opts: { letterhead?: boolean } = {}): OfficialText {
  const number = doc.docNumber?.normalized ?? null;
  return {
    fileName: safeFileName(number ? `${number} ${doc.title}` : doc.title),
    meta: {
      title: tidy(doc.title),
      author: doc.issuers.join('、'),
      subject: [number, doc.kind].filter(Boolean).join(' ') || '行政规范性文件',
      keywords: [number, doc.kind, ...doc.issuers, doc.isNormative ? '行政规范性文件' : null].filter((k): k is string => !!k),
      custom: customFields([
        ['发文机关', doc.issuers.join('、')],
        ['文号', number],
        ['成文日期', doc.dateSigned],
        ['施行日期', doc.effectiveDate],
        ['有效期至', doc.validUntil],
      ]),
    },
    sections: [{ header: null, pageNumbers: true, restartNumbering: true, blocks: documentBlocks(doc, { style: 'document', outlineLevel: 0, outlineHeadings: true, letterhead: opts.letterhead }) }],
    warnings: [],
  };
}
