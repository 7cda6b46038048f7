import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { StatusWorkerResult } from './status-index';
import { readStatusSnapshot, statusCodesOf, unpackSnapshot } from './status-snapshot';

// Reads the status index's snapshot on its own read-only connection (WAL lets it read beside the writer) and
// computes every document's status on the day asked from it, off the thread that loads the search columns and
// answers requests (status-index.ts loadAllOffThread).
const { file, asOf, months } = workerData as { file: string; asOf: string; months: number };
let result: StatusWorkerResult;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // One pass over the table: pages are not revisited, a small page cache is enough.
  db.pragma('cache_size = -2000');
  const snapshot = readStatusSnapshot(db);
  db.close();
  const rows = unpackSnapshot(snapshot);
  result = { snapshot, today: rows ? { key: '', codes: statusCodesOf(rows, asOf, months) } : undefined };
} catch (err) {
  result = { failure: (err as Error).message };
}
parentPort?.postMessage(result, result.today ? [result.today.codes.buffer as ArrayBuffer] : []);
