import { parentPort, workerData } from 'node:worker_threads';
import { PARSE_WORKER_ROLE, runParseJob, type ParseJob } from './parse-job';

// Worker entry (started by parse-host.ts): one job at a time, answered in order; the host sets the heap and
// time limits. The role check keeps a test runner's own worker from answering.
if ((workerData as { role?: string } | null)?.role === PARSE_WORKER_ROLE) {
  const cancel = new Int32Array((workerData as { cancel: SharedArrayBuffer }).cancel);
  parentPort?.on('message', (job: ParseJob) => {
    const cancelled = () => Atomics.load(cancel, 0) === job.id;
    void runParseJob(job, (p) => parentPort?.postMessage(p), cancelled).then((reply) => parentPort?.postMessage(reply));
  });
}
