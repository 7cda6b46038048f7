import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentStatus } from '../../../../shared/domain/document';
import type { StatusWorkerResult } from './status-index';
import { readStatusSnapshot, statusCodesOf } from './status-snapshot';

// Reads the status index's snapshot on its own read-only connection (WAL lets it read beside the writer) and
// computes every document's status on the day asked from it, off the thread that loads the search columns and
// answers requests (status-index.ts loadAllOffThread). The statuses' order comes from there: this thread loads
// no more of the app than it needs.
const { file, asOf, months, order } = workerData as { file: string; asOf: string; months: number; order: DocumentStatus[] };
let result: StatusWorkerResult;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // One pass over the table: pages are not revisited, a small page cache is enough.
  db.pragma('cache_size = -2000');
  const snapshot = readStatusSnapshot(db);
  db.close();
  result = { snapshot, codes: statusCodesOf(snapshot, asOf, months, order) };
} catch (err) {
  result = { failure: (err as Error).message };
}
parentPort?.postMessage(result, result.codes ? [result.codes.buffer as ArrayBuffer] : []);
