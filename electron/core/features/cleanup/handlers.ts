import type { Handlers } from '../../../../shared/contract';
import type { cleanupChannels } from '../../../../shared/contract/cleanup';
import type { AppContext } from '../../kernel/context';
import type { CleanupService } from './cleanup-service';
import type { PublishService } from './publish';
import { createSheetService } from './sheets';

type CleanupHandlers = Pick<Handlers, keyof typeof cleanupChannels>;

/** Cleanup campaign channels: thin calls passing the caller to everything that writes. */
export function createCleanupHandlers(_ctx: AppContext, s: { cleanup: CleanupService; publish: PublishService }): CleanupHandlers {
  const { cleanup, publish } = s;
  const sheets = createSheetService(cleanup);
  return {
    'cleanup:create': async (req, { caller }) => cleanup.create(caller, req),
    'cleanup:list': async () => cleanup.list(),
    'cleanup:get': async ({ id }) => cleanup.detail(id),
    'cleanup:items': async (req) => cleanup.items(req),
    'cleanup:decide': async (req, { caller }) => cleanup.decide(caller, req),
    'cleanup:opinion': async (req, { caller }) => cleanup.opinion(caller, req),
    'cleanup:scope-add': async ({ id, documentId, reason }, { caller }) => cleanup.addToScope(caller, id, documentId, reason),
    'cleanup:scope-remove': async ({ id, documentId, reason }, { caller }) => cleanup.removeFromScope(caller, id, documentId, reason),
    'cleanup:link-amendment': async ({ id, documentId, amendingId }, { caller }) => publish.linkAmendment(caller, id, documentId, amendingId),
    'cleanup:gate': async ({ id }) => cleanup.gate(id),
    'cleanup:publish': async (req, { caller }) => publish.publish(caller, req),
    'cleanup:revert': async ({ id }, { caller }) => publish.revert(caller, id),
    'cleanup:sheet': async ({ id, issuer }) => sheets.exportSheet(id, issuer),
    'cleanup:import-sheet': async ({ id, dataBase64, overwrite }, { caller }) => sheets.importSheet(caller, id, dataBase64, overwrite),
    'cleanup:for-document': async ({ documentId }) => cleanup.forDocument(documentId),
    'cleanup:reasons': async () => cleanup.reasons(),
    'cleanup:set-reasons': async ({ reasons }, { caller }) => cleanup.setReasons(caller, reasons),
    'cleanup:match-result': async ({ items }) => publish.matchPublished(items),
    'cleanup:apply-published': async (req, { caller }) => publish.applyPublished(caller, req),
  };
}
