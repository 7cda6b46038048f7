// npm start: builds, then opens NormDesk in the desktop window where an Electron runtime is installed,
// otherwise in browser mode on 127.0.0.1, saying so and printing the address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('构建失败，无法启动 NormDesk。');
  process.exit(1);
}

const electron = process.env.NORMDESK_BROWSER === '1' ? null : electronBinary();
let child;
if (electron) {
  console.log('正在打开 NormDesk 桌面窗口…');
  child = spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' });
} else {
  console.log('未检测到 Electron 运行时（本机无法下载 Electron 二进制文件），改用浏览器模式启动。');
  console.log('请在浏览器中打开下面的地址；数据目录可用 --data DIR 或环境变量 NORMDESK_DATA 指定。');
  child = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
