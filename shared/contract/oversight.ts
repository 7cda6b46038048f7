import { z } from 'zod';
import { DocumentStatus } from '../domain/document';
import { IsoDate } from '../domain/parse-result';
import { defineChannels } from './define';
import { ExportedFile } from './export';

/** A month as `YYYY-MM` and how many documents fall in it. */
export const MonthCount = z.object({ month: z.string(), count: z.number().int() });

/** What the start page shows: counts by status on a day, what expires soon, expiries and lapses per month, recent work. */
export const Dashboard = z.object({
  asOf: IsoDate,
  /** the evaluation window (months before expiry) the statuses were computed with */
  windowMonths: z.number().int(),
  total: z.number().int(),
  byStatus: z.array(z.object({ status: DocumentStatus, count: z.number().int() })),
  /** documents inside the evaluation window on `asOf`, soonest first, with the days left */
  expiring: z.array(
    z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable(), validUntil: IsoDate, daysLeft: z.number().int() }),
  ),
  /** in-force documents whose validity ends in each of the next 24 months (from `asOf`'s month) */
  expiriesByMonth: z.array(MonthCount),
  /** documents lapsed (已失效 on `asOf`) whose validity ended in each of the past 24 months */
  lapsesByMonth: z.array(MonthCount),
  byIssuer: z.array(z.object({ issuer: z.string(), count: z.number().int() })),
  byYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  /** latest imports and edits (audit log), newest first */
  recent: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      docNumber: z.string().nullable(),
      action: z.enum(['导入', '修改']),
      at: z.string(),
      actor: z.string(),
    }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const CHECK_IDS = [
  'no-validity',
  'too-long',
  'end-before-start',
  'effective-before-signed',
  'dangling-basis',
  'unresolved',
  'duplicate-number',
  'relation-cycle',
  'abolished-by-pending',
  'no-registration',
  'needs-review',
] as const;
export const CheckId = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckId>;

/** One document a check concerns, with why. */
export const Finding = z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable(), reason: z.string() });
export type Finding = z.infer<typeof Finding>;

/** The consistency checks (`check --json` prints exactly this). */
export const CheckReport = z.object({
  asOf: IsoDate,
  checks: z.array(z.object({ id: CheckId, title: z.string(), count: z.number().int(), documents: z.array(Finding) })),
});
export type CheckReport = z.infer<typeof CheckReport>;

export const oversightChannels = defineChannels({
  /** The start page's numbers as of a day (default today). */
  'oversight:dashboard': { req: z.object({ asOf: IsoDate.optional() }).default({}), res: Dashboard, access: 'read' },
  /** Every consistency check with the documents it concerns, statuses as of a day (default today). */
  'oversight:checks': { req: z.object({ asOf: IsoDate.optional() }).default({}), res: CheckReport, access: 'read' },
  /** The findings of the checks as a workbook (XLSX) or a Word document (DOCX). */
  'oversight:export': {
    req: z.object({ asOf: IsoDate.optional(), format: z.enum(['xlsx', 'docx']) }),
    res: ExportedFile,
    access: 'read',
  },
});

/** What the trash holds: documents, and gazette issues (their documents stay in the library). */
export const TrashKind = z.enum(['document', 'issue'], { message: '回收站条目类型应为文件（document）或期次（issue）' });

/** A deleted document or gazette issue waiting in the trash. */
export const TrashEntry = z.object({
  id: z.string(),
  kind: TrashKind,
  title: z.string(),
  docNumber: z.string().nullable(),
  deletedAt: z.string(),
  deletedBy: z.string(),
});
export type TrashEntry = z.infer<typeof TrashEntry>;

const Id = z.string().min(1, '请指定文件').max(64);

export const trashChannels = defineChannels({
  /** Deleted documents and issues, newest first. */
  'trash:list': { req: z.object({}).default({}), res: z.array(TrashEntry), access: 'read' },
  /** Puts a deleted document back with its relations and gazette entries, or an issue with its entries. */
  'trash:restore': { req: z.object({ id: Id, kind: TrashKind.default('document') }), res: z.object({ id: z.string() }), access: 'edit' },
  /** Forgets every deleted document and issue for good. */
  'trash:empty': { req: z.object({}).default({}), res: z.object({ count: z.number().int() }), access: 'admin' },
});
