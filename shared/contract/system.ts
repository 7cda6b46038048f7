import { z } from 'zod';
import { defineChannels } from './define';

export const MastheadSettings = z.object({
  sponsor: z.string().max(200),
  editor: z.string().max(200),
  address: z.string().max(200),
  phone: z.string().max(100),
  postcode: z.string().max(20),
  /** how the gazette numbers its issues: 2021年第3期（总第N期） or 第2号（总第20号）; 期 when not set */
  issueUnit: z.enum(['期', '号']).optional(),
});

const years = (field: string) =>
  z.number({ message: `${field}必须是整数` }).int({ message: `${field}必须是整数` }).min(0, { message: `${field}不能小于 0` }).max(50, { message: `${field}不能超过 50 年` });

/** One province's validity rule (DOMAIN.md 有效期): warnings cite `basis` and apply only to that province's issuers. */
export const ValidityRuleSetting = z
  .object({
    province: z.string().trim().min(2, { message: '省份至少两个字（如“山东”）' }).max(10),
    basis: z.string().trim().min(2, { message: '请填写依据（如“山东省行政程序规定第五十三条”）' }).max(100),
    places: z.array(z.string().trim().min(1).max(30)).max(2000),
    minYears: years('最短年限'),
    maxYears: years('最长年限'),
    minYearsTemporary: years('暂行、试行最短年限'),
    maxYearsTemporary: years('暂行、试行最长年限'),
  })
  .refine((r) => r.minYears <= r.maxYears && r.minYearsTemporary <= r.maxYearsTemporary, { message: '最短年限不能大于最长年限' });

/** Settings a person can change; defaults follow DOMAIN.md. */
export const Settings = z.object({
  /** months before expiry in which a document counts as 即将到期 (evaluation window) */
  expiryWindowMonths: z.number().int().min(0).max(24),
  /** search ranking puts in-force documents before lapsed ones */
  inForceFirst: z.boolean(),
  /** regular expression (source) recognising a 登记号 / 统一编号 */
  registrationPattern: z.string().max(200),
  masthead: MastheadSettings,
  /** validity rules by the issuer's province (Shandong's shipped); a province without one gets no validity warning */
  validityRules: z
    .array(ValidityRuleSetting)
    .max(40)
    .refine((rules) => new Set(rules.map((r) => r.province)).size === rules.length, { message: '每个省份只能有一条规则' }),
  /** days automatic backups are kept (the newest is always kept) */
  backupRetentionDays: z
    .number({ message: '必须是整数' })
    .int({ message: '必须是整数' })
    .min(1, { message: '至少为 1 天' })
    .max(3650, { message: '不能超过 3650 天' }),
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  documentCount: z.number().int(),
  shell: z.enum(['electron', 'browser', 'cli']),
  /** who is asking: the user name the audit log records for this caller's changes */
  user: z.string(),
  /** database integrity check: large libraries are checked in the background after start */
  integrity: z.object({ state: z.enum(['ok', 'checking', 'failed']), message: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const BackupResult = z.object({ file: z.string(), bytes: z.number().int(), documents: z.number().int() });

export const systemChannels = defineChannels({
  /** Copies the whole library (online, verified) to a new file on the machine that runs the services. */
  'backup:create': {
    req: z.object({ file: z.string().min(1).max(1000), overwrite: z.boolean().default(false) }),
    res: BackupResult,
    access: 'admin',
  },
  /** Version, schema version, data directory and document count, for the 设置 page and health checks. */
  'app:info': { req: z.object({}).strict().default({}), res: AppInfo, access: 'read' },
  /** Current settings, defaults filled in. */
  'settings:get': { req: z.object({}).strict().default({}), res: Settings, access: 'read' },
  /** Changes settings; the 即将到期 window is refused at 0 or beyond 24 months rather than clamped or switched off. */
  'settings:update': {
    req: Settings.partial()
      .strict()
      .extend({ expiryWindowMonths: z.number().int('应为 1 至 24 之间的整数').min(1, '应为 1 至 24 之间的整数').max(24, '应为 1 至 24 之间的整数').optional() }),
    res: Settings,
    access: 'admin',
  },
});
