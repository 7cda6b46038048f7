import { parentPort, Worker, workerData } from 'node:worker_threads';
import { findWorkerScript } from '../../kernel/worker-script';
import { buildLunrIndex, type LunrDoc } from './lunr-engine';
import { createLunrHost, type LunrRequest } from './lunr-host';

/**
 * Worker entry, in two roles.
 * - The index thread (default): holds the lunr shards, answers queries, loads and persists shards. Messages are
 *   { id, req } → { id, reply }.
 * - A build thread (workerData.role 'build'), started by the index thread for each shard to build: receives the
 *   documents, replies with the index's JSON text and is ended. Building 2,500 documents leaves ~100 MB of
 *   garbage that V8 would keep as heap in a long-lived thread; here it goes with the thread.
 */
if ((workerData as { role?: string } | null)?.role === 'build') {
  parentPort?.once('message', (docs: LunrDoc[]) => {
    buildLunrIndex(docs).then(
      (index) => parentPort?.postMessage({ json: JSON.stringify(index.toJSON()) }),
      (err: unknown) => parentPort?.postMessage({ error: String(err) }),
    );
  });
} else {
  const script = findWorkerScript(import.meta.url, 'lunr-worker');
  const host = createLunrHost({
    yieldFn: () => new Promise((resolve) => setImmediate(resolve)),
    buildElsewhere: script ? (docs) => buildInThread(script, docs) : undefined,
  });
  parentPort?.on('message', (msg: { id: number; req: LunrRequest }) => {
    host.handle(msg.req).then(
      (reply) => parentPort?.postMessage({ id: msg.id, reply }),
      (err: unknown) => parentPort?.postMessage({ id: msg.id, error: String(err) }),
    );
  });
}

function buildInThread(script: { file: string; eval: boolean }, docs: LunrDoc[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.file, { eval: script.eval, workerData: { role: 'build' } });
    const done = (fn: () => void) => {
      worker.removeAllListeners();
      void worker.terminate();
      fn();
    };
    worker.once('message', (msg: { json?: string; error?: string }) =>
      done(() => (msg.json !== undefined ? resolve(msg.json) : reject(new Error(msg.error ?? '建立索引分片失败')))),
    );
    worker.once('error', (err) => done(() => reject(err)));
    worker.once('exit', (code) => done(() => reject(new Error(`索引分片线程退出（${code}）`))));
    worker.postMessage(docs);
  });
}
