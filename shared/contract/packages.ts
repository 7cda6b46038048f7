import { z } from 'zod';
import { defineChannels } from './define';
import { DocumentQuery } from './documents';

/** The largest package a request may carry (base64): the desktop app and the CLI; browser mode caps bodies lower. */
export const MAX_PACKAGE_BASE64 = 4 * Math.ceil((512 * 1024 * 1024) / 3);

/** 备案期限规则: 30 days or 15 days after publication, or 3 working days (a jurisdiction's rule). */
export const FILING_RULES = ['30d', '15d', '3wd'] as const;
export const FILING_RULE_LABELS: Record<(typeof FILING_RULES)[number], string> = {
  '30d': '公布之日起30日内',
  '15d': '公布之日起15日内',
  '3wd': '公布之日起3个工作日内',
};

/** This office: the name packages carry, the 制定机关 it files for, the filing rule, and its key's fingerprint. */
export const OfficeSettings = z.object({
  name: z.string().trim().max(60),
  /** 制定机关 whose normative documents need filing; empty: every normative document in the library */
  issuers: z.array(z.string().trim().min(1).max(60)).max(50),
  filingRule: z.enum(FILING_RULES),
  /** the receiving office's review period (days from receipt) */
  reviewDays: z.number().int().min(1).max(365),
  /** the office filings go to (the 备案报告's addressee), e.g. 烟台市人民政府 */
  filingReceiver: z.string().trim().max(60),
  /** null until the key is made (first export, or 设置 asking for it) */
  fingerprint: z.string().nullable(),
  keyCreatedAt: z.string().nullable(),
});
export type OfficeSettings = z.infer<typeof OfficeSettings>;

/** What a library package holds: documents by the library filter, a campaign, a gazette issue, or everything. */
export const PackageSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('filter'), query: DocumentQuery }),
  z.object({ kind: z.literal('campaign'), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('issue'), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('documents'), ids: z.array(z.string().min(1).max(64)).min(1).max(50_000) }),
  z.object({ kind: z.literal('all') }),
]);
export type PackageSelection = z.infer<typeof PackageSelection>;

export const PACKAGE_KINDS = ['library', 'filing', 'filing-answer'] as const;
export const PACKAGE_KIND_LABELS: Record<(typeof PACKAGE_KINDS)[number], string> = {
  library: '文件库数据包',
  filing: '备案报送包',
  'filing-answer': '备案审查答复包',
};

export const PackageCounts = z.object({
  documents: z.number().int(),
  relations: z.number().int(),
  campaigns: z.number().int(),
  issues: z.number().int(),
  sources: z.number().int(),
  corrections: z.number().int(),
  audit: z.number().int(),
  files: z.number().int(),
  filings: z.number().int(),
});
export type PackageCounts = z.infer<typeof PackageCounts>;

/** The manifest as a person sees it: who sent what, when, signed by which key. */
export const PackageInfo = z.object({
  id: z.string(),
  kind: z.enum(PACKAGE_KINDS),
  label: z.string(),
  createdAt: z.string(),
  sender: z.object({ name: z.string(), fingerprint: z.string() }),
  /** seen before from this office (same key); false: check the fingerprint with the sender */
  knownSender: z.boolean(),
  /** another key was seen before under this office name: the package may not come from who it says */
  senderKeyChanged: z.boolean(),
  counts: PackageCounts,
  parts: z.number().int(),
  bytes: z.number().int(),
});
export type PackageInfo = z.infer<typeof PackageInfo>;

export const Resolution = z.enum(['mine', 'theirs', 'both']);
export type Resolution = z.infer<typeof Resolution>;
export const RESOLUTION_LABELS: Record<Resolution, string> = { mine: '保留本机', theirs: '采用对方', both: '两者都保留' };

const DocRef = z.object({ remoteId: z.string(), title: z.string(), docNumber: z.string().nullable(), dateSigned: z.string().nullable() });

export const PackageConflict = DocRef.extend({
  localId: z.string(),
  /** the differing fields, each as stored here and as in the package */
  fields: z.array(z.object({ field: z.string(), label: z.string(), mine: z.string(), theirs: z.string() })),
  /** edited on both sides since the last exchange with this sender (or never exchanged) */
  bothEdited: z.boolean(),
  suggested: Resolution,
});
export type PackageConflict = z.infer<typeof PackageConflict>;

/** What importing would do, before anything is written. */
export const PackagePreview = z.object({
  info: PackageInfo,
  /** this package was imported before: importing it again changes nothing */
  alreadyImported: z.object({ at: z.string(), by: z.string() }).nullable(),
  documents: z.object({
    new: z.array(DocRef),
    present: z.array(DocRef.extend({ localId: z.string(), newerHere: z.boolean() })),
    conflicts: z.array(PackageConflict),
  }),
  campaigns: z.object({ new: z.array(z.string()), present: z.array(z.string()) }),
  issues: z.object({ new: z.array(z.string()), present: z.array(z.string()) }),
  /** filing and answer packages: what they change in the filing records */
  filing: z.array(z.string()),
});
export type PackagePreview = z.infer<typeof PackagePreview>;

export const PackageImportResult = z.object({
  packageId: z.string(),
  sender: z.string(),
  /** false: the package was imported before; nothing changed */
  changed: z.boolean(),
  created: z.number().int(),
  replaced: z.number().int(),
  keptMine: z.number().int(),
  copies: z.number().int(),
  unchanged: z.number().int(),
  relations: z.number().int(),
  campaigns: z.number().int(),
  issues: z.number().int(),
  filing: z.array(z.string()),
});
export type PackageImportResult = z.infer<typeof PackageImportResult>;

const PackageFile = z.object({
  fileName: z.string().trim().min(1).max(200),
  dataBase64: z.string().min(1).max(MAX_PACKAGE_BASE64, '数据包过大：不能超过 512 MB'),
});

export const ExportedPackage = z.object({ fileName: z.string(), dataBase64: z.string(), info: PackageInfo });
export type ExportedPackage = z.infer<typeof ExportedPackage>;

export const packagesChannels = defineChannels({
  /** This office's name, filing rule and key fingerprint (设置 → 机关与备案). */
  'office:get': { req: z.object({}).strict().default({}), res: OfficeSettings, access: 'read' },
  /** Changes the office name, the 制定机关 it files for, the filing rule; makes the key if there is none. */
  'office:update': {
    req: OfficeSettings.pick({ name: true, issuers: true, filingRule: true, reviewDays: true, filingReceiver: true }).partial().strict(),
    res: OfficeSettings,
    access: 'admin',
  },
  /** A signed .ndpkg of the chosen documents with their relations, campaigns, issues and history. */
  'packages:export': { req: z.object({ selection: PackageSelection }), res: ExportedPackage, access: 'read' },
  /** Reads and checks a package (signature, checksums, limits) and says what importing it would do; writes nothing. */
  'packages:preview': { req: PackageFile, res: PackagePreview, access: 'read' },
  /** Imports a package: conflicts as chosen per document (remote id → choice), others by `resolve` (default: keep mine). */
  'packages:import': {
    req: PackageFile.extend({
      choices: z.record(z.string().max(64), Resolution).default({}),
      resolve: Resolution.optional(),
    }),
    res: PackageImportResult,
    access: 'edit',
  },
});
