import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExportFormat } from '../../../../shared/contract/export';
import type { ErrorCode } from '../../../../shared/contract/errors';
import type { Logger } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { findWorkerScript } from '../../kernel/worker-script';
import type { OfficialText } from './model';
import type { RenderedFile } from './service';

export interface RenderJob {
  id: number;
  text: OfficialText;
  format: ExportFormat;
  resourcesDir: string;
  /** the export's time (ISO), for the file's creation date */
  now: string;
}
export type RenderReply = { id: number; file: RenderedFile } | { id: number; error: { code: ErrorCode | null; message: string } };

export type Render = (text: OfficialText, format: ExportFormat, resourcesDir: string, now: Date) => Promise<RenderedFile>;

/**
 * Renders exports in worker threads (issue 25): laying out and drawing a document is the costliest thing a
 * request can ask of the server, and on the request thread it held up every other person's search and page. The
 * text to render is built from the database on the request thread (a few rows); the threads get plain data and
 * need no connection. One thread fewer than the cores (at least one), started on first use and not keeping a
 * process alive; a thread that dies fails its jobs and the next job starts a fresh one. Without a worker script
 * (a build that lacks it) rendering runs in-process, as before.
 */
export function createRenderPool(log: Logger, fallback: Render, size = Math.max(1, Math.min(4, availableParallelism() - 1))): Render & { close(): Promise<void> } {
  const script = findWorkerScript(import.meta.url, 'render-worker');
  if (!script) log.error('找不到导出线程脚本（render-worker），导出将在主线程中进行');
  const workers: Array<{ w: Worker; busy: number } | null> = Array.from({ length: size }, () => null);
  const pending = new Map<number, { resolve: (f: RenderedFile) => void; reject: (e: Error) => void; slot: number }>();
  let nextId = 1;

  function start(slot: number) {
    const w = new Worker(script!.file, { eval: script!.eval, stdout: false, stderr: false });
    w.unref();
    const entry = { w, busy: 0 };
    const fail = (err: Error) => {
      if (workers[slot] === entry) workers[slot] = null;
      for (const [id, p] of pending) {
        if (p.slot !== slot) continue;
        pending.delete(id);
        p.reject(err);
      }
    };
    w.on('message', (reply: RenderReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      entry.busy--;
      if (entry.busy === 0) w.unref();
      if ('file' in reply) p.resolve({ ...reply.file, bytes: new Uint8Array(reply.file.bytes) });
      else p.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    });
    w.on('error', (err) => {
      log.error('导出线程出错', err);
      fail(err);
    });
    w.on('exit', () => fail(new Error('导出线程意外退出')));
    return (workers[slot] = entry);
  }

  const render: Render = (text, format, resourcesDir, now) => {
    if (!script) return fallback(text, format, resourcesDir, now);
    // the least busy thread (a free slot starts one)
    let slot = workers.findIndex((w) => w === null || w.busy === 0);
    if (slot < 0) slot = workers.reduce((best, w, i) => (w!.busy < workers[best]!.busy ? i : best), 0);
    const entry = workers[slot] ?? start(slot);
    const id = nextId++;
    return new Promise<RenderedFile>((resolve, reject) => {
      pending.set(id, { resolve, reject, slot });
      if (entry.busy++ === 0) entry.w.ref();
      entry.w.postMessage({ id, text, format, resourcesDir, now: now.toISOString() } satisfies RenderJob);
    });
  };
  return Object.assign(render, {
    async close() {
      await Promise.all(workers.map((w) => w?.w.terminate()));
      workers.fill(null);
    },
  });
}
