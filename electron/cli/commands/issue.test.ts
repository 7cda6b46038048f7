import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GAZETTE, testCli } from '../testing';
import { exportCommand } from './export';
import { gazetteCommand } from './gazette';
import { gazettesCommand } from './gazettes';
import { importCommand } from './import';
import { issueCommand } from './issue';
import { listCommand } from './list';
import { trashCommand } from './trash';

const cli = testCli([importCommand, listCommand, gazettesCommand, gazetteCommand, issueCommand, exportCommand, trashCommand]);
const sample = SAMPLE_GAZETTE;


describe('normdesk gazette / issue', () => {
  it('makes a gazette and an issue of library documents, orders, publishes and exports it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-issue-'));
    expect((await cli('import', sample, '--yes', '--data', data)).code).toBe(0);
    const docs = JSON.parse((await cli('list', '--json', '--data', data)).out) as Array<{ id: string; title: string }>;

    const g = JSON.parse((await cli('gazette', 'create', '--title', '某县人民政府公报', '--style', 'cumulative', '--json', '--data', data)).out);
    expect(g).toEqual({ id: expect.any(String), title: '某县人民政府公报' });
    const bad = await cli('issue', 'create', '--gazette', g.id, '--date', '2021-7-7', '--data', data);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/日期格式应为 YYYY-MM-DD/);

    const issue = JSON.parse((await cli('issue', 'create', '--gazette', g.id, '--number', '2', '--total', '20', '--date', '2021-07-07', '--json', '--data', data)).out);
    expect(issue).toEqual({ id: expect.any(String), issueNumber: 2, totalNumber: 20, year: 2021, publishDate: '2021-07-07' });
    const next = JSON.parse((await cli('issue', 'create', '--gazette', g.id, '--date', '2021-08-07', '--json', '--data', data)).out);
    expect(next).toMatchObject({ issueNumber: 3, totalNumber: 21 });

    for (const d of docs.slice(0, 3)) expect((await cli('issue', 'add', issue.id, '--doc', d.id, '--section', '【县政府文件】', '--data', data)).code).toBe(0);
    const moved = JSON.parse((await cli('issue', 'move', issue.id, '--doc', docs[2].id, '--to', '1', '--json', '--data', data)).out);
    expect(moved.entries.map((e: { documentId: string }) => e.documentId)).toEqual([docs[2].id, docs[0].id, docs[1].id]);
    // --dry-run lists what publishing would change and publishes nothing
    const dry = JSON.parse((await cli('issue', 'publish', issue.id, '--dry-run', '--json', '--data', data)).out);
    expect(dry).toEqual({ derive: expect.any(Array), kept: expect.any(Array), revert: [] });
    expect(JSON.parse((await cli('issue', 'show', issue.id, '--json', '--data', data)).out).state).toBe('draft');
    expect((await cli('issue', 'publish', issue.id, '--data', data)).out).toMatch(/已出版《某县人民政府公报》第2号（总第20号）/);

    const listed = JSON.parse((await cli('gazettes', '--json', '--data', data)).out);
    expect(listed.map((i: { title: string }) => i.title).sort()).toEqual(['某县人民政府公报', '某县人民政府公报', '高青县人民政府公报']);
    const shown = JSON.parse((await cli('issue', 'show', issue.id, '--json', '--data', data)).out);
    expect(shown).toMatchObject({ state: 'published', label: '第2号（总第20号）', documentCount: 3 });
    const refused = await cli('issue', 'add', issue.id, '--doc', docs[3].id, '--section', '【县政府文件】', '--data', data);
    expect(refused.err).toMatch(/已出版/);

    const out = join(mkdtempSync(join(tmpdir(), 'nd-cli-issue-out-')), 'issue.pdf'); // never into the data directory
    expect((await cli('export', 'gazette', issue.id, '--format', 'pdf', '--out', out, '--data', data)).code).toBe(0);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('第2号（总第20号）');
    expect(text).not.toContain('总第20期');
  }, 120_000);

  it('deletes a draft issue into the trash, lists it there and restores it; emptying asks for --yes', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-trash-'));
    const g = JSON.parse((await cli('gazette', 'create', '--title', '某县人民政府公报', '--json', '--data', data)).out);
    const issue = JSON.parse((await cli('issue', 'create', '--gazette', g.id, '--number', '4', '--date', '2021-09-01', '--json', '--data', data)).out);
    expect((await cli('issue', 'delete', issue.id, '--data', data)).out).toMatch(/已将《某县人民政府公报》2021年第4期移入回收站/);
    expect(JSON.parse((await cli('gazettes', '--json', '--data', data)).out)).toEqual([]);
    const trash = JSON.parse((await cli('trash', '--json', '--data', data)).out);
    expect(trash).toMatchObject([{ id: issue.id, kind: 'issue', title: '《某县人民政府公报》2021年第4期' }]);
    expect((await cli('trash', 'empty', '--data', data)).err).toMatch(/--yes/);
    // The id copied from the 公报期次 line of `trash` restores without --issue too (it is that issue, not a document).
    expect((await cli('trash', 'restore', issue.id, '--data', data)).code).toBe(0);
    await cli('issue', 'delete', issue.id, '--data', data);
    expect((await cli('trash', 'restore', issue.id, '--issue', '--data', data)).code).toBe(0);
    expect(JSON.parse((await cli('gazettes', '--json', '--data', data)).out)).toMatchObject([{ id: issue.id, issueNumber: 4 }]);
    expect((await cli('trash', 'empty', '--yes', '--data', data)).out).toMatch(/已永久删除 0 项/);
  }, 60_000);
});
