/**
 * Dashboard and checks benchmark (issue 13): `npm run bench:dashboard -- [--docs 20000]`.
 * Builds a synthetic library (documents with dates, validity, issuers, 登记号 and relations of every kind, some
 * unresolved, some cyclic), then times the start page's data (cold and warm, through the dispatcher) and
 * `check --json` as users run it: a fresh process of the built CLI. Targets: dashboard ≤ 300 ms, check ≤ 2 s.
 * Numbers, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../electron/core/composition';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '20000' } } });
const N = Number(values.docs);
const dir = mkdtempSync(join(tmpdir(), 'nd-bench-dash-'));
const ISSUERS = ['招远市人民政府', '招远市人民政府办公室', '高青县人民政府', '高青县人民政府办公室', '烟台市莱山区人民政府办公室', '莱州市人民政府办公室'];
const AGENCIES = ['招政发', '招政办发', '高政发', '高政办字', '烟莱政办发', '莱政办发'];

/** A deterministic pseudo-random sequence, so every run measures the same library. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function build(): void {
  const app = createApp({ dataDir: dir, shell: 'cli', log: { info() {}, error: (m, e) => console.error(m, e) } });
  const rand = rng(13);
  const insert = app.ctx.db.prepare(`
    INSERT INTO documents (id, title, doc_number_raw, doc_number, doc_agency, doc_year, doc_serial, registration_number, issuers,
      date_signed, kind, is_normative, effective_clause, effective_date, validity_clause, valid_until, appointments, body,
      content_hash, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '通知', ?, NULL, ?, ?, ?, '[]', ?, ?, ?, ?)`);
  const relate = app.ctx.db.prepare('INSERT INTO relations (type, source_id, target_id, target_doc_number, target_title, created_at) VALUES (?, ?, ?, ?, NULL, ?)');
  const at = new Date().toISOString();
  const t0 = performance.now();
  app.ctx.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const year = 2015 + Math.floor(rand() * 12);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const signed = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const k = i % AGENCIES.length;
      const serial = i + 1;
      const num = `${AGENCIES[k]}〔${year}〕${serial}号`;
      const normative = rand() < 0.8 ? 1 : 0;
      const years = rand() < 0.1 ? null : 1 + Math.floor(rand() * 6);
      const until = years ? `${year + years}-${String(month).padStart(2, '0')}-${String(Math.max(1, day - 1)).padStart(2, '0')}` : null;
      const title = `${ISSUERS[k]}关于第${i}项工作的${rand() < 0.1 ? '暂行' : ''}办法`;
      insert.run(`doc-${i}`, title, num, num, AGENCIES[k], year, serial, rand() < 0.7 ? `GQDR-${year}-${String(serial).padStart(7, '0')}` : null,
        JSON.stringify([ISSUERS[k]]), signed, normative, signed, years ? `有效期${years}年` : null, until,
        JSON.stringify([`${title}正文。`]), `h${i}`, at, at);
    }
    for (let i = 1; i < N; i++) {
      const r = rand();
      const target = `doc-${Math.floor(rand() * i)}`;
      if (r < 0.3) relate.run('cites', `doc-${i}`, target, null, at);
      else if (r < 0.4) relate.run('abolishes', `doc-${i}`, target, null, at);
      else if (r < 0.45) relate.run('amends', `doc-${i}`, target, null, at);
      else if (r < 0.6) relate.run('cites', `doc-${i}`, null, `鲁政发〔2019〕${i}号`, at);
    }
    for (let i = 0; i < 20; i++) {
      relate.run('abolishes', `doc-${i}`, `doc-${i + 100}`, null, at);
      relate.run('abolishes', `doc-${i + 100}`, `doc-${i}`, null, at);
    }
  })();
  console.log(`library: ${N} documents built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  app.close();
}

async function timeInProcess(): Promise<void> {
  const t0 = performance.now();
  const app = createApp({ dataDir: dir, shell: 'cli', log: { info() {}, error: (m, e) => console.error(m, e) } });
  const tOpen = performance.now();
  const cpu0 = process.cpuUsage();
  const first = await app.call('oversight:dashboard', {});
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await app.call('oversight:dashboard', {});
    warm.push(performance.now() - s);
  }
  const other = performance.now();
  await app.call('oversight:dashboard', { asOf: '2024-06-30' });
  const otherDay = performance.now() - other;
  const c0 = performance.now();
  const report = await app.call('oversight:checks', {});
  const checksMs = performance.now() - c0;
  await app.close();
  console.log(`open library: ${(tOpen - t0).toFixed(0)} ms`);
  console.log(`dashboard, first call (statuses computed): ${(t1 - tOpen).toFixed(0)} ms   [target ≤ 300 ms]  total=${first.total}, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
  console.log(`dashboard, warm: median ${warm.sort((a, b) => a - b)[2].toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms`);
  console.log(`dashboard, another 状态日期: ${otherDay.toFixed(0)} ms`);
  console.log(`checks in process: ${checksMs.toFixed(0)} ms, ${report.checks.reduce((s, c) => s + c.count, 0)} findings`);
}

function timeCli(): void {
  const cli = join(import.meta.dirname, '..', 'out', 'main', 'cli.js');
  if (!existsSync(cli)) {
    console.log('check --json (built CLI): skipped, run npm run build first');
    return;
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'check', '--json', '--data', dir], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  const report = JSON.parse(r.stdout) as { checks: Array<{ id: string; count: number }> };
  console.log(`check --json, fresh process of the built CLI: ${ms.toFixed(0)} ms   [target ≤ 2000 ms]`);
  console.log(`  ${report.checks.map((c) => `${c.id}=${c.count}`).join(' ')}`);
}

// The machine may be shared: wall times scale with the load, CPU times much less.
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
build();
await timeInProcess();
timeCli();
if (process.env.KEEP) console.log(dir);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
