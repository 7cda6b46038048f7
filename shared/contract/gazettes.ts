import { z } from 'zod';
import { IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';

const Id = z.string().min(1, '缺少 ID').max(64);
const Text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);

/** `2021年第3期` (issue numbers per year) or `第2号（总第20号）` (a cumulative number that never resets). */
export const NumberingStyle = z.enum(['year', 'cumulative']);
export type NumberingStyle = z.infer<typeof NumberingStyle>;

/** imported: as printed in an imported file · draft: being edited · published: fixed until re-opened */
export const IssueState = z.enum(['imported', 'draft', 'published']);
export type IssueState = z.infer<typeof IssueState>;
export const ISSUE_STATE_LABELS: Record<IssueState, string> = { imported: '已导入', draft: '编辑中', published: '已出版' };

export const DEFAULT_SECTIONS = ['【市政府文件】', '【市政府办公室文件】', '【部门文件】', '【人事任免】'];

/** The issue number as the gazette prints it: never rewrites 号 as 期. */
export function formatIssueNumber(
  style: NumberingStyle | null | undefined,
  g: { year: number | null; issueNumber: number | null; totalNumber: number | null },
): string {
  if (style === 'cumulative') {
    const n = g.issueNumber ? `第${g.issueNumber}号` : '';
    return `${n}${g.totalNumber ? `（总第${g.totalNumber}号）` : ''}` || (g.year ? `${g.year}年` : '');
  }
  const base = g.year && g.issueNumber ? `${g.year}年第${g.issueNumber}期` : g.issueNumber ? `第${g.issueNumber}期` : g.year ? `${g.year}年` : '';
  return `${base}${g.totalNumber ? `（总第${g.totalNumber}期）` : ''}`;
}

/** A gazette (publication): its title, numbering, masthead, section presets and cover colour. */
export const Gazette = z.object({
  id: z.string(),
  title: z.string(),
  numberingStyle: NumberingStyle,
  sponsor: z.string(),
  editor: z.string(),
  address: z.string(),
  phone: z.string(),
  postcode: z.string(),
  sections: z.array(z.string()),
  coverColor: z.enum(['red', 'black']),
  issueCount: z.number().int(),
});
export type Gazette = z.infer<typeof Gazette>;

export const GazetteInput = z.object({
  title: Text('公报名称', 100).min(2, '公报名称至少两个字，如“高青县人民政府公报”'),
  numberingStyle: NumberingStyle.default('year'),
  sponsor: Text('主办', 200).default(''),
  editor: Text('编辑出版', 200).default(''),
  address: Text('地址', 200).default(''),
  phone: Text('电话', 100).default(''),
  postcode: z.string().trim().regex(/^(\d{6})?$/, '邮编应为六位数字').default(''),
  sections: z.array(Text('栏目名称', 50).min(1, '栏目名称不能为空')).max(30).default(DEFAULT_SECTIONS),
  coverColor: z.enum(['red', 'black']).default('red'),
});
export type GazetteInput = z.input<typeof GazetteInput>;

/** One issue as listed (imported and new alike). */
export const GazetteSummary = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
  issueNumber: z.number().int().nullable(),
  totalNumber: z.number().int().nullable(),
  publishDate: IsoDate.nullable(),
  documentCount: z.number().int(),
  /** the gazette it belongs to (optional only for issues built outside the library, e.g. benchmarks) */
  gazetteId: z.string().nullable().optional(),
  state: IssueState.optional(),
  numberingStyle: NumberingStyle.optional(),
  /** `2021年第3期` or `第2号（总第20号）` as printed */
  label: z.string().optional(),
});
export type GazetteSummary = z.infer<typeof GazetteSummary>;

export const GazetteEntry = z.object({
  position: z.number().int(),
  section: z.string().nullable(),
  title: z.string(),
  page: z.number().int().nullable(),
  documentId: z.string().nullable(),
  docNumber: z.string().nullable(),
});

export const GazetteDetail = GazetteSummary.extend({
  entries: z.array(GazetteEntry),
  /** the gazette's own masthead, printed on the cover and the masthead page */
  masthead: z
    .object({ sponsor: z.string(), editor: z.string(), address: z.string(), phone: z.string(), postcode: z.string() })
    .optional(),
  coverColor: z.enum(['red', 'black']).optional(),
});
export type GazetteDetail = z.infer<typeof GazetteDetail>;

/** What to look at before an entry goes to print. */
export const EntryCheck = z.object({
  documentId: z.string(),
  problems: z.array(z.string()),
  /** other issues the document was already printed in */
  alsoIn: z.array(z.object({ id: z.string(), label: z.string() })),
});

