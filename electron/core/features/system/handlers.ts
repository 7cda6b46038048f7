import type { Handlers } from '../../../../shared/contract';
import type { systemChannels } from '../../../../shared/contract/system';
import type { AppContext } from '../../kernel/context';
import { schemaVersion } from '../../db/migrate';

type SystemHandlers = Pick<Handlers, keyof typeof systemChannels>;

export function createSystemHandlers(ctx: AppContext): SystemHandlers {
  const countDocs = ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents');
  return {
    'app:info': async () => ({
      version: ctx.version,
      schemaVersion: schemaVersion(ctx.db),
      dataDir: ctx.dataDir,
      documentCount: countDocs.get()!.n,
      shell: ctx.shell,
      integrity: ctx.integrity,
    }),
    'settings:get': async () => ctx.settings.get(),
    'settings:update': async (patch) => ctx.settings.update(patch),
  };
}
