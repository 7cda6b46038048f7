import { statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../../../shared/contract';
import type { Caller } from '../../../../shared/contract';
import type { backupChannels, RestoreResult } from '../../../../shared/contract/backup';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import type { Lifecycle } from '../../kernel/live-core';
import { safeWrite } from '../../kernel/safe-write';
import { refuseWhileInUse } from '../../kernel/library-lock';
import { DB_FILE, backupFileName, backupsDir, verifyLibraryFile, ensureBackupsDir, freeName, hasBackupOn, listBackups, pruneBackups, type BackupEntry } from './backup-files';
import { writeVerifiedCopy } from './backup-service';
import { stageRestore, swapInRestore, undoRestore } from './restore-files';

type BackupHandlers = Pick<Handlers, keyof typeof backupChannels>;

function requireDisk(ctx: Pick<AppContext, 'dataDir'>): void {
  if (ctx.dataDir === ':memory:') throw new AppError('INVALID_INPUT', '临时文件库（内存中）没有备份');
}

/** Makes a verified backup in the backups folder, then deletes those older than the retention setting. */
export async function backupIntoFolder(ctx: Pick<AppContext, 'db' | 'dataDir' | 'now' | 'settings'>, kind: 'auto' | 'manual'): Promise<BackupEntry> {
  requireDisk(ctx);
  const dir = ensureBackupsDir(ctx.dataDir);
  const now = ctx.now();
  const name = freeName(dir, backupFileName(now, kind));
  // our own folder inside the data directory: the data-directory refusal is for person-chosen targets
  await safeWrite(join(dir, name), (tmp) => writeVerifiedCopy(ctx.db, tmp).then(() => undefined), { dataDir: ':memory:' });
  pruneBackups(ctx.dataDir, ctx.settings.get().backupRetentionDays, now);
  const entry = listBackups(ctx.dataDir).find((e) => e.name === name);
  if (!entry) throw new AppError('INTERNAL', `备份文件未能写入：${name}`);
  return entry;
}

/** Why there is no room for one more copy of the library (with a margin), or null when there is. */
export function diskTooFull(dataDir: string, free = freeBytes(dataDir)): string | null {
  const size = statSync(join(dataDir, DB_FILE), { throwIfNoEntry: false })?.size ?? 0;
  if (free === null || free >= size * 1.5 + 64 * 1024 * 1024) return null;
  return `磁盘剩余空间（${Math.round(free / 1024 / 1024)} MB）不足以再存一份文件库（${Math.round(size / 1024 / 1024)} MB）。请腾出空间，或在设置中缩短备份保留天数。`;
}

function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/**
 * The daily backup at start: shortly after the library opens (so the first answers are not slowed), once per
 * day. A failure is logged, never fatal; closing the app waits for a backup under way.
 */
export function startDailyBackup(ctx: AppContext, delayMs = 2_000): void {
  let running: Promise<unknown> | null = null;
  const timer = setTimeout(() => {
    if (hasBackupOn(ctx.dataDir, ctx.now())) return;
    const short = diskTooFull(ctx.dataDir);
    if (short) {
      ctx.log.error(`自动备份已跳过：${short}`);
      return;
    }
    running = backupIntoFolder(ctx, 'auto').then(
      (e) => ctx.log.info(`已自动备份：${e.name}`),
      (err) => ctx.log.error(`自动备份失败：${err instanceof Error ? err.message : String(err)}`),
    );
  }, delayMs);
  timer.unref?.();
  ctx.onClose(async () => {
    clearTimeout(timer);
    await running;
  });
}

/** 设置 → 备份与恢复: list, 立即备份, and restore from a listed backup (the app switches without a restart). */
export function createBackupHandlers(ctx: AppContext, lifecycle: Lifecycle): BackupHandlers {
  let restoring = false;
  return {
    'backup:list': async () => ({
      dir: ctx.dataDir === ':memory:' ? '' : backupsDir(ctx.dataDir),
      retentionDays: ctx.settings.get().backupRetentionDays,
      entries: ctx.dataDir === ':memory:' ? [] : listBackups(ctx.dataDir),
    }),
    'backup:now': async () => backupIntoFolder(ctx, 'manual'),
    'backup:restore': async ({ name }, { caller }) => {
      requireDisk(ctx);
      // one restore at a time: a second would overwrite the first's staging copy
      if (restoring) throw new AppError('CONFLICT', '正在恢复文件库，请稍候。');
      restoring = true;
      try {
        return await restore(name, caller);
      } finally {
        restoring = false;
      }
    },
  };

  async function restore(name: string, caller: Caller): Promise<RestoreResult> {
    const entry = listBackups(ctx.dataDir).find((e) => e.name === name);
    if (!entry) throw new AppError('NOT_FOUND', `备份文件夹中没有 ${name}`);
    // another process (a CLI import, a second server) would keep writing into the library moved aside
    refuseWhileInUse(ctx.dataDir, '恢复');
    // verified before anything is closed: a bad backup leaves the running app as it was
    const staged = stageRestore(ctx.dataDir, join(backupsDir(ctx.dataDir), name));
    const dataDir = ctx.dataDir;
    const now = ctx.now();
    const result = await lifecycle.swapFiles({
      apply: () => swapInRestore(dataDir, staged, now),
      undo: (applied) => undoRestore(dataDir, applied),
      check: async (core) => {
        verifyLibraryFile(join(dataDir, DB_FILE));
        const res = await core.dispatch('app:info', {}, caller);
        if (!res.ok) throw new AppError('INTERNAL', `恢复后的文件库无法打开：${res.error.message}`);
        const info = res.data as { documentCount: number };
        if (info.documentCount !== staged.documents) {
          throw new AppError('INTERNAL', `恢复后的文件数（${info.documentCount}）与备份（${staged.documents}）不符，已还原为原文件库`);
        }
      },
    });
    return { name, documents: result.documents, schemaVersion: result.schemaVersion, asideDir: result.asideDir };
  }
}
