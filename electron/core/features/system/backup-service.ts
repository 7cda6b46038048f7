import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';

export interface BackupResult {
  file: string;
  bytes: number;
  documents: number;
}

/** Online backups of the library database: consistent while the app keeps running, verified before use. */
export function createBackupService(ctx: AppContext) {
  return {
    /** Copies the whole library to `target` (a new file), checks the copy, and only then puts it in place. */
    async backup(target: string, opts: { overwrite?: boolean } = {}): Promise<BackupResult> {
      if (!existsSync(dirname(target))) throw new AppError('INVALID_INPUT', `备份目录不存在：${dirname(target)}`);
      if (existsSync(target) && !opts.overwrite) throw new AppError('CONFLICT', `文件已存在：${target}（如需覆盖请加 --force）`);
      const partial = `${target}.partial`;
      rmSync(partial, { force: true });
      try {
        await ctx.db.backup(partial);
        const copy = new Database(partial, { readonly: true });
        try {
          const check = copy.pragma('quick_check', { simple: true });
          if (check !== 'ok') throw new AppError('INTERNAL', `备份文件校验失败：${String(check)}`);
          const { n } = copy.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()!;
          copy.close();
          renameSync(partial, target);
          return { file: target, bytes: statSync(target).size, documents: n };
        } finally {
          if (copy.open) copy.close();
        }
      } catch (err) {
        rmSync(partial, { force: true });
        if (err instanceof AppError) throw err;
        throw new AppError('INVALID_INPUT', `无法写入备份文件 ${target}：${(err as Error).message}`);
      }
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
