import type { Handlers } from '../../../../shared/contract';
import { schemaVersion } from '../../db/migrate';
import type { AppContext } from '../../kernel/context';
import type { BackupService } from './backup-service';

type SystemHandlers = Pick<Handlers, 'app:info' | 'backup:create'>;

/** What the 设置 page shows about the installation. */
export function createSystemHandlers(ctx: AppContext, backup: BackupService): SystemHandlers {
  const countDocs = ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents');
  return {
    'backup:create': async ({ file, overwrite }) => backup.backup(file, { overwrite }),
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
