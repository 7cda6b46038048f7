import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../core/composition';
import { findAppRoot } from '../core/kernel/paths';
import { commands as shipped } from './commands';
import { createUserCommand } from './commands/user';
import type { PackagePreview } from '../../shared/contract/packages';
import { SAMPLE_GAZETTE, testCli } from './testing';

// One test per documented option of every command (issue 26: `cleanup sheet --issuer` was documented and always
// failed). The documented options are read from each command's usage text and from the README's command table;
// a documented option without a case here, or a declared one nobody documents, fails the first test.

const commands = shipped.map((c) => (c.name === 'user' ? createUserCommand(async () => 'lantern-19-x') : c));
const cli = testCli(commands);
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const GLOBAL = new Set(['data', 'help', 'json']);

/** `--opt` names in a piece of usage text. */
const optionsIn = (text: string) => new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]));
/** The options a command's usage gives for itself (a usage may mention another command: `恢复：normdesk restore --from`). */
const usageOptions = (name: string, usage: string) =>
  new Set([...usage.split(/(?=normdesk )/)].filter((part) => !part.startsWith('normdesk ') || part.startsWith(`normdesk ${name} `) || part.startsWith(`normdesk ${name}\n`)).flatMap((part) => [...optionsIn(part)]));

/** Options the README's command table documents, per command (first word of each row's first cell). */
function readmeOptions(): Map<string, Set<string>> {
  const readme = readFileSync(join(findAppRoot(), 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('Search syntax'));
  const byCommand = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const first = /^\| (`[^|]*?)(?<!\\)\|/.exec(line)?.[1];
    const name = first && /^`([a-z-]+)/.exec(first)?.[1];
    if (!first || !name || !commands.some((c) => c.name === name)) continue;
    const set = byCommand.get(name) ?? new Set<string>();
    for (const o of optionsIn(first)) set.add(o);
    byCommand.set(name, set);
  }
  return byCommand;
}

let base = '';
let ids: string[] = [];
const ISSUER = '高青县人民政府办公室';

/** A copy of the prepared library (sample gazette imported): cases that change things get their own. */
function fresh(from = base): string {
  const dir = tmp('nd-opt-lib-');
  cpSync(from, dir, { recursive: true, filter: (src) => !src.includes('.in-use') });
  return dir;
}
const json = <T = unknown>(r: { out: string }): T => JSON.parse(r.out) as T;
const ok = async (...args: string[]) => {
  const r = await cli(...args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.err}`);
  return r;
};

async function campaign(data: string): Promise<string> {
  return json<{ id: string }>(await ok('cleanup', 'create', '--name', '2021年清理', '--basis', '鲁司〔2020〕66号', '--cutoff', '2021-12-31', '--json', '--data', data)).id;
}
async function issueIn(data: string): Promise<string> {
  const g = json<{ id: string }>(await ok('gazette', 'create', '--title', '测试公报', '--json', '--data', data));
  return json<{ id: string }>(await ok('issue', 'create', '--gazette', g.id, '--date', '2026-12-01', '--json', '--data', data)).id;
}

/** A scanned page (white, as a scanner leaves an empty sheet) as a PNG file. */
async function whitePage(): Promise<string> {
  const sharp = (await import('sharp')).default;
  const file = join(tmp('nd-opt-scan-'), '扫描件.png');
  await sharp({ create: { width: 400, height: 560, channels: 3, background: '#ffffff' } }).png().toFile(file);
  return file;
}

/** Edits documents the way the editor does (the CLI has no edit command): `fields` per document id. */
async function edit(data: string, fields: Record<string, Record<string, unknown>>): Promise<void> {
  const app = createApp({ dataDir: data, shell: 'cli' });
  try {
    for (const [id, patch] of Object.entries(fields)) await app.call('documents:update', { id, patch });
  } finally {
    await app.close();
  }
}

const COUNTY = '高青县人民政府办公室';
const CITY = '淄博市人民政府办公室';
/** A library with this office's name set (its key is made on the first package). */
async function office(data: string, name = COUNTY): Promise<string> {
  await ok('package', 'office', '--name', name, '--data', data);
  return data;
}
/** What `package show --json` says of a package, as the receiving office (an empty library of its own). */
async function shown(file: string, data?: string): Promise<PackagePreview> {
  return json<PackagePreview>(await ok('package', 'show', file, '--json', '--data', data ?? (await office(tmp('nd-opt-city-'), CITY))));
}
const out = (name: string) => join(tmp('nd-opt-out-'), name);

type FilingRow = { documentId: string; state: string; stateLabel: string; daysLeft: number | null; published: string; materials: Array<{ kind: string; name: string }> };
const filingList = async (data: string, ...flags: string[]) => json<FilingRow[]>(await ok('filing', 'list', ...flags, '--json', '--data', data));

type ReviewRow = { id: string; state: string; registrationNumber: string | null; registeredOn: string | null; correctionDue: string | null; correctionReason: string; decision: string | null } & Record<string, unknown>;
/** The sending office (one normative document sent) and the receiving office with it in its queue; cases copy them. */
let exchanged: Promise<{ county: string; city: string; doc: string }> | null = null;
const exchange = () =>
  (exchanged ??= (async () => {
    const county = await office(fresh());
    const doc = (await filingList(county))[0].documentId;
    const pkg = out('报送.ndpkg');
    await ok('filing', 'send', doc, '--out', pkg, '--data', county);
    const city = await office(tmp('nd-opt-city-'), CITY);
    await ok('package', 'import', pkg, '--data', city);
    return { county, city, doc };
  })());
/** A copy of the receiving office's library and the id of the received filing in its queue. */
async function queued(): Promise<{ city: string; id: string }> {
  const city = fresh((await exchange()).city);
  return { city, id: json<ReviewRow[]>(await ok('filing', 'review', 'list', '--json', '--data', city))[0].id };
}
const review = async (city: string, ...args: string[]) => json<ReviewRow>(await ok('filing', 'review', ...args, '--json', '--data', city));

type Case = () => Promise<void>;

const CASES: Record<string, Case> = {
  'info --json': async () => expect(json<{ documentCount: number }>(await ok('info', '--json', '--data', fresh())).documentCount).toBe(13),

  'serve --port': async () => expect((await cli('serve', '--port', 'abc', '--data', fresh())).err).toContain('端口号无效：abc'),
  'serve --host': async () => expect((await cli('serve', '--host', '10.9.9.9', '--port', '0', '--data', fresh())).err).toMatch(/拒绝在 10\.9\.9\.9 上提供服务/),
  'serve --cert': async () => expect((await cli('serve', '--cert', SAMPLE_GAZETTE, '--data', fresh())).err).toContain('--cert 和 --key 须同时提供'),
  'serve --key': async () => expect((await cli('serve', '--cert', SAMPLE_GAZETTE, '--key', join(tmp('nd-opt-'), 'none.pem'), '--data', fresh())).err).toContain('无法读取私钥（--key）文件'),

  'import --yes': async () => {
    const data = tmp('nd-opt-imp-');
    await ok('import', SAMPLE_GAZETTE, '--data', data);
    expect(json<unknown[]>(await ok('list', '--json', '--data', data))).toHaveLength(0);
    await ok('import', SAMPLE_GAZETTE, '--yes', '--data', data);
    expect(json<unknown[]>(await ok('list', '--json', '--data', data))).toHaveLength(13);
  },
  'import --json': async () => {
    const r = json<{ files: Array<{ documents: unknown[] }>; stored: boolean }>(await ok('import', SAMPLE_GAZETTE, '--json', '--data', tmp('nd-opt-imp-')));
    expect(r.stored).toBe(false);
    expect(r.files[0].documents).toHaveLength(13);
  },

  'list --json': async () => expect(json<unknown[]>(await ok('list', '--json', '--data', base))).toHaveLength(13),
  'list --with-body': async () => {
    const withBody = json<Array<{ body?: string[] }>>(await ok('list', '--json', '--with-body', '--data', base));
    expect(withBody.every((d) => Array.isArray(d.body) && d.body.length > 0)).toBe(true);
    expect(json<Array<{ body?: string }>>(await ok('list', '--json', '--data', base)).some((d) => 'body' in d)).toBe(false);
  },
  'list --as-of': async () => {
    const then = json<Array<{ status: string }>>(await ok('list', '--json', '--as-of', '2000-01-01', '--data', base));
    expect(new Set(then.map((d) => d.status))).toEqual(new Set(['未发布']));
  },

  'gazettes --json': async () => expect(json<unknown[]>(await ok('gazettes', '--json', '--data', base))).toEqual([expect.objectContaining({ title: '高青县人民政府公报', issueNumber: 3 })]),

  ...Object.fromEntries(
    (['style', 'sponsor', 'editor', 'address', 'phone', 'postcode', 'title', 'json'] as const).map((opt) => [
      `gazette --${opt}`,
      async () => {
        const data = fresh();
        const made = json<{ id: string; title: string }>(
          await ok('gazette', 'create', '--title', '选项公报', '--style', 'cumulative', '--sponsor', '县政府办', '--editor', '编辑部', '--address', '某路1号', '--phone', '0533-1', '--postcode', '256300', '--json', '--data', data),
        );
        const g = json<Array<Record<string, string>>>(await ok('gazette', 'list', '--json', '--data', data)).find((x) => x.id === made.id)!;
        const expected: Record<string, string> = { style: 'cumulative', sponsor: '县政府办', editor: '编辑部', address: '某路1号', phone: '0533-1', postcode: '256300', title: '选项公报', json: '选项公报' };
        expect(g[{ style: 'numberingStyle', json: 'title' }[opt as string] ?? opt]).toBe(expected[opt]);
      },
    ]),
  ),

  ...Object.fromEntries(
    (['gazette', 'number', 'total', 'date', 'json'] as const).map((opt) => [
      `issue --${opt}`,
      async () => {
        const data = fresh();
        const g = json<{ id: string }>(await ok('gazette', 'create', '--title', '测试公报', '--json', '--data', data));
        const i = json<Record<string, unknown>>(await ok('issue', 'create', '--gazette', g.id, '--number', '7', '--total', '77', '--date', '2026-12-01', '--json', '--data', data));
        expect(i).toMatchObject({ issueNumber: 7, totalNumber: 77, publishDate: '2026-12-01' });
        if (opt === 'gazette') expect((await cli('issue', 'create', '--gazette', 'no-such', '--date', '2026-12-01', '--data', data)).code).toBe(1);
      },
    ]),
  ),
  'issue --doc': async () => {
    const data = fresh();
    const id = await issueIn(data);
    await ok('issue', 'add', id, '--doc', ids[0], '--section', '县政府文件', '--data', data);
    const shown = json<{ entries: Array<{ documentId: string; section: string }> }>(await ok('issue', 'show', id, '--json', '--data', data));
    expect(shown.entries).toEqual([expect.objectContaining({ documentId: ids[0], section: '县政府文件' })]);
    await ok('issue', 'remove', id, '--doc', ids[0], '--data', data);
    expect(json<{ entries: unknown[] }>(await ok('issue', 'show', id, '--json', '--data', data)).entries).toEqual([]);
  },
  'issue --section': async () => {
    const data = fresh();
    const id = await issueIn(data);
    await ok('issue', 'add', id, '--doc', ids[1], '--section', '部门文件', '--data', data);
    expect(json<{ entries: Array<{ section: string }> }>(await ok('issue', 'show', id, '--json', '--data', data)).entries[0].section).toBe('部门文件');
  },
  'issue --to': async () => {
    const data = fresh();
    const id = await issueIn(data);
    for (const d of ids.slice(0, 3)) await ok('issue', 'add', id, '--doc', d, '--section', '县政府文件', '--data', data);
    await ok('issue', 'move', id, '--doc', ids[2], '--to', '1', '--data', data);
    const order = json<{ entries: Array<{ documentId: string }> }>(await ok('issue', 'show', id, '--json', '--data', data)).entries.map((e) => e.documentId);
    expect(order).toEqual([ids[2], ids[0], ids[1]]);
  },
  'issue --dry-run': async () => {
    const data = fresh();
    const id = await issueIn(data);
    await ok('issue', 'add', id, '--doc', ids[0], '--section', '县政府文件', '--data', data);
    const effects = json<{ derive: unknown[]; kept: unknown[]; revert: unknown[] }>(await ok('issue', 'publish', id, '--dry-run', '--json', '--data', data));
    expect(effects).toEqual({ derive: expect.any(Array), kept: expect.any(Array), revert: [] });
    // nothing was published: the issue can still take documents
    await ok('issue', 'add', id, '--doc', ids[1], '--section', '县政府文件', '--data', data);
    expect(json<{ state: string }>(await ok('issue', 'show', id, '--json', '--data', data)).state).not.toBe('published');
  },
  'issue --reason': async () => {
    const data = fresh();
    const id = await issueIn(data);
    await ok('issue', 'add', id, '--doc', ids[0], '--section', '县政府文件', '--data', data);
    await ok('issue', 'publish', id, '--data', data);
    expect((await cli('issue', 'reopen', id, '--data', data)).code).toBe(1);
    await ok('issue', 'reopen', id, '--reason', '页码有误', '--data', data);
    expect(json<{ state: string }>(await ok('issue', 'show', id, '--json', '--data', data)).state).not.toBe('published');
  },

  'search --json': async () => expect(json<{ total: number }>(await ok('search', '高青', '--json', '--data', base)).total).toBeGreaterThan(2),
  'search --limit': async () => expect(json<{ results: unknown[] }>(await ok('search', '高青', '--json', '--limit', '2', '--data', base)).results).toHaveLength(2),

  'parse --text': async () => expect((await ok('parse', SAMPLE_GAZETTE, '--text')).out).toContain('高青县人民政府公报'),
  'parse --no-ocr': async () => {
    const r = await cli('parse', await whitePage(), '--no-ocr');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/扫描图片，需要 OCR 识别；已按要求跳过/);
  },
  'import --no-ocr': async () => {
    const r = await cli('import', await whitePage(), '--no-ocr', '--data', fresh());
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/扫描图片，需要 OCR 识别；已按要求跳过/);
  },
  'parse --json': async () => expect(json<{ documents: unknown[] }>(await ok('parse', SAMPLE_GAZETTE, '--json')).documents).toHaveLength(13),
  'parse --registration-pattern': async () => {
    const regs = (args: string[]) => ok('parse', SAMPLE_GAZETTE, '--json', ...args).then((r) => json<{ documents: Array<{ registrationNumber: string | null }> }>(r).documents.map((d) => d.registrationNumber).filter(Boolean));
    expect(await regs([])).toEqual(['GQDR-2021-0020002']);
    expect(await regs(['--registration-pattern', 'ZZZ-\\d+'])).toEqual([]);
  },

  'export --format': async () => {
    const out = join(tmp('nd-opt-exp-'), 'a.docx');
    await ok('export', 'doc', ids[0], '--format', 'docx', '--out', out, '--data', base);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('export', 'doc', ids[0], '--format', 'odt', '--data', base)).code).toBe(1);
  },
  'export --out': async () => {
    const dir = tmp('nd-opt-exp-');
    await ok('export', 'doc', ids[0], '--format', 'pdf', '--out', `${dir}/`, '--data', base);
    const [made] = readdirSync(dir);
    expect(readFileSync(join(dir, made)).subarray(0, 4).toString()).toBe('%PDF');
  },
  'export --force': async () => {
    const out = join(tmp('nd-opt-exp-'), 'a.pdf');
    writeFileSync(out, 'old');
    expect((await cli('export', 'doc', ids[0], '--format', 'pdf', '--out', out, '--data', base)).err).toMatch(/文件已存在/);
    await ok('export', 'doc', ids[0], '--format', 'pdf', '--out', out, '--force', '--data', base);
    expect(readFileSync(out).subarray(0, 4).toString()).toBe('%PDF');
  },
  'export --input': async () => {
    const dir = tmp('nd-opt-exp-');
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify({ title: '关于公布规范性文件清理结果的通知', issuer: '高青县人民政府', date: '2026-12-01', items: [{ documentId: ids[0], decision: '废止', reason: '上位法已废止' }] }));
    await ok('export', 'cleanup', '--input', input, '--format', 'docx', '--out', join(dir, 'n.docx'), '--data', base);
    expect(existsSync(join(dir, 'n.docx'))).toBe(true);
  },
  'export --campaign': async () => {
    const data = fresh();
    const id = await campaign(data);
    const out = join(tmp('nd-opt-exp-'), 'r.docx');
    await ok('export', 'cleanup-report', '--campaign', id, '--format', 'docx', '--out', out, '--data', data);
    expect(existsSync(out)).toBe(true);
  },

  'backup --out': async () => {
    const out = join(tmp('nd-opt-bk-'), 'b.db');
    await ok('backup', '--out', out, '--data', base);
    expect(existsSync(out)).toBe(true);
  },
  'backup --force': async () => {
    const out = join(tmp('nd-opt-bk-'), 'b.db');
    writeFileSync(out, 'old');
    expect((await cli('backup', '--out', out, '--data', base)).code).toBe(1);
    await ok('backup', '--out', out, '--force', '--data', base);
    expect(readFileSync(out).subarray(0, 6).toString()).toBe('SQLite');
  },
  'backup --json': async () => expect(json<{ documents: number }>(await ok('backup', '--out', join(tmp('nd-opt-bk-'), 'b.db'), '--json', '--data', base)).documents).toBe(13),

  'restore --from': async () => {
    const out = join(tmp('nd-opt-bk-'), 'b.db');
    await ok('backup', '--out', out, '--data', base);
    const target = tmp('nd-opt-rs-');
    await ok('restore', '--from', out, '--data', target);
    expect(json<unknown[]>(await ok('list', '--json', '--data', target))).toHaveLength(13);
  },
  'restore --json': async () => {
    const out = join(tmp('nd-opt-bk-'), 'b.db');
    await ok('backup', '--out', out, '--data', base);
    expect(json<{ documentCount: number }>(await ok('restore', '--from', out, '--json', '--data', tmp('nd-opt-rs-'))).documentCount).toBe(13);
  },

  'user --role': async () => {
    const data = fresh();
    await ok('user', 'add', 'wang', '--role', 'admin', '--data', data);
    await ok('user', 'add', 'li', '--role', 'viewer', '--data', data);
    await ok('user', 'role', 'li', '--role', 'editor', '--data', data);
    expect(json<Array<{ name: string; role: string }>>(await ok('user', 'list', '--json', '--data', data)).map((u) => [u.name, u.role])).toEqual([['wang', 'admin'], ['li', 'editor']]);
  },
  'user --display-name': async () => {
    const data = fresh();
    await ok('user', 'add', 'wang', '--role', 'admin', '--display-name', '王科长', '--data', data);
    expect(json<Array<{ displayName: string }>>(await ok('user', 'list', '--json', '--data', data))[0].displayName).toBe('王科长');
  },
  'user --address': async () => {
    const data = fresh();
    await ok('user', 'add', 'wang', '--role', 'admin', '--data', data);
    expect((await ok('user', 'unlock', '--address', '10.0.0.5', '--data', data)).out).toContain('地址 10.0.0.5 没有登录锁定');
  },

  'audit --json': async () => expect(json<Array<{ action: string }>>(await ok('audit', '--json', '--data', base)).some((r) => r.action === 'document.create')).toBe(true),
  'audit --user': async () => {
    const data = fresh();
    await ok('user', 'add', 'wang', '--role', 'admin', '--data', data);
    const all = json<Array<{ user: string }>>(await ok('audit', '--json', '--data', data));
    const none = json<unknown[]>(await ok('audit', '--json', '--user', 'nobody-here', '--data', data));
    expect(all.length).toBeGreaterThan(0);
    expect(none).toEqual([]);
  },
  'audit --since': async () => {
    expect(json<unknown[]>(await ok('audit', '--json', '--since', '2090-01-01', '--data', base))).toEqual([]);
    expect(json<unknown[]>(await ok('audit', '--json', '--since', '2000-01-01', '--data', base)).length).toBeGreaterThan(0);
  },
  'audit --until': async () => {
    expect(json<unknown[]>(await ok('audit', '--json', '--until', '2000-01-01', '--data', base))).toEqual([]);
    expect(json<unknown[]>(await ok('audit', '--json', '--until', '2090-01-01', '--data', base)).length).toBeGreaterThan(0);
  },
  'audit --limit': async () => expect(json<unknown[]>(await ok('audit', '--json', '--limit', '1', '--data', base))).toHaveLength(1),

  'check --json': async () => expect(json<{ checks: unknown[] }>(await ok('check', '--json', '--data', base)).checks.length).toBeGreaterThan(3),
  'check --as-of': async () => expect(json<{ asOf: string }>(await ok('check', '--json', '--as-of', '2022-01-01', '--data', base)).asOf).toBe('2022-01-01'),

  'cleanup --name': async () => {
    const data = fresh();
    const id = await campaign(data);
    expect(json<Array<{ id: string; name: string }>>(await ok('cleanup', 'list', '--json', '--data', data))).toEqual([expect.objectContaining({ id, name: '2021年清理' })]);
  },
  'cleanup --basis': async () => {
    const data = fresh();
    await ok('cleanup', 'create', '--name', '甲', '--basis', '鲁司〔2020〕66号', '--cutoff', '2021-12-31', '--data', data);
    expect((await ok('list', '--json', '--data', data)).out).toBeTruthy();
  },
  'cleanup --cutoff': async () => {
    const data = fresh();
    const early = json<{ scope: { documents: number } }>(await ok('cleanup', 'create', '--name', '早', '--cutoff', '2021-07-25', '--json', '--data', data));
    const late = json<{ scope: { documents: number } }>(await ok('cleanup', 'create', '--name', '晚', '--cutoff', '2021-12-31', '--json', '--data', data));
    expect(early.scope.documents).toBeLessThan(late.scope.documents);
  },
  'cleanup --issuer': async () => {
    const data = fresh();
    const mine = json<{ scope: { documents: number } }>(await ok('cleanup', 'create', '--name', '本机关', '--cutoff', '2021-12-31', '--issuer', ISSUER, '--json', '--data', data));
    const other = json<{ scope: { documents: number } }>(await ok('cleanup', 'create', '--name', '他机关', '--cutoff', '2021-12-31', '--issuer', '某市人民政府', '--json', '--data', data));
    expect(mine.scope.documents).toBeGreaterThan(0);
    expect(other.scope.documents).toBe(0);
    // the review sheet of one issuer (issue 26: --issuer was read as a string and the sheet always refused)
    const id = await campaign(data);
    const out = join(tmp('nd-opt-sheet-'), 's.xlsx');
    const sheet = await cli('cleanup', 'sheet', id, '--issuer', ISSUER, '--out', out, '--data', data);
    expect(sheet).toMatchObject({ code: 0 });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('cleanup', 'sheet', id, '--issuer', ISSUER, '--issuer', '另一机关', '--data', data)).err).toContain('请只给一个 --issuer');
  },
  'cleanup --normative-only': async () => {
    const data = fresh();
    const only = json<{ scope: { documents: number } }>(await ok('cleanup', 'create', '--name', '规范性', '--cutoff', '2021-12-31', '--normative-only', '--json', '--data', data));
    const all = json<{ scope: { documents: number } }>(await ok('cleanup', 'create', '--name', '全部', '--cutoff', '2021-12-31', '--json', '--data', data));
    expect(only.scope.documents).toBeLessThan(all.scope.documents);
  },
  'cleanup --doc': async () => {
    const data = fresh();
    const id = await campaign(data);
    const docs = json<{ documents: Array<{ id: string }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents;
    await ok('cleanup', 'decide', id, '--doc', docs[0].id, '--doc', docs[1].id, '--decision', '继续有效', '--data', data);
    const after = json<{ documents: Array<{ id: string; decision: string | null }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents;
    expect(after.filter((d) => d.decision === '继续有效').map((d) => d.id).sort()).toEqual([docs[0].id, docs[1].id].sort());
  },
  'cleanup --decision': async () => {
    const data = fresh();
    const id = await campaign(data);
    const [d] = json<{ documents: Array<{ id: string }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents;
    expect((await cli('cleanup', 'decide', id, '--doc', d.id, '--decision', '保留', '--data', data)).err).toContain('清理决定“保留”无效');
  },
  'cleanup --reason': async () => {
    const data = fresh();
    const id = await campaign(data);
    const [d] = json<{ documents: Array<{ id: string }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents;
    await ok('cleanup', 'decide', id, '--doc', d.id, '--decision', '废止', '--reason', '上位法已废止', '--data', data);
    expect(json<{ documents: Array<{ id: string; reason: string }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents.find((x) => x.id === d.id)!.reason).toBe('上位法已废止');
  },
  'cleanup --out': async () => {
    const data = fresh();
    const id = await campaign(data);
    const dir = tmp('nd-opt-sheet-');
    await ok('cleanup', 'sheet', id, '--issuer', ISSUER, '--out', `${dir}/`, '--data', data);
    expect(readdirSync(dir).filter((n) => n.endsWith('.xlsx'))).toHaveLength(1);
  },
  'cleanup --force': async () => {
    const data = fresh();
    const id = await campaign(data);
    const out = join(tmp('nd-opt-sheet-'), 's.xlsx');
    writeFileSync(out, 'old');
    expect((await cli('cleanup', 'sheet', id, '--issuer', ISSUER, '--out', out, '--data', data)).err).toMatch(/文件已存在/);
    await ok('cleanup', 'sheet', id, '--issuer', ISSUER, '--out', out, '--force', '--data', data);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  },
  'cleanup --overwrite': async () => {
    const data = fresh();
    const id = await campaign(data);
    const out = join(tmp('nd-opt-sheet-'), 's.xlsx');
    await ok('cleanup', 'sheet', id, '--issuer', ISSUER, '--out', out, '--data', data);
    const plain = await cli('cleanup', 'import-sheet', id, out, '--json', '--data', data);
    const again = await cli('cleanup', 'import-sheet', id, out, '--overwrite', '--json', '--data', data);
    expect(json<{ rows: number }>(plain).rows).toBeGreaterThan(0);
    expect(json<{ conflicts: unknown[] }>(again).conflicts).toEqual([]);
  },
  'cleanup --doc-number': async () => {
    const data = fresh();
    const id = await campaign(data);
    const docs = json<{ documents: Array<{ id: string }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents;
    for (const d of docs) await ok('cleanup', 'decide', id, '--doc', d.id, '--decision', '继续有效', '--data', data);
    expect((await cli('cleanup', 'publish', id, '--date', '2021-12-31', '--data', data)).err).toContain('--doc-number');
    const pub = json<{ noticeDocNumber: string }>(await ok('cleanup', 'publish', id, '--doc-number', '高政字〔2021〕60号', '--date', '2021-12-31', '--json', '--data', data));
    expect(pub.noticeDocNumber).toMatch(/高政字〔2021〕60号/);
  },
  'cleanup --organizer': async () => {
    const data = fresh();
    const id = json<{ id: string }>(await ok('cleanup', 'create', '--name', '乙', '--basis', '鲁司〔2020〕66号', '--cutoff', '2021-12-31', '--organizer', '高青县人民政府', '--json', '--data', data)).id;
    expect(json<{ organizer: string }>(await ok('cleanup', 'show', id, '--json', '--data', data)).organizer).toBe('高青县人民政府');
  },
  'cleanup --publisher': async () => {
    const data = fresh();
    const id = await campaign(data);
    const docs = json<{ documents: Array<{ id: string }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents;
    for (const d of docs) await ok('cleanup', 'decide', id, '--doc', d.id, '--decision', '继续有效', '--data', data);
    await ok('cleanup', 'publish', id, '--doc-number', '高政字〔2021〕60号', '--date', '2021-12-31', '--publisher', '高青县人民政府', '--data', data);
    const notice = json<Array<{ title: string; issuers: string[] }>>(await ok('list', '--json', '--data', data)).find((d) => d.title.includes('清理结果'));
    expect(notice?.issuers).toEqual(['高青县人民政府']);
  },
  'cleanup --date': async () => {
    const data = fresh();
    const id = await campaign(data);
    const docs = json<{ documents: Array<{ id: string }> }>(await ok('cleanup', 'show', id, '--json', '--data', data)).documents;
    for (const d of docs) await ok('cleanup', 'decide', id, '--doc', d.id, '--decision', '继续有效', '--data', data);
    expect((await cli('cleanup', 'publish', id, '--doc-number', '高政字〔2021〕60号', '--data', data)).err).toContain('--date');
  },

  'trash --issue': async () => {
    const data = fresh();
    const id = await issueIn(data);
    await ok('issue', 'delete', id, '--data', data);
    expect(json<Array<{ id: string; kind: string }>>(await ok('trash', '--json', '--data', data))).toEqual([expect.objectContaining({ id, kind: 'issue' })]);
    await ok('trash', 'restore', id, '--issue', '--data', data);
    expect(json<unknown[]>(await ok('trash', '--json', '--data', data))).toEqual([]);
  },
  'trash --yes': async () => {
    const data = fresh();
    const id = await issueIn(data);
    await ok('issue', 'delete', id, '--data', data);
    expect((await cli('trash', 'empty', '--data', data)).err).toContain('确认请加 --yes');
    await ok('trash', 'empty', '--yes', '--data', data);
    expect(json<unknown[]>(await ok('trash', '--json', '--data', data))).toEqual([]);
  },
  'package --name': async () => {
    const data = fresh();
    expect(json<{ name: string; fingerprint: string | null }>(await ok('package', 'office', '--name', COUNTY, '--json', '--data', data))).toMatchObject({ name: COUNTY, fingerprint: expect.stringMatching(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/) });
    const file = out('全部.ndpkg');
    await ok('package', 'export', '--all', '--out', file, '--data', data);
    expect((await shown(file)).info.sender.name).toBe(COUNTY);
  },
  'package --receiver': async () => {
    const data = await office(fresh());
    expect(json<{ filingReceiver: string }>(await ok('package', 'office', '--receiver', '淄博市人民政府', '--json', '--data', data)).filingReceiver).toBe('淄博市人民政府');
    expect((await ok('package', 'office', '--data', data)).out).toContain('备案机关：淄博市人民政府');
  },
  'package --rule': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    await edit(data, { [doc.documentId]: { dateSigned: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10) } });
    expect((await filingList(data, '--due')).map((r) => r.documentId)).toContain(doc.documentId);
    expect(json<{ filingRule: string }>(await ok('package', 'office', '--rule', '15d', '--json', '--data', data)).filingRule).toBe('15d');
    expect((await filingList(data, '--overdue')).map((r) => r.documentId)).toContain(doc.documentId);
    expect((await cli('package', 'office', '--rule', '7d', '--data', data)).err).toContain('--rule 只能是 30d、15d 或 3wd');
  },
  'package --issuer': async () => {
    const data = await office(fresh());
    expect((await filingList(data)).length).toBeGreaterThan(0);
    expect(json<{ issuers: string[] }>(await ok('package', 'office', '--issuer', '某县人民政府', '--issuer', '某县教育局', '--json', '--data', data)).issuers).toEqual(['某县人民政府', '某县教育局']);
    expect(await filingList(data)).toEqual([]);
  },
  'package --all': async () => {
    const data = await office(fresh());
    const file = out('全部.ndpkg');
    await ok('package', 'export', '--all', '--out', file, '--data', data);
    const p = await shown(file);
    expect(p.info.counts.documents).toBe(13);
    expect(p.documents.new).toHaveLength(13);
    expect((await cli('package', 'export', '--all', '--campaign', 'x', '--out', out('x.ndpkg'), '--data', data)).err).toContain('只能选一种');
  },
  'package --filter': async () => {
    const data = await office(fresh());
    const normative = json<Array<{ isNormative: boolean }>>(await ok('list', '--json', '--data', data)).filter((d) => d.isNormative).length;
    expect(normative).toBeGreaterThan(0);
    expect(normative).toBeLessThan(13);
    const file = out('规范性.ndpkg');
    await ok('package', 'export', '--filter', 'normative', '--out', file, '--data', data);
    expect((await shown(file)).info.counts.documents).toBe(normative);
    expect((await cli('package', 'export', '--filter', 'color=red', '--out', out('x.ndpkg'), '--data', data)).err).toContain('无法识别的筛选条件“color=red”');
  },
  'package --campaign': async () => {
    const data = await office(fresh());
    const id = await campaign(data);
    const file = out('清理.ndpkg');
    await ok('package', 'export', '--campaign', id, '--out', file, '--data', data);
    const p = await shown(file);
    expect(p.campaigns.new).toEqual([expect.stringContaining('2021年清理')]);
    expect(p.info.counts).toMatchObject({ campaigns: 1, issues: 0 });
    expect(p.info.counts.documents).toBeGreaterThan(0);
  },
  'package --issue': async () => {
    const data = await office(fresh());
    const id = await issueIn(data);
    await ok('issue', 'add', id, '--doc', ids[0], '--section', '县政府文件', '--data', data);
    const file = out('期次.ndpkg');
    await ok('package', 'export', '--issue', id, '--out', file, '--data', data);
    const p = await shown(file);
    expect(p.info.counts).toMatchObject({ issues: 1, documents: 1, campaigns: 0 });
    expect(p.issues.new).toHaveLength(1);
  },
  'package --filing': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    const file = out('报送.ndpkg');
    await ok('package', 'export', '--filing', doc.documentId, '--out', file, '--data', data);
    expect((await shown(file)).info).toMatchObject({ kind: 'filing', counts: expect.objectContaining({ documents: 1 }) });
    expect(await filingList(data, '--filed')).toEqual([expect.objectContaining({ documentId: doc.documentId, state: 'sent' })]);
  },
  'package --out': async () => {
    const data = await office(fresh());
    expect((await cli('package', 'export', '--all', '--data', data)).err).toContain('请用 --out 指定数据包文件');
    const file = out('全部.ndpkg');
    const r = json<{ file: string; kind: string }>(await ok('package', 'export', '--all', '--out', file, '--json', '--data', data));
    expect(r).toMatchObject({ file, kind: 'library' });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  },
  'package --force': async () => {
    const data = await office(fresh());
    const file = out('全部.ndpkg');
    writeFileSync(file, 'old');
    expect((await cli('package', 'export', '--all', '--out', file, '--data', data)).err).toContain('如需覆盖请加 --force');
    expect(readFileSync(file, 'utf8')).toBe('old');
    await ok('package', 'export', '--all', '--out', file, '--force', '--data', data);
    expect((await shown(file)).info.counts.documents).toBe(13);
  },
  'package --dry-run': async () => {
    const file = out('全部.ndpkg');
    await ok('package', 'export', '--all', '--out', file, '--data', await office(fresh()));
    const city = await office(tmp('nd-opt-city-'), CITY);
    const dry = await ok('package', 'import', file, '--dry-run', '--data', city);
    expect(dry.out).toContain('新增 13 件');
    expect(dry.out).toContain('试运行：未写入任何内容');
    expect(json<unknown[]>(await ok('list', '--json', '--data', city))).toHaveLength(0);
    expect((await ok('package', 'import', file, '--data', city)).out).toContain('新增 13 件');
  },
  'package --resolve': async () => {
    // the same library at both offices; the sender has since changed one document's 施行日期
    const county = await office(fresh());
    await edit(county, { [ids[0]]: { effectiveDate: '2030-01-01' } });
    const file = out('全部.ndpkg');
    await ok('package', 'export', '--all', '--out', file, '--data', county);
    const effective = async (data: string) => json<Array<{ id: string; effectiveDate: string | null }>>(await ok('list', '--json', '--data', data)).find((d) => d.id === ids[0])!.effectiveDate;
    const mine = await effective(base);
    expect(mine).not.toBe('2030-01-01');
    const kept = await office(fresh(), CITY);
    expect((await ok('package', 'import', file, '--resolve', 'mine', '--data', kept)).out).toContain('保留本机 1 件');
    expect(await effective(kept)).toBe(mine);
    const taken = await office(fresh(), CITY);
    expect((await ok('package', 'import', file, '--resolve', 'theirs', '--data', taken)).out).toContain('采用对方 1 件');
    expect(await effective(taken)).toBe('2030-01-01');
    expect(json<unknown[]>(await ok('list', '--json', '--data', taken))).toHaveLength(13);
    expect((await cli('package', 'import', file, '--resolve', 'all', '--data', taken)).err).toContain('--resolve 只能是 mine、theirs 或 both');
  },

  'filing --due': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    expect(await filingList(data, '--due')).toEqual([]);
    await edit(data, { [doc.documentId]: { dateSigned: new Date().toISOString().slice(0, 10) } });
    expect(await filingList(data, '--due')).toEqual([expect.objectContaining({ documentId: doc.documentId, state: 'unfiled', daysLeft: expect.any(Number) })]);
    expect((await filingList(data, '--due'))[0].daysLeft).toBeGreaterThan(25);
  },
  'filing --overdue': async () => {
    const data = await office(fresh());
    const all = await filingList(data);
    const overdue = await filingList(data, '--overdue');
    expect(overdue).toHaveLength(all.length);
    expect(overdue.every((r) => r.state === 'unfiled' && r.daysLeft! < 0)).toBe(true);
    await ok('filing', 'send', overdue[0].documentId, '--out', out('报送.ndpkg'), '--data', data);
    expect((await filingList(data, '--overdue')).map((r) => r.documentId)).not.toContain(overdue[0].documentId);
    expect(await filingList(data, '--overdue')).toHaveLength(all.length - 1);
  },
  'filing --filed': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    expect(await filingList(data, '--filed')).toEqual([]);
    await ok('filing', 'send', doc.documentId, '--out', out('报送.ndpkg'), '--data', data);
    expect(await filingList(data, '--filed')).toEqual([expect.objectContaining({ documentId: doc.documentId, state: 'sent', stateLabel: '已报备' })]);
  },
  ...Object.fromEntries(
    (['from', 'to'] as const).map((opt) => [
      `filing --${opt}`,
      async () => {
        const data = await office(fresh());
        const rows = await filingList(data);
        const year = rows[0].published.slice(0, 4);
        const [from, to] = [`${year}-01-01`, `${year}-12-31`];
        const inYear = rows.filter((r) => r.published >= from && r.published <= to);
        await ok('filing', 'send', inYear[0].documentId, '--out', out('报送.ndpkg'), '--data', data);
        type Stats = { expected: number; filed: number; onTime: number; filingRate: number | null; timelyRate: number | null };
        const stats = json<Stats>(await ok('filing', 'stats', '--from', from, '--to', to, '--json', '--data', data));
        expect(stats).toMatchObject({ expected: inYear.length, filed: 1, onTime: 0, timelyRate: 0 });
        expect(stats.filingRate).toBeCloseTo(100 / inYear.length, 1);
        const empty = { from: `${Number(year) - 1}-01-01`, to: `${Number(year) - 1}-12-31` }[opt];
        const none = json<Stats>(await ok('filing', 'stats', ...(opt === 'from' ? ['--from', empty, '--to', `${Number(year) - 1}-12-31`] : ['--from', `${Number(year) - 1}-01-01`, '--to', empty]), '--json', '--data', data));
        expect(none).toMatchObject({ expected: 0, filingRate: null });
        expect((await cli('filing', 'stats', ...(opt === 'from' ? ['--to', to] : ['--from', from]), '--data', data)).err).toContain(`--${opt}`);
      },
    ]),
  ),
  'filing --kind': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    const file = join(tmp('nd-opt-mat-'), '合法性审核意见.txt');
    writeFileSync(file, '经审核，合法。');
    expect((await cli('filing', 'material', doc.documentId, file, '--kind', '审批表', '--data', data)).err).toContain('材料类别只能是');
    await ok('filing', 'material', doc.documentId, file, '--kind', '合法性审核意见', '--data', data);
    expect((await filingList(data)).find((r) => r.documentId === doc.documentId)!.materials).toEqual([expect.objectContaining({ kind: '合法性审核意见', name: '合法性审核意见.txt' })]);
  },
  'filing --out': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    expect((await cli('filing', 'send', doc.documentId, '--data', data)).err).toContain('--out');
    expect(await filingList(data, '--filed')).toEqual([]);
    const file = out('报送.ndpkg');
    await ok('filing', 'send', doc.documentId, '--out', file, '--data', data);
    const p = await shown(file);
    expect(p.info).toMatchObject({ kind: 'filing', counts: expect.objectContaining({ documents: 1 }) });
    expect(p.filing.join()).toContain('新的报备文件');
  },
  'filing --report': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    const report = out('备案报告.docx');
    await ok('filing', 'send', doc.documentId, '--out', out('报送.ndpkg'), '--report', report, '--data', data);
    expect(readFileSync(report).subarray(0, 2).toString()).toBe('PK');
    const plain = out('报送.ndpkg');
    await ok('filing', 'send', doc.documentId, '--out', plain, '--data', await office(fresh()));
    expect(readdirSync(join(plain, '..'))).toEqual(['报送.ndpkg']);
  },
  'filing --force': async () => {
    const data = await office(fresh());
    const [doc] = await filingList(data);
    const file = out('报送.ndpkg');
    writeFileSync(file, 'old');
    expect((await cli('filing', 'send', doc.documentId, '--out', file, '--data', data)).err).toContain('如需覆盖请加 --force');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(await filingList(data, '--filed')).toEqual([]);
    await ok('filing', 'send', doc.documentId, '--out', file, '--force', '--data', data);
    expect((await shown(file)).info.kind).toBe('filing');
  },
  'filing --number': async () => {
    const { city, id } = await queued();
    expect(await review(city, 'register', id, '--number', '淄备〔2026〕7号')).toMatchObject({ state: 'registered', registrationNumber: '淄备〔2026〕7号' });
    const proposed = await queued();
    expect((await review(proposed.city, 'register', proposed.id)).registrationNumber).toMatch(/^\d{4}-001$/);
  },
  'filing --reason': async () => {
    const { city, id } = await queued();
    expect((await cli('filing', 'review', 'refuse', id, '--data', city)).err).toContain('--reason');
    expect(await review(city, 'refuse', id, '--reason', '不属于规范性文件')).toMatchObject({ state: 'refused' });
    const corrected = await queued();
    expect((await review(corrected.city, 'correction', corrected.id, '--reason', '缺少合法性审核意见', '--due', '2027-01-15')).correctionReason).toBe('缺少合法性审核意见');
  },
  'filing --due (review correction)': async () => {
    const { city, id } = await queued();
    expect((await cli('filing', 'review', 'correction', id, '--reason', '缺少制定说明', '--data', city)).err).toContain('--due');
    expect(await review(city, 'correction', id, '--reason', '缺少制定说明', '--due', '2027-01-15')).toMatchObject({ state: 'correction', correctionDue: '2027-01-15' });
  },
  ...Object.fromEntries(
    (['basis', 'problems', 'suggestions'] as const).map((opt) => [
      `filing --${opt}`,
      async () => {
        const { city, id } = await queued();
        await review(city, 'register', id);
        const row = await review(city, 'notes', id, `--${opt}`, `${opt}的内容`);
        expect(row[opt]).toBe(`${opt}的内容`);
        for (const other of ['basis', 'problems', 'suggestions'].filter((o) => o !== opt)) expect(row[other]).toBe('');
      },
    ]),
  ),
  'filing --decision': async () => {
    const { city, id } = await queued();
    await review(city, 'register', id);
    expect((await cli('filing', 'review', 'decide', id, '--decision', '同意', '--data', city)).err).toContain('审查结论只能是 无异议、需修改、撤销');
    expect((await cli('filing', 'review', 'decide', id, '--decision', '需修改', '--data', city)).err).toContain('请先在审查记录中写明存在的问题');
    await review(city, 'notes', id, '--problems', '第五条超出上位法规定的范围');
    expect(await review(city, 'decide', id, '--decision', '需修改')).toMatchObject({ state: 'reviewed', decision: '需修改' });
  },
  'filing --sender': async () => {
    const { city, id } = await queued();
    const county = fresh((await exchange()).county);
    await review(city, 'register', id, '--number', '淄备〔2026〕8号');
    const answer = out('答复.ndpkg');
    await ok('filing', 'review', 'answer', '--sender', COUNTY, '--out', answer, '--data', city);
    expect((await ok('package', 'import', answer, '--data', county)).out).toMatch(/备案：.*已登记/);
    expect(await filingList(county, '--filed')).toEqual([expect.objectContaining({ documentId: (await exchange()).doc, stateLabel: '已登记' })]);
    expect((await cli('filing', 'review', 'answer', '--out', out('x.ndpkg'), '--data', city)).err).toContain('--sender');
  },
  ...Object.fromEntries(
    (['year', 'quarter'] as const).map((opt) => [
      `filing --${opt}`,
      async () => {
        const { city, id } = await queued();
        const on = (await review(city, 'register', id)).registeredOn!;
        const [year, quarter] = [Number(on.slice(0, 4)), Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1];
        const catalog = async (y: number, q: number) => json<Array<{ n: number; registrationNumber: string }>>(await ok('filing', 'review', 'catalog', '--year', String(y), '--quarter', String(q), '--json', '--data', city));
        expect(await catalog(year, quarter)).toEqual([expect.objectContaining({ n: 1 })]);
        if (opt === 'year') expect(await catalog(year - 1, quarter)).toEqual([]);
        else {
          expect(await catalog(year, (quarter % 4) + 1)).toEqual([]);
          expect((await cli('filing', 'review', 'catalog', '--year', String(year), '--quarter', '5', '--data', city)).err).toContain('--quarter 只能是 1、2、3 或 4');
        }
      },
    ]),
  ),
  'filing --format': async () => {
    const { city, id } = await queued();
    const on = (await review(city, 'register', id, '--number', '淄备〔2026〕9号')).registeredOn!;
    const file = out('备案目录.xlsx');
    await ok('filing', 'review', 'catalog', '--year', on.slice(0, 4), '--quarter', String(Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1), '--format', 'xlsx', '--out', file, '--data', city);
    const xlsx = readFileSync(file);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.includes(Buffer.from('xl/worksheets/'))).toBe(true);
    expect((await cli('filing', 'review', 'catalog', '--year', '2026', '--quarter', '1', '--format', 'txt', '--out', out('x'), '--data', city)).err).toContain('--format 只能是 docx、pdf 或 xlsx');
  },
};

beforeAll(async () => {
  base = tmp('nd-opt-base-');
  await ok('import', SAMPLE_GAZETTE, '--yes', '--data', base);
  ids = json<Array<{ id: string }>>(await ok('list', '--json', '--data', base)).map((d) => d.id);
  rmSync(join(base, '.in-use'), { recursive: true, force: true });
}, 60_000);

describe('every documented CLI option', () => {
  it('is declared by its command and has a case below; every declared option is documented', () => {
    const readme = readmeOptions();
    const missing: string[] = [];
    for (const c of commands) {
      const documented = new Set([...usageOptions(c.name, c.usage), ...(readme.get(c.name) ?? [])]);
      const declared = new Set(Object.keys(c.options));
      for (const o of documented) {
        if (GLOBAL.has(o) && !declared.has(o)) continue;
        if (!declared.has(o) && !GLOBAL.has(o)) missing.push(`${c.name} --${o}: documented, not declared`);
        else if (!CASES[`${c.name} --${o}`] && !(GLOBAL.has(o) && o !== 'json')) missing.push(`${c.name} --${o}: no case`);
      }
      for (const o of declared) if (!documented.has(o) && !GLOBAL.has(o)) missing.push(`${c.name} --${o}: declared, not documented`);
    }
    expect(missing).toEqual([]);
  });

  it.each(commands.map((c) => c.name))('%s --help prints its usage', async (name) => {
    const r = await cli(name, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`normdesk ${name}`);
  });

  it.each(Object.keys(CASES))('%s', async (key) => CASES[key](), 60_000);
});
