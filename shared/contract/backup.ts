import { z } from 'zod';
import { defineChannels } from './define';

/** One backup in the data directory's backups folder. */
export const BackupEntry = z.object({
  /** file name inside the backups folder; restore names it */
  name: z.string(),
  /** auto: the daily one at start; manual: 立即备份; pre-migration: before a schema upgrade; other: copied in by hand */
  kind: z.enum(['auto', 'manual', 'pre-migration', 'other']),
  createdAt: z.string(),
  bytes: z.number().int(),
  documents: z.number().int().nullable(),
  schemaVersion: z.number().int().nullable(),
  /** why this file cannot be restored, when it cannot */
  problem: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupList = z.object({
  /** the backups folder (a file copied into it can be restored from the UI) */
  dir: z.string(),
  retentionDays: z.number().int(),
  entries: z.array(BackupEntry),
});
export type BackupList = z.infer<typeof BackupList>;

/** A backup's file name: no folders, so a request can only name a file in the backups folder. */
const BackupName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+\.db$/, { message: '备份名称无效：只能是备份文件夹中的 .db 文件名' })
  .refine((n) => n !== '.' && n !== '..' && !n.startsWith('.'), { message: '备份名称无效' });

export const RestoreResult = z.object({
  name: z.string(),
  documents: z.number().int(),
  schemaVersion: z.number().int(),
  /** where the replaced library was kept */
  asideDir: z.string(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const backupChannels = defineChannels({
  /** The backups in the data directory (newest first) with date, size and document count (administrators: backups are theirs). */
  'backup:list': { req: z.object({}).strict().default({}), res: BackupList, access: 'admin' },
  /** 立即备份: an online, verified backup into the backups folder; old ones are pruned by the retention setting. */
  'backup:now': { req: z.object({}).strict().default({}), res: BackupEntry, access: 'admin' },
  /**
   * Replaces the library with one of the listed backups: verified first, the current library kept aside in a
   * timestamped folder, then reopened and verified again — the app switches to it without a restart.
   */
  'backup:restore': { req: z.object({ name: BackupName }).strict(), res: RestoreResult, access: 'admin' },
});
