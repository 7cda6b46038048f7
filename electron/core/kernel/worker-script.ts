import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Locates a worker entry `<base>.js` next to the calling module in a build (an electron-vite input of that name),
 * or `<base>.ts` when running from source. Node 20 does not pass tsx's loader hooks to workers, so from source
 * the worker is started from a small eval script that registers tsx before importing the TypeScript entry.
 */
export function findWorkerScript(callerUrl: string, base: string): { file: string; eval: boolean } | null {
  let here: string;
  try {
    here = dirname(fileURLToPath(callerUrl));
  } catch {
    return null;
  }
  for (const dir of [here, join(here, '..')]) {
    const js = join(dir, `${base}.js`);
    if (existsSync(js)) return { file: js, eval: false };
  }
  const ts = join(here, `${base}.ts`);
  if (!existsSync(ts)) return null;
  try {
    const api = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const entry = pathToFileURL(ts).href;
    return { file: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
  } catch {
    return null;
  }
}
