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

/** Settings a person can change; defaults follow DOMAIN.md. */
export const Settings = z.object({
  /** months before expiry in which a document counts as 即将到期 (evaluation window) */
  expiryWindowMonths: z.number().int().min(0).max(24),
  /** search ranking puts in-force documents before lapsed ones */
  inForceFirst: z.boolean(),
  /** regular expression (source) recognising a 登记号 / 统一编号 */
  registrationPattern: z.string().max(200),
  /** name written to the audit log as the actor */
  actor: z.string().min(1).max(50),
  masthead: MastheadSettings,
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  documentCount: z.number().int(),
  shell: z.enum(['electron', 'browser', 'cli']),
  /** database integrity check: large libraries are checked in the background after start */
  integrity: z.object({ state: z.enum(['ok', 'checking', 'failed']), message: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const systemChannels = defineChannels({
  /** Version, schema version, data directory and document count, for the 设置 page and health checks. */
  'app:info': { req: z.object({}).strict().default({}), res: AppInfo },
  /** Current settings, defaults filled in. */
  'settings:get': { req: z.object({}).strict().default({}), res: Settings },
  /** Changes some settings; returns all of them. */
  'settings:update': { req: Settings.partial().strict(), res: Settings },
});
