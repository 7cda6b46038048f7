import type { Handlers } from '../../../../shared/contract';
import type { gazettesChannels } from '../../../../shared/contract/gazettes';
import type { AppContext } from '../../kernel/context';
import type { GazetteRegistry } from './gazette-registry';
import type { GazetteService } from './gazette-service';
import type { IssueTrash } from './issue-trash';
import type { IssueService } from './issue-service';

type GazetteHandlers = Pick<Handlers, keyof typeof gazettesChannels>;

/** Gazettes and their issues: the archive, and the editor's channels (every write passes the caller). */
export function createGazetteHandlers(
  _ctx: AppContext,
  s: { gazettes: GazetteService; registry: GazetteRegistry; issues: IssueService; issueTrash: IssueTrash },
): GazetteHandlers {
  return {
    'gazettes:list': async (req) => s.gazettes.list(req),
    'gazettes:get': async ({ id }) => s.gazettes.get(id),
    'gazette:all': async () => s.registry.all(),
    'gazette:create': async (req, { caller }) => s.registry.create(caller, req),
    'gazette:update': async ({ id, patch }, { caller }) => s.registry.update(caller, id, patch),
    'issue:propose': async ({ gazetteId, date }) => s.issues.propose(gazetteId, date),
    'issue:create': async (req, { caller }) => s.issues.create(caller, req),
    'issue:update': async ({ id, ...patch }, { caller }) => s.issues.update(caller, id, patch),
    // Deleting moves the issue to the trash (restorable with its entries); its documents stay in the library.
    'issue:delete': async ({ id }, { caller }) => s.issueTrash.moveToTrash(caller, id),
    'issue:add': async ({ id, documentId, section, position }, { caller }) => s.issues.add(caller, id, documentId, section, position),
    'issue:remove': async ({ id, documentId }, { caller }) => s.issues.remove(caller, id, documentId),
    'issue:move': async ({ id, documentId, to, section }, { caller }) => s.issues.move(caller, id, documentId, to, section),
    'issue:reorder': async ({ id, order }, { caller }) => s.issues.reorder(caller, id, order),
    'issue:checks': async ({ id }) => s.issues.checks(id),
    'issue:publish': async ({ id }, { caller }) => s.issues.publish(caller, id),
    'issue:date-effects': async ({ id }) => s.issues.dateEffects(id),
    'issue:reopen': async ({ id, reason }, { caller }) => s.issues.reopen(caller, id, reason),
    'issue:printed-in': async ({ documentIds }) => s.gazettes.printedIn(documentIds),
  };
}
