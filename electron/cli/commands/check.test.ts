import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../core/composition';
import { BY, parsedDoc } from '../../core/test-support/fixtures';
import { runCli } from '../run';
import { checkCommand } from './check';

describe('check', () => {
  it('--json lists every check with the documents it concerns and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-check-'));
    const app = createApp({ dataDir: dir, shell: 'cli', log: { info: () => {}, error: () => {} } });
    const doc = parsedDoc({ title: '关于无有效期的办法', docNumber: '招政发〔2025〕2号', dateSigned: '2025-01-01', registrationNumber: 'GQDR-2025-0010001' });
    const id = app.ctx.db.transaction(() => app.services.documents.create(BY, doc, null).id)();
    await app.close();
    const out: string[] = [];
    const code = await runCli(['check', '--json', '--data', dir], [checkCommand], { out: (t) => out.push(t), err: () => {}, env: {} });
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.checks).toHaveLength(11);
    expect(report.checks.find((c: { id: string }) => c.id === 'no-validity')).toEqual({
      id: 'no-validity',
      title: '规范性文件未规定有效期（按发文机关所在省份的规定）',
      count: 1,
      documents: [{ id, title: '关于无有效期的办法', docNumber: '招政发〔2025〕2号', reason: '未找到有效期条款，也未填写有效期截止日期（依山东省行政程序规定第五十三条，应为3至5年）' }],
    });
    expect(report.checks.filter((c: { count: number }) => c.count).map((c: { id: string }) => c.id)).toEqual(['no-validity']);
  });

  it('refuses a date that does not exist, in Chinese', async () => {
    const err: string[] = [];
    const code = await runCli(['check', '--as-of', '2025-02-30', '--data', mkdtempSync(join(tmpdir(), 'nd-check-'))], [checkCommand], { out: () => {}, err: (t) => err.push(t), env: {} });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('日期无效：2025-02-30');
  });
});
