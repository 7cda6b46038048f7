import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

// Runs PRAGMA quick_check on its own read-only connection, off the thread that answers requests.
const { file } = workerData as { file: string };
let result: string;
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // Read through once: a small page cache is enough (pages are not revisited), so the check stays light.
  db.pragma('cache_size = -1024');
  result = String(db.pragma('quick_check', { simple: true }));
  db.close();
} catch (err) {
  result = (err as Error).message;
}
parentPort?.postMessage(result);
