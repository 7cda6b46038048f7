import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../../../../shared/domain/parse-result';
import type { Logger } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { findWorkerScript } from '../../kernel/worker-script';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits';
import type { OcrInfo } from './ocr/scan-reader';
import { PARSE_WORKER_ROLE, runParseJob, type ParseJob, type ParseJobReply, type ParseProgress } from './parse-job';
import type { Section } from './sections';

/** What reading and extracting one file gave. */
export interface Extracted {
  encoding: string;
  /** for the review: how the encoding was decided, or that the text looks garbled */
  note: string | null;
  /** lines read in different encodings, when the text mixes them */
  sections?: Section[] | null;
  /** the text as read, kept while the parse is staged so a person can split or merge its documents */
  text: string;
  result: ParseResult;
  /** pages read by OCR (images, and per text line its page, box and confidences); null for a file with text */
  ocr?: OcrInfo | null;
  /** text the reader kept apart from the body (headers, footers, notes), by label */
  apart?: { label: string; text: string }[];
  /** where a saved web page came from, when it says */
  origin?: { url: string | null; published: string | null } | null;
}

/** Per file: OCR on or off, and progress after each page read. */
export interface ExtractOptions {
  ocr?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** How long a cancelled file may take to stop at its next page before its worker is ended. */
const CANCEL_GRACE_MS = 30_000;

/** Time a page read by OCR may take on top of the file's limit (each page read gives the file this much more). */
export const OCR_PAGE_ALLOWANCE_MS = 60_000;

export interface ParseHost {
  /** Reads and extracts one file within the limits; a limit passed or bad input throws AppError with a Chinese message. */
  extract(name: string, bytes: Uint8Array, registrationPattern: string | undefined, options?: ExtractOptions): Promise<Extracted>;
  /** Stops the file being read now (its worker is ended; the next file gets a fresh one); false when none is. */
  cancel(): boolean;
  close(): Promise<void>;
}

/**
 * Reads and extracts import files in a worker thread with a heap limit and a time limit: a zip bomb or a PDF
 * built to hang ends that worker (a fresh one takes the next file), never the app, and the file gets a
 * message saying which limit it passed. Files are extracted one at a time, in order.
 */
export function createParseHost(log: Logger, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseHost {
  const script = findWorkerScript(import.meta.url, 'parse-worker');
  if (!script) log.error('找不到解析线程脚本（parse-worker），导入文件将在主进程中解析');
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  let stopCurrent: (() => void) | null = null;
  // Cancel is asked of the worker, which stops between two pages (ending a thread in the middle of ONNX Runtime's
  // native work is not safe); the thread is ended only if it has not stopped within CANCEL_GRACE_MS.
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  let current: ParseJob | null = null;
  /** the worker last ended, until it has gone (the next file's memory is measured without it) */
  let ending: Promise<unknown> = Promise.resolve();

  const time = limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} 秒` : `${limits.timeoutMs} 毫秒`;
  const tooBig = (name: string) =>
    new AppError('INVALID_INPUT', `文件“${name}”解析时占用内存超过上限（${limits.workerHeapMb} MB，解压数据 ${limits.externalMb} MB），已停止解析（文件可能过于复杂或经过恶意构造，例如压缩炸弹）`);
  const tooSlow = (name: string) =>
    new AppError('INVALID_INPUT', `文件“${name}”解析超过 ${time}的时限，已停止解析（文件可能过于复杂或经过恶意构造）`);

  function start(): Worker {
    const w = new Worker(script!.file, {
      eval: script!.eval,
      workerData: { role: PARSE_WORKER_ROLE, cancel: cancelFlag.buffer },
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: Math.min(64, limits.workerHeapMb / 4) },
      stdout: false,
      stderr: false,
    });
    w.unref(); // an idle parser never keeps the CLI alive
    return w;
  }

  function inWorker(job: ParseJob, onProgress?: ExtractOptions['onProgress']): Promise<ParseJobReply> {
    const w = (worker ??= start());
    return new Promise((resolve, reject) => {
      const finish = (fn: () => void, kill: boolean) => {
        clearTimeout(timer);
        stopCurrent = null;
        clearInterval(watch);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (worker === w) worker = null;
          ending = w.terminate().catch(() => 0);
        }
        fn();
      };
      const onMessage = (reply: ParseJobReply | ParseProgress) => {
        if (reply.id !== job.id) return;
        if ('progress' in reply) {
          // A page read: the file may take longer (OCR), but each page must come within its own allowance.
          clearTimeout(timer);
          timer = setTimeout(() => finish(() => reject(tooSlow(job.name)), true), Math.max(limits.timeoutMs, OCR_PAGE_ALLOWANCE_MS));
          onProgress?.(reply.progress.done, reply.progress.total);
          return;
        }
        finish(() => resolve(reply), reply.recycle === true);
      };
      const onError = (err: Error & { code?: string }) => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(() => reject(tooBig(job.name)), true);
        else {
          log.error(`解析文件 ${job.name} 的线程出错`, err);
          finish(() => reject(new AppError('INVALID_INPUT', `文件“${job.name}”无法解析：解析线程意外停止，文件可能已损坏`)), true);
        }
      };
      const onExit = () => finish(() => reject(tooBig(job.name)), true);
      let timer = setTimeout(() => finish(() => reject(tooSlow(job.name)), true), limits.timeoutMs);
      // The heap limit does not cover array buffers (where pdf.js and zlib put decoded data), and a worker's are
      // not counted in this thread's figures: the process's resident memory is watched instead.
      const base = process.memoryUsage.rss();
      const ceiling = (limits.workerHeapMb + limits.externalMb) * 1024 * 1024;
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - base > ceiling) finish(() => reject(tooBig(job.name)), true);
      }, 50);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      stopCurrent = () => finish(() => reject(new AppError('INVALID_INPUT', `已取消读取文件“${job.name}”，未保存任何内容`)), true);
      w.postMessage(job);
    });
  }

  return {
    extract(name, bytes, registrationPattern, options = {}) {
      const job: ParseJob = { id: nextId++, name, bytes, registrationPattern, limits, ocr: options.ocr };
      const run = async (): Promise<Extracted> => {
        const progress = options.onProgress;
        await ending;
        current = job;
        const reply = await (script
          ? inWorker(job, progress)
          : runParseJob(job, progress ? (p) => progress(p.progress.done, p.progress.total) : undefined, () => Atomics.load(cancelFlag, 0) === job.id)
        ).finally(() => {
          current = null;
        });
        if (!reply.ok) {
          if (reply.code === 'INVALID_INPUT') throw new AppError('INVALID_INPUT', reply.message);
          throw new Error(reply.message);
        }
        return { encoding: reply.encoding, note: reply.note, sections: reply.sections, text: reply.text, result: reply.result, ocr: reply.ocr, apart: reply.apart, origin: reply.origin };
      };
      const p = queue.then(run, run);
      queue = p.catch(() => undefined);
      return p;
    },
    cancel() {
      const job = current;
      if (!job) return false;
      Atomics.store(cancelFlag, 0, job.id);
      const stop = stopCurrent;
      if (stop) setTimeout(() => current === job && stopCurrent === stop && stop(), CANCEL_GRACE_MS).unref();
      return true;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
