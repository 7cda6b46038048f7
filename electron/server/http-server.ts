import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { MAX_REQUEST_BYTES, MAX_REQUEST_LABEL, type RpcError, type RpcResult } from '../../shared/contract';
import type { App } from '../core/composition';
import { AppError } from '../core/kernel/errors';
import { knownStorageFailure } from '../core/kernel/db-errors';
import { authenticate, isLoopback, refusalToServe, sessionEndpoint, type SessionPolicy } from './sessions';
import { CSP, RENDERER_MIME } from '../core/kernel/renderer-assets';

/** Loopback addresses: serving beyond them needs accounts (an administrator must exist; see sessions.ts). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);


const STATUS: Record<RpcError['code'], number> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  INTERNAL: 500,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
};

export interface ServeOptions {
  app: App;
  /** the built renderer (out/renderer) */
  staticDir: string;
  /** connection limits (tests shorten them) */
  timeouts?: Partial<ServerTimeouts>;
  host?: string;
  port?: number;
  /** a certificate and key the office provides (PEM): serve HTTPS */
  tls?: { cert: Buffer | string; key: Buffer | string };
}

export interface ServerTimeouts {
  /** the request line and headers must arrive within this */
  headersMs: number;
  /** the whole request (body included) must arrive within this */
  requestMs: number;
  /** an idle keep-alive connection is closed after this */
  keepAliveMs: number;
  /** how often Node checks the two limits above */
  checkEveryMs: number;
}

/** Slow or stalled connections are closed: a local page never needs long, and each open socket holds memory. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 20_000, requestMs: 120_000, keepAliveMs: 5_000, checkEveryMs: 5_000 };

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer and `POST /api/rpc/<channel>` through the same dispatcher as the Electron
 * shell, plus `GET /api/health`. Bound to loopback only.
 */
export async function startHttpServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const refusal = refusalToServe(opts.app, host);
  if (refusal) throw new AppError('FORBIDDEN', refusal);
  const policy: SessionPolicy = { remote: !isLoopback(host), tls: Boolean(opts.tls) };
  const t = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(opts, policy, req, res).catch((err) => {
      const known = knownStorageFailure(err);
      if (known) opts.app.ctx.log.error(`HTTP 请求处理失败：${known.message}`);
      else opts.app.ctx.log.error('HTTP 请求处理失败', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: known?.message ?? '程序内部错误' } });
      else res.end();
    });
  };
  const server: Server = opts.tls
    ? createTlsServer({ cert: opts.tls.cert, key: opts.tls.key, connectionsCheckingInterval: t.checkEveryMs }, onRequest)
    : createServer({ connectionsCheckingInterval: t.checkEveryMs }, onRequest);
  server.headersTimeout = t.headersMs;
  server.requestTimeout = t.requestMs;
  server.keepAliveTimeout = t.keepAliveMs;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Decodes percent-escapes, or null when they are broken (`/%`, `/%zz`): the request is then refused with 400. */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

/** The host (with port) of an Origin header, or null when the header is not a URL. */
function originHostPort(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

async function handle(opts: ServeOptions, policy: SessionPolicy, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    sendJson(res, 400, rpcError('INVALID_INPUT', '请求地址无效'));
    return;
  }
  const path = decodePath(url.pathname);
  if (path === null) {
    sendJson(res, 400, rpcError('INVALID_INPUT', '请求地址中的百分号编码无效'));
    return;
  }
  // DNS rebinding: a loopback server only answers requests addressed to this machine by name. (An intranet server
  // answers any name: every request needs a SameSite=Strict session cookie, which a rebound origin never has.)
  const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (!policy.remote && !LOOPBACK.has(hostHeader)) {
    sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '只接受发往本机地址的请求' } });
    return;
  }
  if (url.pathname === '/api/health' && req.method === 'GET') {
    const info = await opts.app.call('app:info', {});
    sendJson(res, 200, { ok: true, version: info.version, schemaVersion: info.schemaVersion });
    return;
  }
  if (url.pathname.startsWith('/api/rpc/')) {
    await handleRpc(opts, policy, req, res, path.slice('/api/rpc/'.length));
    return;
  }
  if (url.pathname === '/api/session') {
    await handleSession(opts, policy, req, res);
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '未知的接口地址' } });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  await serveStatic(opts.staticDir, path, res);
}

/** `/api/session`: log in (POST), who am I (GET), log out (DELETE); see sessions.ts. */
async function handleSession(opts: ServeOptions, policy: SessionPolicy, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown = null;
  if (req.method === 'POST' || req.method === 'DELETE') {
    if (!sameSiteJson(req, res)) return;
    const raw = await readBody(req, 64 * 1024);
    try {
      body = raw && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      sendJson(res, 400, rpcError('INVALID_INPUT', '请求内容不是有效的 JSON'));
      return;
    }
  }
  const answer = await sessionEndpoint(opts.app, req, body, policy);
  sendJson(res, answer.status, answer.payload, answer.headers);
}

/**
 * A JSON content type forces a CORS preflight, which we never grant, and a browser's Origin must be this server
 * (same host and port): other sites cannot call the API. Answers the refusal itself and returns false.
 */
function sameSiteJson(req: IncomingMessage, res: ServerResponse): boolean {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(res, 415, rpcError('INVALID_INPUT', '请求必须是 JSON（Content-Type: application/json）'));
    return false;
  }
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && originHostPort(origin) !== req.headers.host) {
    sendJson(res, 403, rpcError('FORBIDDEN', '拒绝来自其他网站的请求'));
    return false;
  }
  return true;
}

async function handleRpc(opts: ServeOptions, policy: SessionPolicy, req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, rpcError('INVALID_INPUT', '接口只接受 POST 请求'));
    return;
  }
  if (!sameSiteJson(req, res)) return;
  // The session's account, or (loopback, library without accounts) the OS user who started the server; checked
  // before the body is read, so nobody without a session can make the server buffer 10 MB.
  const auth = authenticate(opts.app, req, policy);
  if ('status' in auth) {
    req.resume();
    sendJson(res, auth.status, auth.payload);
    return;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) {
    req.resume();
    sendJson(res, 413, rpcError('TOO_LARGE', `请求过大：不能超过 ${MAX_REQUEST_LABEL}`));
    return;
  }
  const raw = await readBody(req, MAX_REQUEST_BYTES);
  if (raw === null) {
    sendJson(res, 413, rpcError('TOO_LARGE', `请求过大：不能超过 ${MAX_REQUEST_LABEL}`));
    return;
  }
  let body: unknown;
  try {
    body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    sendJson(res, 400, rpcError('INVALID_INPUT', '请求内容不是有效的 JSON'));
    return;
  }
  const result = await opts.app.dispatch(channel, body, auth.caller);
  sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
}

function rpcError(code: RpcError['code'], message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

/** Reads the body, or returns null as soon as it exceeds `limit` bytes (the rest is drained, not stored). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string | string[]> = {}): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

async function serveStatic(root: string, decodedPath: string, res: ServerResponse): Promise<void> {
  const rel = normalize(decodedPath).replace(/^([/\\])+/, '');
  const file = join(root, rel === '' ? 'index.html' : rel);
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  let target = file;
  const info = await stat(target).catch(() => null);
  if (!info || info.isDirectory()) target = join(root, 'index.html');
  const data = await readFile(target).catch(() => null);
  if (!data) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('界面文件缺失：请先运行 npm run build');
    return;
  }
  res.writeHead(200, {
    'content-type': RENDERER_MIME[extname(target)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  res.end(data);
}
