import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { AppError } from '../kernel/errors';
import { findWorkerScript } from '../kernel/worker-script';

import type { IntegrityState } from '../kernel/context';

export type { IntegrityState };

/** Up to this size the check runs before the library opens (well under a second); larger files check in the background. */
export const SYNC_CHECK_MAX_BYTES = 48 * 1024 * 1024;

export function corruptMessage(detail: string): string {
  return `数据库文件已损坏（quick_check：${detail.slice(0, 200)}），请从备份恢复。`;
}

/** Whether the file is too large to check before opening (it is then checked in the background). */
export function isLargeDatabase(file: string): boolean {
  if (file === ':memory:') return false;
  return (statSync(file, { throwIfNoEntry: false })?.size ?? 0) > SYNC_CHECK_MAX_BYTES;
}

/** Checks the database now; throws AppError on damage. */
export function quickCheck(db: Database): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new AppError('INTERNAL', corruptMessage(String(check)));
}

/** A small heap: the check's work is SQLite's (native); the thread only needs to start and report. */
const CHECK_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 };

type CheckOutcome = { result: string } | { failure: string };

/** Starts `PRAGMA quick_check` of `file` on a read-only connection in a worker thread (integrity-worker.ts). */
function startCheck(script: { file: string; eval: boolean }, file: string): { worker: Worker; outcome: Promise<CheckOutcome> } {
  const worker = new Worker(script.file, { eval: script.eval, workerData: { file }, resourceLimits: CHECK_LIMITS });
  const outcome = new Promise<CheckOutcome>((resolve) => {
    worker.once('message', (result: string) => {
      resolve({ result });
      void worker.terminate();
    });
    worker.once('error', (err) => resolve({ failure: `完整性检查未能完成：${err.message}` }));
  });
  return { worker, outcome };
}

/**
 * `PRAGMA quick_check` of `file` in a worker thread: 'ok' or SQLite's report. The thread that answers requests
 * keeps answering while gigabytes are read. Null when no worker can start here (the caller then checks in its own
 * thread).
 */
export function quickCheckOffThread(file: string): Promise<string> | null {
  const script = findWorkerScript(import.meta.url, 'integrity-worker');
  if (!script) return null;
  return startCheck(script, file).outcome.then((o) => ('result' in o ? o.result : o.failure));
}

/**
 * Checks a large library in a worker thread so start-up stays fast; `onDone` gets the outcome
 * (a damaged file is reported to the person, who should restore a backup). The check starts after `delayMs`
 * so its reading of the whole file does not compete with answering the first requests.
 */
export function checkInBackground(file: string, onDone: (state: IntegrityState) => void, delayMs = 3_000): () => Promise<void> {
  const script = findWorkerScript(import.meta.url, 'integrity-worker');
  if (!script) {
    onDone({ state: 'ok', message: '未能启动后台完整性检查' });
    return async () => {};
  }
  let worker: Worker | null = null;
  const timer = setTimeout(() => {
    const check = startCheck(script, file);
    worker = check.worker;
    worker.unref();
    void check.outcome.then((o) => {
      if ('failure' in o) onDone({ state: 'failed', message: o.failure });
      else onDone(o.result === 'ok' ? { state: 'ok', message: null } : { state: 'failed', message: corruptMessage(o.result) });
    });
  }, delayMs);
  timer.unref();
  return async () => {
    clearTimeout(timer);
    await worker?.terminate();
  };
}
