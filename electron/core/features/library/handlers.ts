import type { Handlers } from '../../../../shared/contract';
import type { documentsChannels } from '../../../../shared/contract/documents';
import type { AppContext } from '../../kernel/context';
import { createAuditService } from '../audit/audit-service';
import { createDocumentService } from './document-service';
import { createGazetteService } from '../gazettes/gazette-service';
import { createRelationService } from '../relations/relation-service';

type DocumentsHandlers = Pick<Handlers, keyof typeof documentsChannels>;

/** The library, relations and gazette channels: thin calls into the services (the dispatcher validated already). */
export function createDocumentsHandlers(ctx: AppContext): DocumentsHandlers {
  const audit = createAuditService(ctx);
  const relations = createRelationService(ctx, audit);
  const documents = createDocumentService(ctx, { audit, relations });
  const gazettes = createGazetteService(ctx, audit);
  return {
    'documents:list': async (req) => documents.list(req),
    'documents:get': async ({ id, asOf }) => documents.detail(id, asOf),
    'documents:update': async ({ id, patch, expectedUpdatedAt }) => documents.update(id, patch, undefined, expectedUpdatedAt),
    'documents:delete': async ({ id }) => documents.delete(id),
    'relations:add': async (req) => {
      const relation = relations.add(req);
      // A new abolish/amend/replace changes the target's status, so listeners must refresh both ends.
      ctx.events.emit('documents:changed', { ids: [relation.sourceId, ...(relation.targetId ? [relation.targetId] : [])], deleted: [] });
      return relation;
    },
    'relations:remove': async ({ id }) => {
      const before = relations.get(id);
      const result = relations.remove(id);
      ctx.events.emit('documents:changed', { ids: [before.sourceId, ...(before.targetId ? [before.targetId] : [])], deleted: [] });
      return result;
    },
    'gazettes:list': async () => gazettes.list(),
    'gazettes:get': async ({ id }) => gazettes.get(id),
  };
}
