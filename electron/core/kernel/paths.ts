import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the library lives for browser mode and the CLI: `--data DIR`, else NORMDESK_DATA, else a per-user default
 * (the Electron shell uses the app's userData instead).
 */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (flag) return resolve(flag);
  if (env.NORMDESK_DATA) return resolve(env.NORMDESK_DATA);
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'NormDesk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'NormDesk');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'normdesk');
}

/** The project root when running from source or from `out/`: the nearest folder above holding package.json. */
export function findAppRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** Shipped resources (fonts, samples, icons). */
export function defaultResourcesDir(): string {
  return join(findAppRoot(), 'resources');
}