const DateFacts = z.object({ effectiveDate: IsoDate.nullable(), validUntil: IsoDate.nullable() });
/** One document whose 施行日期/有效期至 a publication derives (or a re-opening undoes): before → after. */
export const DateDerivation = z.object({
  documentId: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  before: DateFacts,
  after: DateFacts,
});
export type DateDerivation = z.infer<typeof DateDerivation>;
/** What publishing or re-opening an issue would change in the library, shown before it commits. */
export const DateEffects = z.object({
  /** 自公布之日起 documents whose dates this publication derives */
  derive: z.array(DateDerivation),
  /** 自公布之日起 documents it leaves alone (published before, or dated by hand), with the reason */
  kept: z.array(z.object({ documentId: z.string(), title: z.string(), docNumber: z.string().nullable(), reason: z.string() })),
  /** for a published issue: the derived dates a re-opening puts back */
  revert: z.array(DateDerivation),
});
export type DateEffects = z.infer<typeof DateEffects>;

const IssueNumbers = z.object({
  issueNumber: z.number().int().min(1, '期号应为正整数').max(999).optional(),
  totalNumber: z.number().int().min(1, '总期号应为正整数').max(99_999).optional(),
});

export const gazettesChannels = defineChannels({
  /** Issues (imported and new), newest first; optionally of one gazette or year. */
  'gazettes:list': {
    req: z.object({ gazetteId: Id.optional(), year: z.number().int().optional() }).default({}),
    res: z.array(GazetteSummary),
    access: 'read',
  },
  /** One issue with its table of contents in order. */
  'gazettes:get': { req: z.object({ id: Id }), res: GazetteDetail, access: 'read' },
  /** Every gazette (publication) with its settings. */
  'gazette:all': { req: z.object({}).default({}), res: z.array(Gazette), access: 'read' },
  /** Makes a gazette; its title must be new. */
  'gazette:create': { req: GazetteInput, res: Gazette, access: 'edit' },
  /** Changes a gazette's settings (masthead, numbering, sections, colour). */
  'gazette:update': { req: z.object({ id: Id, patch: GazetteInput.partial() }), res: Gazette, access: 'edit' },
  /** The next 期号 of the year and the next 总期号 of a gazette. */
  'issue:propose': {
    req: z.object({ gazetteId: Id, date: IsoDate }),
    res: z.object({ year: z.number().int(), issueNumber: z.number().int(), totalNumber: z.number().int().nullable() }),
    access: 'read',
  },
  /** A new issue (a draft); numbers proposed when omitted. */
  'issue:create': { req: IssueNumbers.extend({ gazetteId: Id, publishDate: IsoDate }), res: GazetteDetail, access: 'edit' },
  /** Changes an unpublished issue's numbers or publish date. */
  'issue:update': { req: IssueNumbers.extend({ id: Id, publishDate: IsoDate.optional() }), res: GazetteDetail, access: 'edit' },
  /** Moves a draft or imported issue to the trash (its documents stay in the library); a published one is refused. */
  'issue:delete': { req: z.object({ id: Id }), res: z.object({ id: Id }), access: 'edit' },
  /** Adds a library document to a section (at the end of the section unless a position is given). */
  'issue:add': {
    req: z.object({ id: Id, documentId: Id, section: Text('栏目', 50).min(1, '请选择栏目'), position: z.number().int().min(1).optional() }),
    res: GazetteDetail,
    access: 'edit',
  },
  /** Removes a document from the issue. */
  'issue:remove': { req: z.object({ id: Id, documentId: Id }), res: GazetteDetail, access: 'edit' },
  /** Moves a document to a position (1-based), optionally into another section. */
  'issue:move': {
    req: z.object({ id: Id, documentId: Id, to: z.number().int().min(1, '位置从 1 开始'), section: Text('栏目', 50).min(1).optional() }),
    res: GazetteDetail,
    access: 'edit',
  },
  /** Sets the whole order at once (drag and drop): every document of the issue, with its section. */
  'issue:reorder': {
    req: z.object({ id: Id, order: z.array(z.object({ documentId: Id, section: Text('栏目', 50).min(1) })).max(2_000) }),
    res: GazetteDetail,
    access: 'edit',
  },
  /** Per-document checks before printing (文号, 成文日期, 有效期, 登记号, printed elsewhere). */
  'issue:checks': { req: z.object({ id: Id }), res: z.array(EntryCheck), access: 'read' },
  /** Publishes: fixes the issue and dates its documents (施行日期, 有效期至 of 自公布之日起 documents). */
  'issue:publish': {
    req: z.object({ id: Id }),
    res: z.object({ issue: GazetteDetail, updatedDocuments: z.array(z.string()), derived: z.array(DateDerivation) }),
    access: 'edit',
  },
  /** Before publishing or re-opening: which documents' dates it would derive (or put back), and which it leaves alone. */
  'issue:date-effects': { req: z.object({ id: Id }), res: DateEffects, access: 'read' },
  /** The issues (not drafts) each document was already printed in, for flagging search results. */
  'issue:printed-in': {
    req: z.object({ documentIds: z.array(Id).max(1_000) }),
    res: z.record(z.string(), z.array(z.object({ id: z.string(), label: z.string() }))),
    access: 'read',
  },
  /** Re-opens a published issue for edits (audited with the reason). */
  'issue:reopen': { req: z.object({ id: Id, reason: Text('重新打开的理由', 500).min(2, '请填写重新打开的理由') }), res: GazetteDetail, access: 'edit' },
});
