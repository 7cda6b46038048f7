#!/usr/bin/env node
// The package bin: runs the built CLI (npm run build produces out/main/cli.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('NormDesk 命令行尚未构建：请先运行 npm run build（开发时可用 npm run cli -- <命令>）\n');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
