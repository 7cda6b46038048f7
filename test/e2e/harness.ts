import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
/** The five sample gazettes shipped with the app: tests never read outside the checkout. */
export const CORPUS = resolve(ROOT, 'resources', 'samples');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface BrowserModeApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the built app in browser mode (node out/main/cli.js serve) on a free port with a fresh data directory. */
export async function startBrowserMode(dataDir = mkdtempSync(join(tmpdir(), 'nd-e2e-'))): Promise<BrowserModeApp> {
  const cli = join(ROOT, 'out', 'main', 'cli.js');
  if (!existsSync(cli)) throw new Error('out/main/cli.js 不存在：请先运行 npm run build');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`服务器未能启动：\n${output}`)), 30_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => rej(new Error(`服务器退出（${code}）：\n${output}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium, headless, with a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`未找到 Chromium：${executablePath}（运行 npm run setup 安装）`);
  // Playwright refuses --user-data-dir with launch(); it always starts Chromium on a fresh temporary profile anyway.
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  return context.newPage();
}

/** Saves a full-page screenshot under test-results/screenshots and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export function corpusFile(prefix: string): string {
  const name = ['000_bc464f0cbf824af0.txt', '001_3ea1e19526f9a4bf.txt', '002_21bd9dcca370e61d.txt', '003_1b936b99896f02a7.txt', '004_3ab14222ae9e6d15.txt'].find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no corpus file ${prefix}`);
  return join(CORPUS, name);
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The browser-mode app, Chromium on one page, and the page errors seen so far (a spec expects none). */
export interface UiSession {
  app: BrowserModeApp;
  browser: Browser;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** Starts the app in browser mode and opens one Chromium page on it, collecting page errors. */
export async function startUiSession(): Promise<UiSession> {
  const app = await startBrowserMode();
  const browser = await launchChromium();
  const page = await newPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    app,
    browser,
    page,
    errors,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

/** One contract call over HTTP, for setting up and checking what the UI did; a refusal fails the test. */
export async function rpcCall<T>(app: BrowserModeApp, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${app.url}api/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!json.ok) throw new Error(`${channel}：${json.error.message}`);
  return json.data;
}
