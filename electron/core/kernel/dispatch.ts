import { z } from 'zod';
import type { Caller, Handlers, RpcResult } from '../../../shared/contract';
import { ACCESS_LABELS, contract, isChannel } from '../../../shared/contract';
import { describeIssues } from '../../../shared/contract/issues';
import type { Logger } from './context';
import { knownStorageFailure } from './db-errors';
import { AppError } from './errors';


/** Sends one request through validation, the permission check and its handler, on behalf of `caller`. */
export type Dispatch = (channel: string, body: unknown, caller: Caller) => Promise<RpcResult<unknown>>;

/**
 * The only place that validates and checks permissions: unknown channels, bad requests and callers without the
 * channel's access never reach a handler. Expected errors (AppError) pass with their code; anything else is
 * logged with its stack and returned as INTERNAL without it.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, body, caller) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `未知的接口：${String(channel).slice(0, 80)}` } };
    }
    const def = contract[channel];
    if (!caller.access.includes(def.access)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: `当前用户（${caller.user}）没有“${ACCESS_LABELS[def.access]}”权限，不能执行此操作。` } };
    }
    const parsed = def.req.safeParse(body ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `请求参数有误：${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = handlers[channel] as (req: unknown, rc: { caller: Caller }) => Promise<unknown>;
      const data = await handler(parsed.data, { caller });
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
