import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { IssueTrash } from '../gazettes/issue-trash';
import type { DocumentService } from './document-service';
import type { TrashService } from './trash-service';

type LibraryHandlers = Pick<
  Handlers,
  'documents:all' | 'documents:list' | 'documents:get' | 'documents:update' | 'documents:delete' | 'trash:list' | 'trash:restore' | 'trash:empty'
>;

/** The library channels: thin calls into the document service (the dispatcher validated already). */
export function createLibraryHandlers(ctx: AppContext, documents: DocumentService, trash: TrashService, issueTrash: IssueTrash): LibraryHandlers {
  return {
    'documents:all': async ({ asOf, withBody }) => documents.all(asOf, withBody),
    'documents:list': async (req) => documents.list(req),
    'documents:get': async ({ id, asOf }) => documents.detail(id, asOf),
    'documents:update': async ({ id, patch, expectedUpdatedAt }, { caller }) => documents.update(caller, id, patch, undefined, expectedUpdatedAt),
    // Deleting moves to the trash: the document can come back whole until the trash is emptied.
    'documents:delete': async ({ id }, { caller }) => trash.moveToTrash(caller, id),
    // One trash for documents and gazette issues, newest first.
    'trash:list': async () => [...trash.list(), ...issueTrash.list()].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)),
    'trash:restore': async ({ id, kind }, { caller }) => (kind === 'issue' ? issueTrash.restore(caller, id) : trash.restore(caller, id)),
    'trash:empty': async (_req, { caller }) => ctx.db.transaction(() => ({ count: trash.empty(caller).count + issueTrash.empty(caller).count }))(),
  };
}
