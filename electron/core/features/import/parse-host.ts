import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../../../../shared/domain/parse-result';
import type { Logger } from '../../kernel/context';
import { AppError } from '../../kernel/errors';
import { findWorkerScript } from '../../kernel/worker-script';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits';
import { PARSE_WORKER_ROLE, runParseJob, type ParseJob, type ParseJobReply } from './parse-job';

/** What reading and extracting one file gave. */
export interface Extracted {
  encoding: string;
  /** for the review: how the encoding was decided, or that the text looks garbled */
  note: string | null;
  /** the text as read, kept while the parse is staged so a person can split or merge its documents */
  text: string;
  result: ParseResult;
  /** text the reader kept apart from the body (headers, footers, notes), by label */
  apart?: { label: string; text: string }[];
  /** where a saved web page came from, when it says */
  origin?: { url: string | null; published: string | null } | null;
}

export interface ParseHost {
  /** Reads and extracts one file within the limits; a limit passed or bad input throws AppError with a Chinese message. */
  extract(name: string, bytes: Uint8Array, registrationPattern: string | undefined): Promise<Extracted>;
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

  const time = limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} 秒` : `${limits.timeoutMs} 毫秒`;
  const tooBig = (name: string) =>
    new AppError('INVALID_INPUT', `文件“${name}”解析时占用内存超过 ${limits.workerHeapMb} MB 的上限，已停止解析（文件可能过于复杂或经过恶意构造，例如压缩炸弹）`);
  const tooSlow = (name: string) =>
    new AppError('INVALID_INPUT', `文件“${name}”解析超过 ${time}的时限，已停止解析（文件可能过于复杂或经过恶意构造）`);

  function start(): Worker {
    const w = new Worker(script!.file, {
      eval: script!.eval,
      workerData: { role: PARSE_WORKER_ROLE },
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: Math.min(64, limits.workerHeapMb / 4) },
      stdout: false,
      stderr: false,
    });
    w.unref(); // an idle parser never keeps the CLI alive
    return w;
  }

  function inWorker(job: ParseJob): Promise<ParseJobReply> {
    const w = (worker ??= start());
    return new Promise((resolve, reject) => {
      const finish = (fn: () => void, kill: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (worker === w) worker = null;
          void w.terminate();
        }
        fn();
      };
      const onMessage = (reply: ParseJobReply) => {
        if (reply.id === job.id) finish(() => resolve(reply), false);
      };
      const onError = (err: Error & { code?: string }) => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(() => reject(tooBig(job.name)), true);
        else {
          log.error(`解析文件 ${job.name} 的线程出错`, err);
          finish(() => reject(new AppError('INVALID_INPUT', `文件“${job.name}”无法解析：解析线程意外停止，文件可能已损坏`)), true);
        }
      };
      const onExit = () => finish(() => reject(tooBig(job.name)), true);
      const timer = setTimeout(() => finish(() => reject(tooSlow(job.name)), true), limits.timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(job);
    });
  }

  return {
    extract(name, bytes, registrationPattern) {
      const job: ParseJob = { id: nextId++, name, bytes, registrationPattern, limits };
      const run = async (): Promise<Extracted> => {
        const reply = script ? await inWorker(job) : await runParseJob(job);
        if (!reply.ok) {
          if (reply.code === 'INVALID_INPUT') throw new AppError('INVALID_INPUT', reply.message);
          throw new Error(reply.message);
        }
        return { encoding: reply.encoding, note: reply.note, text: reply.text, result: reply.result, apart: reply.apart, origin: reply.origin };
      };
      const p = queue.then(run, run);
      queue = p.catch(() => undefined);
      return p;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
