import { z } from 'zod';
import type { Handlers, RpcResult } from '../../../shared/contract';
import { contract, isChannel } from '../../../shared/contract';
import { AppError } from './errors';
import { knownStorageFailure } from './db-errors';
import type { Logger } from './context';

z.config(z.locales.zhCN());

/** Turns zod issues into one Chinese line naming each offending field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

export type Dispatch = (channel: string, body: unknown) => Promise<RpcResult<unknown>>;

/**
 * The only place that validates: unknown channels and bad requests never reach a handler. Expected errors
 * (AppError) pass with their code; anything else is logged with its stack and returned as INTERNAL without it.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, body) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `未知的接口：${String(channel).slice(0, 80)}` } };
    }
    const parsed = contract[channel].req.safeParse(body ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `请求参数有误：${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
      const data = await handler(parsed.data);
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      if (err instanceof z.ZodError) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: `数据有误：${describeIssues(err)}` } };
      }
      const storage = knownStorageFailure(err);
      if (storage) {
        log.error(`接口 ${channel}：${storage.message}（${(err as Error).message}）`);
        return { ok: false, error: { code: storage.code, message: storage.message } };
      }
      log.error(`接口 ${channel} 出现意外错误`, err);
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，已记录日志。请重试，或联系管理员。' } };
    }
  };
}
