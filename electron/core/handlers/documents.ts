import type { Handlers } from '../../../shared/contract';
import type { documentsChannels } from '../../../shared/contract/documents';
import type { AppContext } from '../context';

type DocumentsHandlers = Pick<Handlers, keyof typeof documentsChannels>;

export function createDocumentsHandlers(_ctx: AppContext): DocumentsHandlers {
  return {};
}
