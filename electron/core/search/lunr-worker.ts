import { parentPort } from 'node:worker_threads';
import { createLunrHost, type LunrRequest } from './lunr-host';

// Worker entry: builds and queries the lunr index off the main thread. Messages are { id, req } → { id, reply }.
const host = createLunrHost();
parentPort?.on('message', (msg: { id: number; req: LunrRequest }) => {
  host.handle(msg.req).then(
    (reply) => parentPort?.postMessage({ id: msg.id, reply }),
    (err: unknown) => parentPort?.postMessage({ id: msg.id, error: String(err) }),
  );
});
