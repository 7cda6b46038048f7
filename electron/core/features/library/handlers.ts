import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { DocumentService } from './document-service';

type LibraryHandlers = Pick<Handlers, 'documents:all' | 'documents:list' | 'documents:get' | 'documents:update' | 'documents:delete'>;

/** The library channels: thin calls into the document service (the dispatcher validated already). */
export function createLibraryHandlers(_ctx: AppContext, documents: DocumentService): LibraryHandlers {
  return {
    'documents:all': async ({ asOf, withBody }) => documents.all(asOf, withBody),
    'documents:list': async (req) => documents.list(req),
    'documents:get': async ({ id, asOf }) => documents.detail(id, asOf),
    'documents:update': async ({ id, patch, expectedUpdatedAt }, { caller }) => documents.update(caller, id, patch, undefined, expectedUpdatedAt),
    'documents:delete': async ({ id }, { caller }) => documents.delete(caller, id),
  };
}
