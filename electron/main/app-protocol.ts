import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_MIME } from '../core/kernel/renderer-assets';

// The renderer is served from app://normdesk/ instead of file://: one origin the IPC check can trust exactly
// (any file: page on the disk would otherwise look like ours), real CSP headers, and no file-system reach.

export const APP_SCHEME = 'app';
export const APP_HOST = 'normdesk';
/** The page the window loads. */
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

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
