import { Worker } from 'node:worker_threads';
import type { Logger } from '../../kernel/context';
import { findWorkerScript } from '../../kernel/worker-script';
import { createLunrHost, type LunrReply, type LunrRequest } from './lunr-host';

/** Talks to the lunr host: in a worker thread when one can be started, else in-process in small async chunks. */
export interface LunrClient {
  readonly mode: 'worker' | 'in-process';
  request(req: LunrRequest): Promise<LunrReply>;
  close(): Promise<void>;
}

function inProcess(): LunrClient {
  const host = createLunrHost({ yieldFn: () => new Promise((r) => setImmediate(r)) });
  return {
    mode: 'in-process',
    request: (req) => host.handle(req),
    close: async () => {},
  };
}

/** Starts a client; `useWorker: false` (small libraries, tests) or any failure to start gives the in-process one. */
export function createLunrClient(opts: { useWorker: boolean; log: Logger }): LunrClient {
  if (!opts.useWorker) return inProcess();
  const script = findWorkerScript(import.meta.url, 'lunr-worker');
  if (!script) {
    // A build without the lunr-worker entry: say so, rather than silently building on the main thread.
    opts.log.error('找不到检索索引线程脚本（lunr-worker），改为在主线程中分段建立索引', new Error('lunr-worker not found'));
    return inProcess();
  }
  let worker: Worker;
  try {
    worker = new Worker(script.file, { eval: script.eval });
  } catch (err) {
    opts.log.error('无法启动检索索引线程，改为在主线程中分段建立索引', err);
    return inProcess();
  }
  worker.unref();
  let fallback: LunrClient | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: LunrReply) => void; reject: (e: Error) => void }>();
  worker.on('message', (msg: { id: number; reply?: LunrReply; error?: string }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (pending.size === 0) worker.unref(); // an idle index thread never keeps the process alive
    if (msg.reply) p.resolve(msg.reply);
    else p.reject(new Error(msg.error ?? '检索索引线程出错'));
  });
  const fail = (err: unknown) => {
    if (fallback) return;
    opts.log.error('检索索引线程出错，改为在主线程中建立索引', err);
    fallback = inProcess();
    for (const p of pending.values()) p.reject(new Error('检索索引线程已退出'));
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`exit ${code}`));
  });
  return {
    get mode() {
      return fallback ? fallback.mode : 'worker';
    },
    request(req) {
      if (fallback) return fallback.request(req);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, req });
      });
    },
    async close() {
      fallback = fallback ?? inProcess();
      for (const p of pending.values()) p.reject(new Error('检索索引线程已关闭'));
      pending.clear();
      await worker.terminate();
    },
  };
}
