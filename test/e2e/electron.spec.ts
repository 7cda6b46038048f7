import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { ROOT, SCREENSHOTS } from './harness';

/** The Electron runtime, if this machine has it (it cannot be downloaded everywhere). */
function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    '[e2e] 跳过 Electron 桌面端测试：未安装 Electron 运行时（node_modules/electron/dist 不存在；本机无法下载 Electron 二进制文件）。' +
      '浏览器模式的端到端测试照常运行。',
  );
}

describe.skipIf(!binary)('Electron desktop window', () => {
  it('opens the Chinese shell with the secure window settings', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'nd-electron-'))}`],
    });
    const page = await app.firstWindow();
    await expect.poll(() => page.getByText('NormDesk').first().isVisible()).toBe(true);
    const exposed = await page.evaluate(() => Object.keys((window as unknown as { normdesk: object }).normdesk));
    expect(exposed).toEqual(['invoke']);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await page.screenshot({ path: join(SCREENSHOTS, 'electron-shell.png') });
    await app.close();
  });
});
