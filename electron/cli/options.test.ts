import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../core/kernel/paths';
import { commands as shipped } from './commands';
import { createUserCommand } from './commands/user';
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
function fresh(): string {
  const dir = tmp('nd-opt-lib-');
  cpSync(base, dir, { recursive: true, filter: (src) => !src.includes('.in-use') });
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
