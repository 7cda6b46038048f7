/**
 * Builds (once) the synthetic library of `n` documents for the scale and load benches, straight through the import
 * service's bulk path (commitParsed: the same commit writer as every import, 1,000 documents a transaction), and
 * caches it under the system's temp directory keyed by n and GENERATOR_VERSION (and the migrations, whose schema it
 * holds). Files are what a city's gazette office keeps: most documents alone, every fifth group of eight as an
 * issue of its place's gazette; two cleanup campaigns are opened over it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../electron/core/composition';
import { CampaignInput } from '../../shared/contract/cleanup';
import { parseText } from '../../shared/parse';
import { docText, gazetteText, GENERATOR_VERSION } from './corpus';

const ROOT = join(import.meta.dirname, '..', '..');

export function cacheRoot(): string {
  const dir = join(process.env.NORMDESK_BENCH_CACHE ?? join(tmpdir(), 'normdesk-bench-scale'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

function schemaKey(): string {
  const h = createHash('sha256');
  const migrations = join(ROOT, 'electron', 'core', 'db', 'migrations');
  for (const f of readdirSync(migrations).filter((f) => /^\d{4}_.*\.ts$/.test(f) && !f.endsWith('.test.ts')).sort()) h.update(readFileSync(join(migrations, f)));
  return h.digest('hex').slice(0, 10);
}

/** The i-th file of the library: a gazette issue (8 documents) or one document. */
export function fileOf(group: number, j: number, n: number): { name: string; text: string } | null {
  if (group % 5 === 0) return j === 0 ? { name: `公报-${group}.txt`, text: gazetteText(group, n) } : null;
  const i = group * 8 + j;
  return i < n ? { name: `文件-${String(i).padStart(6, '0')}.txt`, text: docText(i, n) } : null;
}

/** The library's data directory, built first when not cached. */
export async function ensureLibrary(n: number, log: (s: string) => void): Promise<{ dir: string; built: boolean; buildMs: number }> {
  const dir = join(cacheRoot(), `library-${n}-g${GENERATOR_VERSION}-${schemaKey()}`);
  const done = join(dir, 'bench-built.json');
  if (existsSync(done)) return { dir, built: false, buildMs: (JSON.parse(readFileSync(done, 'utf8')) as { buildMs: number }).buildMs };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const app = createApp({ dataDir: dir, shell: 'cli', log: { info() {}, error: (m, e) => console.error(m, e) } });
  try {
    const groups = Math.ceil(n / 8);
    let batch: Parameters<typeof app.services.imports.commitParsed>[1][number][] = [];
    let docs = 0;
    const flush = () => {
      if (batch.length) app.services.imports.commitParsed(app.caller, batch);
      batch = [];
    };
    for (let g = 0; g < groups; g++) {
      for (let j = 0; j < 8; j++) {
        const f = fileOf(g, j, n);
        if (!f) continue;
        const parsed = parseText(f.text, { file: f.name, encoding: 'utf-8' });
        batch.push({
          name: f.name,
          sha256: createHash('sha256').update(f.text).digest('hex'),
          size: Buffer.byteLength(f.text),
          encoding: 'utf-8',
          gazette: parsed.gazette,
          documents: parsed.documents,
        });
        docs += parsed.documents.length;
      }
      if (docs >= 1000) {
        flush();
        docs = 0;
      }
      if (g % 1250 === 0 && g) log(`  已写入约 ${g * 8} 件（${((performance.now() - t0) / 1000).toFixed(0)} s）`);
    }
    flush();
    for (const [name, cutoff] of [['2015年度规范性文件集中清理', '2015-12-31'], ['2024年度规范性文件集中清理', '2024-06-30']]) {
      app.services.cleanup.create(app.caller, CampaignInput.parse({ name, cutoff }));
    }
  } finally {
    await app.close();
  }
  const buildMs = performance.now() - t0;
  writeFileSync(done, JSON.stringify({ n, buildMs }));
  return { dir, built: true, buildMs };
}
