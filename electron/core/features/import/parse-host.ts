import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../../../../shared/domain/parse-result';
import type { BodyForms } from '../../db/search-functions';
import type { Logger } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { findWorkerScript } from '../../kernel/worker-script';
import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/contract/import';
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
  /** the documents' bodies in the forms the search index stores (computed with the extraction, off this thread) */
  bodyForms?: BodyForms[];
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
 * Files posted to the worker ahead of the one it reads, at most this many and (beyond the first) this many bytes:
 * the worker reads the next files while this thread is busy (storing the previous batch), and never holds more than
 * a couple of requests' worth.
 */
const AHEAD_FILES = 128;
const AHEAD_BYTES = 2 * MAX_IMPORT_FILE_BYTES;

/** The messages of a file stopped at a limit. */
function limitErrors(limits: ParseLimits) {
  const time = limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} 秒` : `${limits.timeoutMs} 毫秒`;
  return {
    tooBig: (name: string) =>
      new AppError('INVALID_INPUT', `文件“${name}”解析时占用内存超过上限（${limits.workerHeapMb} MB，解压数据 ${limits.externalMb} MB），已停止解析（文件可能过于复杂或经过恶意构造，例如压缩炸弹）`),
    tooSlow: (name: string) => new AppError('INVALID_INPUT', `文件“${name}”解析超过 ${time}的时限，已停止解析（文件可能过于复杂或经过恶意构造）`),
  };
}

/** A parse worker within the heap limits, told where to look for cancels. */
function newWorker(script: { file: string | URL; eval?: boolean }, cancelFlag: Int32Array, limits: ParseLimits): Worker {
  const w = new Worker(script.file, {
    eval: script.eval,
    workerData: { role: PARSE_WORKER_ROLE, cancel: cancelFlag.buffer },
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: Math.min(64, limits.workerHeapMb / 4) },
    stdout: false,
    stderr: false,
  });
  w.unref(); // an idle parser never keeps the CLI alive
  return w;
}

/** A file asked for, until its reply: sent to the worker in order, at most AHEAD_FILES ahead. */
interface Task {
  job: ParseJob;
  onProgress?: ExtractOptions['onProgress'];
  resolve: (reply: ParseJobReply) => void;
  reject: (err: unknown) => void;
}

/**
 * Reads and extracts import files in a worker thread with a heap limit and a time limit: a zip bomb or a PDF
 * built to hang ends that worker (a fresh one takes the next file), never the app, and the file gets a
 * message saying which limit it passed. Files are extracted one at a time, in order; the next few are sent to the
 * worker ahead (the limits apply to each file from when the worker starts it), so it reads on while this thread
 * stores what was read before.
 */
export function createParseHost(log: Logger, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseHost {
  const script = findWorkerScript(import.meta.url, 'parse-worker');
  if (!script) log.error('找不到解析线程脚本（parse-worker），导入文件将在主进程中解析');
  let worker: Worker | null = null;
  let nextId = 1;
  let inProcess: Promise<unknown> = Promise.resolve();
  // Cancel is asked of the worker, which stops between two pages (ending a thread in the middle of ONNX Runtime's
  // native work is not safe); the thread is ended only if it has not stopped within CANCEL_GRACE_MS.
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  let current: ParseJob | null = null;
  let stopCurrent: (() => void) | null = null;
  /** the worker last ended, until it has gone (the next file's memory is measured without it) */
  let ending: Promise<unknown> = Promise.resolve();
  let starting = false;
  let closed = false;
  /** not yet sent; sent to `worker` in order (the first is the one being read) */
  const waiting: Task[] = [];
  let sent: Task[] = [];
  /** the limits of the file being read: its timer and memory watch */
  let armed: { task: Task; timer: NodeJS.Timeout; watch: NodeJS.Timeout } | null = null;

  const { tooBig, tooSlow } = limitErrors(limits);

  function start(): Worker {
    const w = newWorker(script!, cancelFlag, limits);
    w.on('message', (reply: ParseJobReply | ParseProgress) => {
      const task = sent[0];
      if (w !== worker || !task || reply.id !== task.job.id) return;
      if ('progress' in reply) {
        // A page read: the file may take longer (OCR), but each page must come within its own allowance.
        if (armed) {
          clearTimeout(armed.timer);
          armed.timer = setTimeout(() => fail(tooSlow(task.job.name)), Math.max(limits.timeoutMs, OCR_PAGE_ALLOWANCE_MS));
        }
        task.onProgress?.(reply.progress.done, reply.progress.total);
        return;
      }
      disarm();
      sent.shift();
      task.resolve(reply);
      // a thread with work left running reads nothing more: the files sent after this one go to a fresh one
      if (reply.recycle === true) retire(w);
      pump();
    });
    w.on('error', (err: Error & { code?: string }) => {
      if (w !== worker || !sent[0]) return;
      const name = sent[0].job.name;
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(tooBig(name));
      else {
        log.error(`解析文件 ${name} 的线程出错`, err);
        fail(new AppError('INVALID_INPUT', `文件“${name}”无法解析：解析线程意外停止，文件可能已损坏`));
      }
    });
    w.on('exit', () => {
      if (w === worker && sent[0]) fail(tooBig(sent[0].job.name));
    });
    return w;
  }

  /** Ends the worker; the files sent to it and not answered go first to the next one. */
  function retire(w: Worker): void {
    if (worker === w) worker = null;
    ending = w.terminate().catch(() => 0);
    waiting.unshift(...sent);
    sent = [];
  }

  function disarm(): void {
    if (!armed) return;
    clearTimeout(armed.timer);
    clearInterval(armed.watch);
    armed = null;
    current = null;
    stopCurrent = null;
  }

  /** The file being read failed (a limit, a crash, a cancel): its worker is ended and the next files go on. */
  function fail(err: AppError): void {
    const task = sent.shift();
    disarm();
    if (worker) retire(worker);
    task?.reject(err);
    pump();
  }

  /** Sets the limits of the file the worker reads now (the first sent). */
  function arm(task: Task): void {
    current = task.job;
    // The heap limit does not cover array buffers (where pdf.js and zlib put decoded data), and a worker's are
    // not counted in this thread's figures: the process's resident memory is watched instead.
    const base = process.memoryUsage.rss();
    const ceiling = (limits.workerHeapMb + limits.externalMb) * 1024 * 1024;
    armed = {
      task,
      timer: setTimeout(() => fail(tooSlow(task.job.name)), limits.timeoutMs),
      watch: setInterval(() => {
        if (process.memoryUsage.rss() - base > ceiling) fail(tooBig(task.job.name));
      }, 50),
    };
    stopCurrent = () => fail(new AppError('INVALID_INPUT', `已取消读取文件“${task.job.name}”，未保存任何内容`));
  }

  /** Sends waiting files to the worker (starting one when none runs) and arms the limits of the first. */
  function pump(): void {
    if (closed) return;
    if (!worker) {
      if (!waiting.length || starting) return;
      starting = true;
      void ending.then(() => {
        starting = false;
        if (closed || worker || !waiting.length) return;
        worker = start();
        pump();
      });
      return;
    }
    let bytes = sent.reduce((n, t) => n + t.job.bytes.length, 0);
    while (waiting.length && sent.length < AHEAD_FILES && (sent.length === 0 || bytes + waiting[0].job.bytes.length <= AHEAD_BYTES)) {
      const task = waiting.shift()!;
      sent.push(task);
      bytes += task.job.bytes.length;
      worker.postMessage(task.job);
    }
    if (sent.length && !armed) arm(sent[0]);
  }

  function inWorker(job: ParseJob, onProgress?: ExtractOptions['onProgress']): Promise<ParseJobReply> {
    return new Promise((resolve, reject) => {
      if (closed) return reject(new AppError('INVALID_INPUT', `文件“${job.name}”未解析：程序正在退出`));
      waiting.push({ job, onProgress, resolve, reject });
      pump();
    });
  }

  /** Without a worker script (a test runner): in this thread, one file after another. */
  function here(job: ParseJob, onProgress?: ExtractOptions['onProgress']): Promise<ParseJobReply> {
    const run = () => {
      current = job;
      return runParseJob(job, onProgress && ((p) => onProgress(p.progress.done, p.progress.total)), () => Atomics.load(cancelFlag, 0) === job.id).finally(() => (current = null));
    };
    const p = inProcess.then(run, run);
    inProcess = p.catch(() => undefined);
    return p;
  }

  return {
    async extract(name, bytes, registrationPattern, options = {}) {
      const job: ParseJob = { id: nextId++, name, bytes, registrationPattern, limits, ocr: options.ocr };
      const reply = await (script ? inWorker(job, options.onProgress) : here(job, options.onProgress));
      if (!reply.ok) {
        if (reply.code === 'INVALID_INPUT') throw new AppError('INVALID_INPUT', reply.message);
        throw new Error(reply.message);
      }
      return { encoding: reply.encoding, note: reply.note, sections: reply.sections, text: reply.text, result: reply.result, ocr: reply.ocr, apart: reply.apart, origin: reply.origin, bodyForms: reply.bodyForms };
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
      closed = true;
      disarm();
      const w = worker;
      worker = null;
      for (const t of [...sent.splice(0), ...waiting.splice(0)]) t.reject(new AppError('INVALID_INPUT', `文件“${t.job.name}”未解析：程序正在退出`));
      if (w) await w.terminate();
    },
  };
}
