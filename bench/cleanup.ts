/**
 * `npm run bench:cleanup`: a cleanup campaign over a 20,000-document library (synthetic, stored directly through
 * the document service in one transaction): create a campaign scoping ~10,000 documents, open the review list,
 * bulk-decide 5,000, decide the rest, publish/apply, export the notice with its annexes as PDF, revert.
 * Prints numbers; asserts nothing. Targets: first page ≤ 200 ms; bulk 5,000 ≤ 2 s; publish ≤ 5 s; PDF ≤ 10 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../electron/core/composition';

const N = Number(process.env.BENCH_DOCS ?? 20_000);
const ISSUERS = ['测试市人民政府', '测试市人民政府办公室'];
const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

const dir = mkdtempSync(join(tmpdir(), 'normdesk-bench-cleanup-'));
const app = createApp({ dataDir: dir, shell: 'cli', log: { info: () => {}, error: (m, e) => console.error(m, e) } });
try {
  const by = app.caller;
  const { documents } = app.services;
  let t0 = performance.now();
  app.ctx.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const year = 2010 + (i % 15);
      const serial = Math.floor(i / 15) + 1;
      documents.create(
        by,
        {
          title: `测试市人民政府关于印发第${i + 1}号管理办法的通知`,
          docNumber: { raw: `测政发〔${year}〕${serial}号`, normalized: `测政发〔${year}〕${serial}号`, agency: '测政发', year, serial },
          registrationNumber: null,
          issuers: [ISSUERS[i % 2]],
          dateSigned: `${year}-02-15`,
          kind: '通知',
          isNormative: true,
          effectiveClause: `本办法自${year}年3月1日起施行`,
          effectiveDate: `${year}-03-01`,
          validityClause: null,
          validUntil: null,
          appointments: [],
          body: [`第一条 为规范第${i + 1}项管理工作，制定本办法。`, `本办法自${year}年3月1日起施行。`],
        },
        null,
      );
    }
  })();
  console.log(`文件库：${N.toLocaleString('zh-CN')} 件，直接写入 ${ms(t0)}`);

  t0 = performance.now();
  const c = await app.call('cleanup:create', { name: '基准清理', basisDocNumber: '鲁司〔2020〕66号', cutoff: '2025-06-30', scope: { issuers: [ISSUERS[0]] } });
  console.log(`建立清理项目（范围 ${c.total.toLocaleString('zh-CN')} 件）：${ms(t0)}`);

  t0 = performance.now();
  const first = await app.call('cleanup:items', { id: c.id, limit: 100 });
  console.log(`审查列表首页（100 行，共 ${first.total} 件）：${ms(t0)}（目标 ≤ 200 ms）`);

  const all = (await app.call('cleanup:items', { id: c.id, limit: 20_000 })).rows.map((r) => r.documentId);
  t0 = performance.now();
  await app.call('cleanup:decide', { id: c.id, documentIds: all.slice(0, 5000), decision: '继续有效' });
  console.log(`批量决定 5,000 件：${ms(t0)}（目标 ≤ 2000 ms）`);
  t0 = performance.now();
  await app.call('cleanup:decide', { id: c.id, documentIds: all.slice(5000, 9000), decision: '废止', reason: '已被新文件替代' });
  await app.call('cleanup:decide', { id: c.id, documentIds: all.slice(9000), decision: '宣布失效', reason: '适用期已过' });
  console.log(`其余 ${all.length - 5000} 件（废止、宣布失效）：${ms(t0)}`);

  t0 = performance.now();
  const filtered = await app.call('cleanup:items', { id: c.id, decision: '废止', limit: 100, offset: 2000 });
  console.log(`审查列表按决定筛选、翻页（共 ${filtered.total} 件）：${ms(t0)}`);

  t0 = performance.now();
  const p = await app.call('cleanup:publish', { id: c.id, docNumber: '测政字〔2025〕60号', date: '2025-09-01' });
  console.log(`公布并应用：${ms(t0)}（目标 ≤ 5000 ms）`, p.byDecision.map((d) => `${d.decision} ${d.count}`).join('，'));
  console.log(`  应用后状态：${app.services.statuses.statusOf(all[5000])}、${app.services.statuses.statusOf(all[9500])}`);

  t0 = performance.now();
  const pdf = await app.call('export:cleanup', { campaignId: c.id, format: 'pdf' });
  console.log(`导出清理结果通知及附件 PDF（${pdf.pages} 页，${(pdf.dataBase64.length * 0.75 / 1024 / 1024).toFixed(1)} MB）：${ms(t0)}（目标 ≤ 10000 ms）`);

  t0 = performance.now();
  await app.call('cleanup:revert', { id: c.id });
  console.log(`撤销公布：${ms(t0)}；撤销后状态：${app.services.statuses.statusOf(all[5000])}`);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
