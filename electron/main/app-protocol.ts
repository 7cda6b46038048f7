import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_MIME } from '../core/kernel/renderer-assets';

// The renderer is served from app://normdesk/ instead of file://: one origin the IPC check can trust exactly
// (any file: page on the disk would otherwise look like ours), real CSP headers, and no file-system reach.

export const APP_SCHEME = 'app';
export const APP_HOST = 'normdesk';
/** The page the window loads. */
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

const DEV_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a URL is a dev server on this machine (http, loopback host, a port, no credentials). */
function isLocalDevServer(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && DEV_HOSTS.has(u.hostname) && u.port !== '' && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * The page the window loads: the app origin, or — only in development (not packaged) — the local dev server named
 * by ELECTRON_RENDERER_URL (electron-vite dev). A packaged build ignores the variable, so nobody can point an
 * installed app (and the IPC trust that follows the renderer's origin) at another page by setting it.
 */
export function rendererUrlFor(env: Record<string, string | undefined>, isPackaged: boolean): string {
  const dev = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !dev || !isLocalDevServer(dev)) return APP_ENTRY;
  return dev;
}

/** For protocol.registerSchemesAsPrivileged, before the app is ready: a standard, secure origin. */
export const PRIVILEGED_SCHEMES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
];


type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * The protocol.handle handler for app://normdesk/: files of the built renderer only (nothing outside `rootDir`,
 * no other host), each answer with the Content-Security-Policy. Unknown paths without an extension get the page
 * itself (the app routes by hash, so this is only a reload safety net).
 */
export function createAppProtocolHandler(rootDir: string, csp: string, readFile: ReadFile = fsReadFile) {
  const root = normalize(rootDir);
  const answer = (status: number, body: string) =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
  return async (request: { url: string; method?: string }): Promise<Response> => {
    let url: URL;
    let path: string;
    try {
      url = new URL(request.url);
      path = decodeURIComponent(url.pathname);
    } catch {
      return answer(400, '地址无效');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(404, '未知的地址');
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD') return answer(405, '只接受 GET 请求');
    const rel = normalize(path).replace(/^([/\\])+/, '');
    let file = join(root, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(root + sep)) return answer(403, '拒绝访问');
    let data: Uint8Array;
    try {
      data = await readFile(file);
    } catch {
      if (extname(file)) return answer(404, '界面文件缺失');
      file = join(root, 'index.html');
      try {
        data = await readFile(file);
      } catch {
        return answer(404, '界面文件缺失：请先运行 npm run build');
      }
    }
    return new Response(data as ConstructorParameters<typeof Response>[0], {
      status: 200,
      headers: {
        'content-type': RENDERER_MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
