import { parentPort } from 'node:worker_threads';
import { AppError } from '../../kernel/errors';
import type { RenderJob, RenderReply } from './render-pool';
import { renderOfficialText } from './service';

// Lays out and renders official texts (fonts, pages, PDF/OFD/DOCX bytes) off the thread that answers requests.
parentPort?.on('message', (job: RenderJob) => {
  renderOfficialText(job.text, job.format, job.resourcesDir, new Date(job.now)).then(
    (file) => parentPort!.postMessage({ id: job.id, file } satisfies RenderReply),
    (err: unknown) => {
      const error = err instanceof AppError ? { code: err.code, message: err.message } : { code: null, message: (err as Error)?.message ?? String(err) };
      parentPort!.postMessage({ id: job.id, error } satisfies RenderReply);
    },
  );
});
