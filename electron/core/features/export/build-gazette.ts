import type { GazetteDetail } from '../../../../shared/contract/documents';
import type { Settings } from '../../../../shared/contract/system';
import type { Document } from '../../../../shared/domain/document';
import { customFields, documentBlocks, safeFileName } from './build-document';
import { SIZE } from './geometry';
import type { Block, OfficialText, TocItem } from './model';

const CN_DIGITS = '〇一二三四五六七八九';

/** 2021-07-07 → 二〇二一年七月七日, the form printed on gazette covers. */
export function chineseNumeralDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const small = (n: number) => (n < 10 ? CN_DIGITS[n] : n === 10 ? '十' : n < 20 ? `十${CN_DIGITS[n % 10]}` : `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`);
  return `${[...String(y)].map((c) => CN_DIGITS[Number(c)]).join('')}年${small(m)}月${small(d)}日`;
}

type IssueUnit = NonNullable<Settings['masthead']['issueUnit']>;

/**
 * The issue as the gazette prints it: its own label when the gazette has a numbering style (`2021年第3期`,
 * `第2号`), else `2021年第3期`, or `第2号` for one numbered by 号; what is known of it.
 */
export function issueLabel(g: Pick<GazetteDetail, 'year' | 'issueNumber'> & { label?: string }, unit: IssueUnit = '期'): string {
  if (typeof g.label === 'string') return g.label.replace(/（总第\d+[期号]）$/, '');
  if (unit === '号' && g.issueNumber) return `第${g.issueNumber}号`;
  if (g.year && g.issueNumber) return `${g.year}年第${g.issueNumber}${unit}`;
  if (g.issueNumber) return `第${g.issueNumber}${unit}`;
  return g.year ? `${g.year}年` : '';
}

/** The issue line of the cover and masthead page: the issue and its running total, `第2号（总第20号）`. */
function issueLine(g: Pick<GazetteDetail, 'year' | 'issueNumber' | 'totalNumber'> & { label?: string }, unit: IssueUnit): string {
  // the gazette's own numbering (`第2号（总第20号）`) when it has one; never rewrite 号 as 期
  if (typeof g.label === 'string') return g.label;
  return issueLabel(g, unit) + (g.totalNumber ? `（总第${g.totalNumber}${unit}）` : '');
}

/**
 * A gazette issue: cover, contents by section with the page each document starts on, the documents in order
 * each on a new page under the running header, and the masthead page. `docs` holds the stored documents by id.
 */
export function buildGazette(g: GazetteDetail, docs: Map<string, Document>, masthead: Settings['masthead']): OfficialText {
  const warnings: string[] = [];
  const unit = masthead.issueUnit ?? '期';
  const label = issueLabel(g, unit);
  const coverColor = g.coverColor ?? 'red';
  const runningHeader = `${g.title} ${label}`.trim();
  const sponsor = masthead.sponsor.trim() || g.title.replace(/公报$/, '');

  const cover: Block[] = [
    { type: 'blank', lines: 2 },
    { type: 'display', text: g.title, font: 'title', size: 36, align: 'center', color: coverColor, lines: 3, outline: { title: '封面', level: 0 } },
    { type: 'blank', lines: 1 },
    { type: 'display', text: issueLine(g, unit), font: 'hei', size: SIZE.body, align: 'center' },
    { type: 'rule', color: coverColor },
    { type: 'blank', lines: 8 },
    { type: 'display', text: `${sponsor}主办`, font: 'body', size: SIZE.body, align: 'center' },
  ];
  if (g.publishDate) cover.push({ type: 'display', text: `${chineseNumeralDate(g.publishDate)}出版`, font: 'body', size: SIZE.body, align: 'center' });

  const toc: TocItem[] = [];
  const content: Block[] = [];
  let section: string | null = null;
  for (const entry of [...g.entries].sort((a, b) => a.position - b.position)) {
    if (entry.section && entry.section !== section) toc.push({ kind: 'section', text: entry.section });
    section = entry.section ?? section;
    const anchor = `nd_doc_${entry.position}`;
    const doc = entry.documentId ? docs.get(entry.documentId) : undefined;
    toc.push({ kind: 'entry', title: doc?.title ?? entry.title, anchor });
    content.push({ type: 'pageBreak' });
    if (doc) content.push(...documentBlocks(doc, { style: 'gazette', anchor, outlineLevel: 0, outlineHeadings: false }));
    else {
      warnings.push(`目录中的“${entry.title}”在文件库中没有正文，只印标题`);
      content.push({ type: 'title', text: entry.title, anchor, outline: { title: entry.title, level: 0 } });
    }
  }

  const field = (name: string, value: string) => {
    if (!value.trim()) return null;
    return { type: 'display', text: `${name}：${value.trim()}`, font: 'body', size: SIZE.body, align: 'left' } as Block;
  };
  const missing = (['editor', 'address', 'phone', 'postcode'] as const).filter((k) => !masthead[k].trim());
  if (missing.length) warnings.push('报头信息不全（编辑出版、地址、电话、邮编），请在“公报 → 公报设置”中填写');
  const mastheadBlocks: Block[] = [
    { type: 'blank', lines: 3 },
    { type: 'display', text: `《${g.title}》`, font: 'title', size: SIZE.title, align: 'center', outline: { title: '报头', level: 0 } },
    { type: 'display', text: issueLine(g, unit), font: 'body', size: SIZE.body, align: 'center' },
    { type: 'rule', color: 'black' },
    ...[
      field('主办', sponsor),
      field('编辑出版', masthead.editor),
      field('地址', masthead.address),
      field('电话', masthead.phone),
      field('邮编', masthead.postcode),
      g.publishDate ? field('出版日期', chineseNumeralDate(g.publishDate)) : null,
    ].filter((b): b is Block => b !== null),
    { type: 'rule', color: 'black' },
  ];

  return {
    fileName: safeFileName(`${g.title}${label}`),
    meta: {
      title: `${g.title} ${label}`.trim(),
      author: sponsor,
      subject: '政府公报',
      keywords: [g.title, label, '政府公报'].filter(Boolean),
      custom: customFields([['主办', sponsor], ['期号', label], ['出版日期', g.publishDate], ['收录文件数', String(g.entries.length)]]),
    },
    sections: [
      { header: null, pageNumbers: false, restartNumbering: false, blocks: cover },
      { header: runningHeader, pageNumbers: false, restartNumbering: false, blocks: [{ type: 'toc', heading: '目　　录', entries: toc, outline: { title: '目录', level: 0 } }] },
      // — 1 — falls on a right-hand page: a blank page follows a contents of two pages
      { header: runningHeader, pageNumbers: true, restartNumbering: true, oddStart: true, blocks: content.slice(1) },
      { header: null, pageNumbers: false, restartNumbering: false, blocks: mastheadBlocks },
    ],
    warnings,
  };
}
