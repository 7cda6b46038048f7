import type { Handlers } from '../../../../shared/contract';
import { schemaVersion } from '../../db/migrate';
import type { AppContext } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import type { BackupService } from './backup-service';

type SystemHandlers = Pick<Handlers, 'app:info' | 'backup:create'>;

/** What the 设置 page shows about the installation. */
export function createSystemHandlers(ctx: AppContext, backup: BackupService): SystemHandlers {
  const countDocs = ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents');
  return {
    // A path on the machine's disk is only the command line's to choose: a page (browser mode, the window) could
    // otherwise overwrite any file the app may write. The UI backs up into the backups folder (backup:now).
    'backup:create': async ({ file, overwrite }, { caller }) => {
      if (caller.shell !== 'cli') throw new AppError('FORBIDDEN', '只有命令行可以把备份写到指定位置；界面中请使用“设置 → 备份与恢复 → 立即备份”。');
      return backup.backup(file, { overwrite });
    },
    'app:info': async (_req, { caller }) => ({
      version: ctx.version,
      schemaVersion: schemaVersion(ctx.db),
      dataDir: ctx.dataDir,
      documentCount: countDocs.get()!.n,
      shell: ctx.shell,
      user: caller.user,
      integrity: ctx.integrity,
    }),
  };
}
