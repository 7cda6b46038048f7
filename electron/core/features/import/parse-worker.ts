import { parentPort, workerData } from 'node:worker_threads';
import { PARSE_WORKER_ROLE, runParseJob, type ParseJob } from './parse-job';

// Worker entry (started by parse-host.ts): one job at a time, answered in order (the host sends the next files
// ahead; they wait here for the one being read); the host sets the heap and time limits. After a reply saying work
// is left running (`recycle`) it reads nothing more: the host ends it and sends the rest to a fresh one. The role
// check keeps a test runner's own worker from answering.
if ((workerData as { role?: string } | null)?.role === PARSE_WORKER_ROLE) {
  const cancel = new Int32Array((workerData as { cancel: SharedArrayBuffer }).cancel);
  let queue: Promise<unknown> = Promise.resolve();
  let retired = false;
  parentPort?.on('message', (job: ParseJob) => {
    const cancelled = () => Atomics.load(cancel, 0) === job.id;
    queue = queue.then(async () => {
      if (retired) return;
      const reply = await runParseJob(job, (p) => parentPort?.postMessage(p), cancelled);
      if (reply.recycle) retired = true;
      parentPort?.postMessage(reply);
    });
  });
}
