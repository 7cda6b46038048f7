import type { Handlers } from '../../../../shared/contract';
import type { importChannels } from '../../../../shared/contract/import';
import type { AppContext } from '../../kernel/context';
import type { ImportService } from './import-service';

type ImportHandlers = Pick<Handlers, keyof typeof importChannels>;

/**
 * Import channels: parse for review (staged), read a staged document's lines, split or merge staged documents,
 * commit a reviewed staged batch (with the corrections made), list a document's import corrections, load the samples.
 */
export function createImportHandlers(_ctx: AppContext, imports: ImportService): ImportHandlers {
  return {
    'import:parse': async ({ files, ocr }) => imports.parse(files, { ocr }),
    'import:commit': async ({ files }, { caller }) => imports.commit(caller, files),
    'import:lines': async ({ stagedId, index }) => imports.lines(stagedId, index),
    'import:split': async ({ stagedId, index, at }) => imports.split(stagedId, index, at),
    'import:merge': async ({ stagedId, index }) => imports.merge(stagedId, index),
    'import:corrections': async ({ documentId }) => imports.corrections(documentId),
    'import:scan': async ({ stagedId, index }) => imports.scan(stagedId, index),
    'import:scanPage': async ({ stagedId, page }) => imports.scanPage(stagedId, page),
    'import:correctLine': async ({ stagedId, index, line, corrected }) => imports.correctLine(stagedId, index, line, corrected),
    'import:progress': async () => imports.progress(),
    'import:cancel': async () => imports.cancel(),
    'import:documentScan': async ({ documentId }) => imports.documentScan(documentId),
    'import:documentScanPage': async ({ documentId, page }) => imports.documentScanPage(documentId, page),
    'import:flags': async ({ documentId }) => imports.flagsOf(documentId),
    'import:source': async ({ documentId }) => imports.source(documentId),
    'import:samples': async (_req, { caller }) => imports.samples(caller),
  };
}
