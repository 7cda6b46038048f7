import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GAZETTE, testCli } from '../testing';
import { cleanupCommand } from './cleanup';
import { exportCommand } from './export';
import { importCommand } from './import';
import { listCommand } from './list';

const cli = testCli([importCommand, listCommand, cleanupCommand, exportCommand]);
const sample = SAMPLE_GAZETTE;


describe('normdesk cleanup', () => {
  it('creates a campaign, refuses to publish while incomplete, decides, publishes, reverts', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-cleanup-'));
    expect((await cli('import', sample, '--yes', '--data', data)).code).toBe(0);
    const created = JSON.parse((await cli('cleanup', 'create', '--name', '2021年清理', '--basis', '鲁司〔2020〕66号', '--cutoff', '2021-12-31', '--normative-only', '--json', '--data', data)).out);
    expect(created.scope.documents).toBeGreaterThan(0);
    const id = created.id as string;
    expect(JSON.parse((await cli('cleanup', 'list', '--json', '--data', data)).out)).toEqual([expect.objectContaining({ id, state: 'reviewing' })]);

    const refused = await cli('cleanup', 'publish', id, '--doc-number', '高政字〔2021〕60号', '--date', '2021-12-31', '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/不能公布：\d+ 件文件缺少决定或理由[\s\S]*尚未作出清理决定/);

    const shown = JSON.parse((await cli('cleanup', 'show', id, '--json', '--data', data)).out);
    const [first, ...rest] = shown.documents as Array<{ id: string }>;
    expect((await cli('cleanup', 'decide', id, '--doc', first.id, '--decision', '废止', '--reason', '上位法已废止', '--data', data)).code).toBe(0);
    for (const d of rest) await cli('cleanup', 'decide', id, '--doc', d.id, '--decision', '继续有效', '--data', data);
    // `--doc A B C` (as the README's DOCID... reads) must not decide A alone and drop B and C silently.
    const loose = await cli('cleanup', 'decide', id, '--doc', first.id, 'another-id', '--decision', '继续有效', '--data', data);
    expect(loose.code).toBe(1);
    expect(loose.err).toContain(`每件文件前都要加 --doc`);
    const bad = await cli('cleanup', 'decide', id, '--doc', first.id, '--decision', '保留', '--data', data);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/清理决定“保留”无效/);

    const pub = await cli('cleanup', 'publish', id, '--doc-number', '高政字〔2021〕60号', '--date', '2021-12-31', '--data', data);
    expect(pub.code).toBe(0);
    const statusOf = async (docId: string) =>
      (JSON.parse((await cli('list', '--json', '--as-of', '2022-01-01', '--data', data)).out) as Array<{ id: string; status: string }>).find((d) => d.id === docId)!.status;
    expect(await statusOf(first.id)).toBe('已废止');

    const out = join(mkdtempSync(join(tmpdir(), 'nd-cli-cleanup-out-')), 'notice.docx');
    expect((await cli('export', 'cleanup', '--campaign', id, '--format', 'docx', '--out', out, '--data', data)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const report = join(mkdtempSync(join(tmpdir(), 'nd-cli-cleanup-out-')), 'report.docx');
    expect((await cli('export', 'cleanup-report', '--campaign', id, '--format', 'docx', '--out', report, '--data', data)).code).toBe(0);
    expect(existsSync(report)).toBe(true);
    expect((await cli('export', 'cleanup-report', '--format', 'docx', '--data', data)).err).toMatch(/请用 --campaign 指定清理项目/);

    expect((await cli('cleanup', 'revert', id, '--data', data)).code).toBe(0);
    expect(await statusOf(first.id)).not.toBe('已废止');
    expect(JSON.parse((await cli('cleanup', 'show', id, '--json', '--data', data)).out)).toMatchObject({ state: 'reviewing' });
  }, 60_000);
});
