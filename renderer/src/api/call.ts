import type { Channel, Handlers, Req, Res, RpcError, RpcResult } from '../../../shared/contract';

/** A failed service call: the code and the Chinese message the service gave. */
/**
 * A refusal in the words a person reads: the service's technical lead-in (`请求参数有误：`, `数据有误：`, meant for
 * scripts and the command line) gives way to what to do; the field and the problem it names stay.
 */
export function personMessage(message: string): string {
  const m = /^(?:请求参数有误|数据有误)：(.*)$/s.exec(message);
  return m ? `请核对填写的内容：${m[1]}` : message;
}

export class RpcCallError extends Error {
  constructor(
    readonly code: RpcError['code'] | 'NETWORK',
    message: string,
  ) {
    super(personMessage(message));
    this.name = 'RpcCallError';
  }
}

/** The one typed client every component uses; which transport carries it is not its business. */
export type CallFn = <C extends Channel>(channel: C, req: Req<C>) => Promise<Res<C>>;

function unwrap<T>(result: RpcResult<T>): T {
  if (result.ok) return result.data;
  throw new RpcCallError(result.error.code, result.error.message);
}

/** The CSRF token of the browser's session (intranet mode), echoed on every call; empty without accounts. */
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}
export function getCsrfToken(): string {
  return csrfToken;
}
/** Fired when the server answers 401: the session ended, the login page takes over. */
export const UNAUTHORIZED_EVENT = 'normdesk:unauthorized';

async function viaHttp(channel: string, req: unknown): Promise<RpcResult<unknown>> {
  let response: Response;
  try {
    response = await fetch('./api/rpc/' + channel, {
      method: 'POST',
      headers: csrfToken ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : { 'content-type': 'application/json' },
      body: JSON.stringify(req ?? {}),
    });
  } catch {
    throw new RpcCallError('NETWORK', '无法连接 NormDesk 服务，请确认服务仍在运行');
  }
  try {
    return (await response.json()) as RpcResult<unknown>;
  } catch {
    throw new RpcCallError('INTERNAL', `服务返回了无法识别的应答（HTTP ${response.status}）`);
  }
}

/** IPC through the preload when present (desktop), else HTTP to the local server (browser mode). */
export const call: CallFn = async (channel, req) => {
  const bridge = typeof window !== 'undefined' ? window.normdesk : undefined;
  const result = bridge ? await bridge.invoke(channel, req) : await viaHttp(channel, req);
  // The session ended (expired, logged out elsewhere, account disabled): the login page takes over.
  if (!result.ok && result.error.code === 'UNAUTHORIZED') window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  return unwrap(result) as Res<typeof channel>;
};

/**
 * A `call` for tests built from some handlers: a channel without a handler fails the way an unknown one would.
 * Handler errors carrying a code (AppError-like) come back as RpcCallError with that code and message.
 */
export function fakeCall(handlers: Partial<Handlers>): CallFn {
  return (async (channel: Channel, req: unknown) => {
    const handler = handlers[channel] as ((r: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new RpcCallError('NOT_FOUND', `测试未提供 ${channel}`);
    try {
      return await handler(req ?? {});
    } catch (err) {
      if (err instanceof RpcCallError) throw err;
      const e = err as { code?: RpcError['code']; message?: string };
      throw new RpcCallError(e.code ?? 'INTERNAL', e.message ?? String(err));
    }
  }) as CallFn;
}

/** The Chinese text to show for any error a call may throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof RpcCallError) return err.message;
  if (err instanceof Error) return `出现意外错误：${err.message}`;
  return '出现意外错误';
}
