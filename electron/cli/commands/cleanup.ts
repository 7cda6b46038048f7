import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLEANUP_DECISIONS, type CleanupDecisionValue } from '../../../shared/contract/cleanup';
import type { App } from '../../core/composition';
import { describeReadProblem, resolveTarget, safeWriteFile } from '../../core/kernel/safe-write';
import { row, UsageError, type CliCommand, type CliContext } from '../command';

const USAGE = [
  'normdesk cleanup create --name 名称 --basis 文号 --cutoff YYYY-MM-DD [--organizer 组织清理的机关] [--issuer 机关]... [--normative-only] [--json]',
  'normdesk cleanup list [--json]',
  'normdesk cleanup show ID [--json]',
  'normdesk cleanup decide ID --doc DOCID --decision 继续有效|修改|废止|宣布失效 [--reason 理由]',
  'normdesk cleanup sheet ID --issuer 机关 --out FILE.xlsx [--force]',
  'normdesk cleanup import-sheet ID FILE.xlsx [--overwrite]',
  'normdesk cleanup publish ID --doc-number 文号 --date YYYY-MM-DD [--publisher 发文机关（默认为组织清理的机关）]',
  'normdesk cleanup revert ID',
].join('\n       ');

const str = (v: unknown, what: string): string => {
  if (typeof v === 'string' && v.trim()) return v.trim();
  throw new UsageError(`请指定${what}`);
};


async function show(app: App, ctx: CliContext, id: string): Promise<void> {
  const c = await app.call('cleanup:get', { id });
  const { rows } = await app.call('cleanup:items', { id, limit: 20_000 });
  if (ctx.values.json) {
    const documents = rows.map((r) => ({ id: r.documentId, title: r.title, docNumber: r.docNumber, decision: r.decision, reason: r.reason, opinion: r.opinion }));
    ctx.out(JSON.stringify({ id: c.id, name: c.name, organizer: c.organizer, state: c.state, total: c.total, decided: c.decided, noticeDocNumber: c.noticeDocNumber, documents }, null, 2));
    return;
  }
  ctx.out(`${c.name}${c.organizer ? `（组织清理的机关：${c.organizer}）` : ''}（${c.state === 'published' ? `已公布 ${c.noticeDocNumber ?? ''}` : '审查中'}）已决定 ${c.decided}/${c.total}`);
  for (const r of rows) ctx.out(row([r.position, r.docNumber ?? '', r.title, r.decision ?? '未决定', r.reason]));
}

