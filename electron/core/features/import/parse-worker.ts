import { parentPort, workerData } from 'node:worker_threads';
import { PARSE_WORKER_ROLE, runParseJob, type ParseJob } from './parse-job';

// Worker entry (started by parse-host.ts): one job at a time, answered in order; the host sets the heap and
// time limits. The role check keeps a test runner's own worker from answering.
if ((workerData as { role?: string } | null)?.role === PARSE_WORKER_ROLE) {
  parentPort?.on('message', (job: ParseJob) => {
    void runParseJob(job, (p) => parentPort?.postMessage(p)).then((reply) => parentPort?.postMessage(reply));
  });
}
