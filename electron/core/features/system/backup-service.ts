import { statSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import { quickCheckOffThread } from '../../db/integrity';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import { safeWrite } from '../../kernel/safe-write';
import { verifyLibraryFile } from './backup-files';

export interface BackupResult {
  file: string;
  bytes: number;
  documents: number;
}

/**
 * Copies the open library into `tmp` with SQLite's online backup (consistent while the app keeps running),
 * turns the copy into a single self-contained file (no -wal to lose) and verifies it. Returns its document count.
 */
export async function writeVerifiedCopy(db: Db, tmp: string): Promise<number> {
  await db.backup(tmp);
  // reading the whole copy takes seconds at a city's size: in a worker, so the server keeps answering meanwhile
  const checked = (await quickCheckOffThread(tmp)) ?? undefined;
  return verifyLibraryFile(tmp, { standalone: true, checked }).documents;
}

/** Online backups of the library database: consistent while the app keeps running, verified before use. */
export function createBackupService(ctx: Pick<AppContext, 'db' | 'dataDir'>) {
  return {
    /**
     * Copies the whole library to `target` (a file the person chose), checks the copy, and only then puts it in
     * place. Refuses the data directory and an existing file unless `overwrite`.
     */
    async backup(target: string, opts: { overwrite?: boolean } = {}): Promise<BackupResult> {
      let documents = 0;
      const file = await safeWrite(
        target,
        async (tmp) => {
          documents = await writeVerifiedCopy(ctx.db, tmp).catch((err) => {
            if (err instanceof AppError) throw err;
            throw Object.assign(new Error((err as Error).message), { code: (err as NodeJS.ErrnoException).code });
          });
        },
        { dataDir: ctx.dataDir, force: opts.overwrite, forceHint: '如需覆盖请加 --force' },
      );
      return { file, bytes: statSync(file).size, documents };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