/** One sub-command of `cleanup`; returns the exit code. */
async function runSub(app: App, ctx: CliContext, sub: string, id: string | undefined, rest: string[]): Promise<number> {
  const v = ctx.values;
  const json = (data: unknown) => ctx.out(JSON.stringify(data, null, 2));
  const needId = () => str(id, '清理项目 ID');
  switch (sub) {
    case 'create': {
      const issuers = (Array.isArray(v.issuer) ? v.issuer : v.issuer ? [v.issuer] : []).map(String);
      const c = await app.call('cleanup:create', {
        name: str(v.name, '--name 清理名称'),
        basisDocNumber: typeof v.basis === 'string' ? v.basis : '',
        organizer: typeof v.organizer === 'string' ? v.organizer : '',
        cutoff: str(v.cutoff, '--cutoff 截止日期（YYYY-MM-DD）'),
        scope: { issuers, normativeOnly: !!v['normative-only'] },
      });
      if (v.json) json({ id: c.id, scope: { ...c.scope, cutoff: c.cutoff, documents: c.total } });
      else ctx.out(`已建立清理项目 ${c.id}：${c.name}，范围内 ${c.total} 件文件`);
      return 0;
    }
    case 'list': {
      const list = await app.call('cleanup:list', {});
      if (v.json) json(list.map((c) => ({ id: c.id, name: c.name, state: c.state, total: c.total, decided: c.decided })));
      else for (const c of list) ctx.out(row([c.id, c.name, c.state === 'published' ? '已公布' : '审查中', `${c.decided}/${c.total}`]));
      return 0;
    }
    case 'show':
      await show(app, ctx, needId());
      return 0;
    case 'decide': {
      const decision = str(v.decision, '--decision（继续有效、修改、废止或宣布失效）');
      if (!(CLEANUP_DECISIONS as readonly string[]).includes(decision)) throw new UsageError(`清理决定“${decision}”无效，只能是 ${CLEANUP_DECISIONS.join('、')}`);
      const docs = (Array.isArray(v.doc) ? v.doc : v.doc ? [v.doc] : []).map(String);
      if (!docs.length) throw new UsageError('请用 --doc 指定文件 ID');
      if (rest.length) throw new UsageError(`多余的参数：${rest.join(' ')}。每件文件前都要加 --doc（--doc ID1 --doc ID2）`);
      const r = await app.call('cleanup:decide', { id: needId(), documentIds: docs, decision: decision as CleanupDecisionValue, reason: typeof v.reason === 'string' ? v.reason : '' });
      for (const w of r.warnings) ctx.err(`提示：《${w.title}》${w.warning}`);
      if (v.json) json(r);
      else ctx.out(`已决定 ${r.updated} 件：${decision}`);
      return 0;
    }
    case 'sheet': {
      // --issuer is declared multiple (create takes several): the sheet is for exactly one
      const issuers = (Array.isArray(v.issuer) ? v.issuer : v.issuer ? [v.issuer] : []).map(String).filter((x) => x.trim());
      if (issuers.length > 1) throw new UsageError(`审查意见表按一个制定机关导出：请只给一个 --issuer（收到 ${issuers.length} 个）`);
      const file = await app.call('cleanup:sheet', { id: needId(), issuer: str(issuers[0], '--issuer 制定机关') });
      const target = typeof v.out === 'string' ? resolveTarget(v.out, file.fileName) : resolve(file.fileName);
      const out = await safeWriteFile(target, Buffer.from(file.dataBase64, 'base64'), { dataDir: app.ctx.dataDir, force: !!v.force });
      ctx.out(v.json ? JSON.stringify({ file: out }) : `已导出审查意见表：${out}`);
      return 0;
    }
    case 'import-sheet': {
      const path = str(rest[0], '审查意见表文件（.xlsx）');
      let data: Buffer;
      try {
        data = readFileSync(path);
      } catch (err) {
        throw new UsageError(`无法读取文件 ${path}：${describeReadProblem(err)}`);
      }
      const r = await app.call('cleanup:import-sheet', { id: needId(), dataBase64: data.toString('base64'), overwrite: !!v.overwrite });
      if (v.json) json(r);
      else {
        ctx.out(`共 ${r.rows} 行：写入意见 ${r.applied} 件，未变 ${r.unchanged} 件，未匹配 ${r.unmatched.length} 行，冲突 ${r.conflicts.length} 行`);
        for (const u of r.unmatched) ctx.out(`第${u.row}行 ${u.docNumber} ${u.title}：${u.problem}`);
        for (const c of r.conflicts) ctx.out(`第${c.row}行 ${c.title}：已有意见 ${c.existing}，表中为 ${c.incoming}（未覆盖，可加 --overwrite）`);
      }
      return r.unmatched.length || r.conflicts.length ? 1 : 0;
    }
    case 'publish': {
      const cid = needId();
      const gate = await app.call('cleanup:gate', { id: cid });
      if (!gate.complete) {
        if (v.json) json({ complete: false, missing: gate.missing });
        else {
          ctx.err(`清理尚未完成，不能公布：${gate.missing.length} 件文件缺少决定或理由`);
          for (const m of gate.missing) ctx.err(`${m.docNumber ?? ''}\t${m.title}\t${m.problem}`);
        }
        return 1;
      }
      const publisher = typeof v.publisher === 'string' && v.publisher.trim() ? v.publisher.trim() : undefined;
      const c = await app.call('cleanup:publish', { id: cid, docNumber: str(v['doc-number'], '--doc-number 清理结果通知文号'), date: str(v.date, '--date 公布日期'), issuer: publisher });
      if (v.json) json({ id: c.id, state: c.state, noticeDocNumber: c.noticeDocNumber, noticeDocumentId: c.noticeDocumentId, byDecision: c.byDecision });
      else ctx.out(`已公布并应用：${c.noticeDocNumber}，${c.byDecision.map((d) => `${d.decision} ${d.count} 件`).join('，')}`);
      return 0;
    }
    case 'revert': {
      const c = await app.call('cleanup:revert', { id: needId() });
      if (v.json) json({ id: c.id, state: c.state });
      else ctx.out(`已撤销公布：${c.name}，文件状态已恢复`);
      return 0;
    }
    default:
      throw new UsageError(`未知的子命令“${sub}”。用法：${USAGE}`);
  }
}

export const cleanupCommand: CliCommand = {
  name: 'cleanup',
  summary: '规范性文件清理：建立清理项目、作出决定、审查意见表、公布并应用、撤销',
  usage: USAGE,
  options: {
    name: { type: 'string' },
    basis: { type: 'string' },
    cutoff: { type: 'string' },
    issuer: { type: 'string', multiple: true },
    organizer: { type: 'string' },
    publisher: { type: 'string' },
    'normative-only': { type: 'boolean' },
    doc: { type: 'string', multiple: true },
    decision: { type: 'string' },
    reason: { type: 'string' },
    out: { type: 'string', short: 'o' },
    overwrite: { type: 'boolean' },
    force: { type: 'boolean' },
    'doc-number': { type: 'string' },
    date: { type: 'string' },
  },
  async run(ctx) {
    const [sub, id, ...rest] = ctx.positionals;
    if (!sub) throw new UsageError(`请指定子命令。用法：${USAGE}`);
    const app = ctx.openApp();
    try {
      return await runSub(app, ctx, sub, id, rest);
    } finally {
      await app.close();
    }
  },
};
