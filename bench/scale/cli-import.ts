/**
 * The import part of bench:scale (issue 25): `normdesk import FOLDER --yes` of a folder of generated .txt files in one
 * fresh process, as users run it (the folder walked as an office's archive is), into an empty library and twice into a copy of the bench library (so a cost that grows
 * with the library shows). Each run gives documents/s of wall time and the CPU time of the process (every thread),
 * which the load of a shared machine does not inflate. `BENCH_IMPORT_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"`
 * profiles the import processes, as BENCH_SERVER_NODE_ARGS the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docText } from './corpus';
import { CLI, machine, table } from './http';

const IMPORT_NODE_ARGS = (process.env.BENCH_IMPORT_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** CPU seconds (user + system, every thread) the process `pid` has used so far; null once it is gone. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second on Linux)
  } catch {
    return null;
  }
}

interface Run {
  ms: number;
  created: number;
  ok: boolean;
  cpuS: number;
}

async function importInto(dataDir: string, from: number, count: number): Promise<Run> {
  const folder = mkdtempSync(join(tmpdir(), 'normdesk-bench-files-'));
  for (let i = from; i < from + count; i++) writeFileSync(join(folder, `新文件-${i}.txt`), docText(i, from + count));
  const t0 = performance.now();
  let cpuS = NaN;
  const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const c = spawn(process.execPath, [...IMPORT_NODE_ARGS, CLI, 'import', folder, '--yes', '--no-ocr', '--json', '--data', dataDir], { stdio: ['ignore', 'pipe', 'ignore'] });
    // read until it exits (the last reading misses at most 50 ms)
    const watch = setInterval(() => (cpuS = cpuSecondsOf(c.pid!) ?? cpuS), 50);
    let stdout = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.on('exit', (code) => {
      clearInterval(watch);
      resolve({ code, stdout });
    });
  });
  const ms = performance.now() - t0;
  rmSync(folder, { recursive: true, force: true });
  let created = 0;
  try {
    created = (JSON.parse(out.stdout) as { summary: { created: unknown[] } }).summary.created.length;
  } catch {
    /* reported as failed below */
  }
  return { ms, created, ok: out.code === 0, cpuS };
}

const row = (label: string, r: Run, files: number) => [
  label,
  `${r.created}/${files}${r.ok ? '' : '（失败）'}`,
  (r.ms / 1000).toFixed(1),
  ((r.created / r.ms) * 1000).toFixed(0),
  Number.isNaN(r.cpuS) ? '—' : `${r.cpuS.toFixed(1)}（${(r.created / r.cpuS).toFixed(0)}）`,
  machine(),
];

/** Imports `count` files into an empty library, then `count / 2` twice into a copy of the library in `libDir` of `n` documents. */
export async function measureImports(libDir: string, n: number, count: number, say: (s: string) => void): Promise<string[][]> {
  const rows: string[][] = [];
  if (count <= 0) return rows;
  say(`导入 ${count} 个文件：空库…`);
  const empty = mkdtempSync(join(tmpdir(), 'normdesk-bench-empty-'));
  rows.push(row('空库', await importInto(empty, n + 1_000_000, count), count));
  rmSync(empty, { recursive: true, force: true });
  say(`导入 ${count} 个文件：${n} 件资料库的副本…`);
  const copy = join(tmpdir(), `normdesk-bench-copy-${n}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy);
  for (const f of ['normdesk.db', 'normdesk.db-wal']) if (existsSync(join(libDir, f))) cpSync(join(libDir, f), join(copy, f));
  // the copy's gigabytes written back to disk first: else the imports' synced commits wait behind that writeback
  spawnSync('sync');
  for (const [label, from] of [[`${n} 件的库（前一半）`, n], [`${n + count / 2} 件的库（后一半）`, n + count / 2]] as const) {
    rows.push(row(label, await importInto(copy, from, count / 2), count / 2));
  }
  rmSync(copy, { recursive: true, force: true });
  return rows;
}

export function printImports(rows: string[][]): void {
  if (!rows.length) return;
  console.log('\n导入（命令行 normdesk import 文件夹 --yes，一个进程）：');
  console.log(table(['导入到', '新增/文件', '用时 s', '件/秒', 'CPU s（件/CPU 秒）', '当时负载'], rows));
}
