import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { FILING_RULE_LABELS, PACKAGE_KIND_LABELS, RESOLUTION_LABELS, type PackagePreview, type PackageSelection, type Resolution } from '../../../shared/contract/packages';
import type { Req } from '../../../shared/contract';
import type { App } from '../../core/composition';
import { checkWriteTarget, safeWriteFile } from '../../core/kernel/safe-write';
import { UsageError, type CliCommand, type CliContext } from '../command';

const USAGE = [
  'normdesk package export (--all | --filter 条件 | --campaign ID | --issue ID | --filing DOCID...) --out FILE.ndpkg [--force]',
  '    --filter 条件：用逗号分隔，如 issuer=招远市人民政府,year=2022,normative,q=关键词',
  '    --filing DOCID：报送备案（同 filing send），文件状态改为已报备',
  'normdesk package office [--name 本机关名称] [--receiver 备案机关] [--rule 30d|15d|3wd] [--issuer 制定机关]...   本机关信息与密钥指纹',
  'normdesk package show FILE.ndpkg [--json]      检查签名和校验值，列出内容和导入后的变化（不写入）',
  'normdesk package import FILE.ndpkg [--dry-run] [--resolve mine|theirs|both] [--json]',
  '    --resolve：与本机不一致的文件一律保留本机（mine）、采用对方（theirs）或两者都保留（both）',
].join('\n       ');

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** `issuer=…,year=2022,normative,q=…` as the library filter. */
export function parseFilter(text: string): Extract<PackageSelection, { kind: 'filter' }>['query'] {
  const query: Record<string, unknown> = { sort: 'dateSigned', dir: 'desc', offset: 0, limit: 50_000 };
  for (const part of text.split(/[,，]/).map((p) => p.trim()).filter(Boolean)) {
    const [key, ...rest] = part.split('=');
    const value = rest.join('=').trim();
    if (key === 'normative' && !value) query.normative = true;
    else if (key === 'year' && /^\d{4}$/.test(value)) query.year = Number(value);
    else if ((key === 'issuer' || key === 'q' || key === 'kind') && value) query[key] = value;
    else throw new UsageError(`无法识别的筛选条件“${part}”。可用：issuer=机关、year=年份、kind=文种、q=关键词、normative`);
  }
  return query as Extract<PackageSelection, { kind: 'filter' }>['query'];
}

function readPackageFile(path: string | undefined): { fileName: string; dataBase64: string } {
  if (!path) throw new UsageError('请指定数据包文件（.ndpkg）');
  try {
    if (statSync(path).size > 512 * 1024 * 1024) throw new UsageError(`${path} 超过 512 MB，不是可导入的数据包`);
    return { fileName: basename(path), dataBase64: readFileSync(path).toString('base64') };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`无法读取文件 ${path}`);
  }
}

/** The preview in lines a person reads before importing. */
export function previewLines(p: PackagePreview): string[] {
  const i = p.info;
  const lines = [
    `${PACKAGE_KIND_LABELS[i.kind]}：${i.label}`,
    `发送机关：${i.sender.name}　密钥指纹：${i.sender.fingerprint}${i.knownSender ? '（此前收到过）' : '（首次收到，请与发送机关核对指纹）'}`,
    ...(i.senderKeyChanged ? [`警告：此前收到的“${i.sender.name}”数据包使用的是另一把密钥，请与发送机关核实。`] : []),
    `制作时间：${i.createdAt}　签名与校验值：已验证`,
    `内容：文件 ${i.counts.documents} 件、关系 ${i.counts.relations} 条、清理项目 ${i.counts.campaigns} 个、公报期次 ${i.counts.issues} 期、附件 ${i.counts.files} 个、历史记录 ${i.counts.audit} 条`,
  ];
  if (p.alreadyImported) lines.push(`此数据包已于 ${p.alreadyImported.at} 由 ${p.alreadyImported.by} 导入，再次导入不会改变任何内容。`);
  lines.push(`导入后：新增 ${p.documents.new.length} 件，已有 ${p.documents.present.length} 件，不一致 ${p.documents.conflicts.length} 件`);
  for (const c of p.documents.conflicts) {
    lines.push(`  不一致：《${c.title}》${c.docNumber ?? ''}${c.bothEdited ? '（双方均有修改）' : '（对方有修改）'}，建议${RESOLUTION_LABELS[c.suggested]}`);
    for (const f of c.fields) lines.push(`    ${f.label}：本机“${f.mine.slice(0, 60)}” ↔对方“${f.theirs.slice(0, 60)}”`);
  }
  if (p.campaigns.new.length) lines.push(`新增清理项目：${p.campaigns.new.join('、')}`);
  if (p.issues.new.length) lines.push(`新增公报期次：${p.issues.new.join('、')}`);
  for (const f of p.filing) lines.push(`备案：${f}`);
  return lines;
}

async function exportPackage(app: App, ctx: CliContext): Promise<void> {
  const v = ctx.values;
  const out = typeof v.out === 'string' && v.out ? resolve(v.out) : null;
  if (!out) throw new UsageError('请用 --out 指定数据包文件，例如 --out 文件库.ndpkg');
  const safety = { dataDir: app.ctx.dataDir, force: v.force === true };
  checkWriteTarget(out, safety);
  const chosen = [v.all ? 'all' : null, v.filter ? 'filter' : null, v.campaign ? 'campaign' : null, v.issue ? 'issue' : null, v.filing ? 'filing' : null].filter(Boolean);
  if (chosen.length !== 1) throw new UsageError('请指定一种范围：--all、--filter、--campaign、--issue 或 --filing（只能选一种）');
  const file =
    chosen[0] === 'filing'
      ? await app.call('filing:send', { documentIds: [...list(v.filing), ...ctx.positionals.slice(1)] })
      : await app.call('packages:export', {
          selection: (chosen[0] === 'all'
            ? { kind: 'all' }
            : chosen[0] === 'filter'
              ? { kind: 'filter', query: parseFilter(String(v.filter)) }
              : { kind: chosen[0], id: String(v[chosen[0] as string]) }) as Req<'packages:export'>['selection'],
        });
  const written = await safeWriteFile(out, Buffer.from(file.dataBase64, 'base64'), safety);
  if (v.json) ctx.out(JSON.stringify({ file: written, ...file.info }, null, 2));
  else ctx.out(`已导出${PACKAGE_KIND_LABELS[file.info.kind]}：${written}（文件 ${file.info.counts.documents} 件，密钥指纹 ${file.info.sender.fingerprint}）`);
}

async function importPackage(app: App, ctx: CliContext, path: string | undefined): Promise<void> {
  const v = ctx.values;
  const file = readPackageFile(path);
  const resolveAll = v.resolve === undefined ? undefined : String(v.resolve);
  if (resolveAll !== undefined && !['mine', 'theirs', 'both'].includes(resolveAll)) throw new UsageError(`--resolve 只能是 mine、theirs 或 both，而不是“${resolveAll}”`);
  if (v['dry-run']) {
    const p = await app.call('packages:preview', file);
    if (v.json) ctx.out(JSON.stringify(p, null, 2));
    else for (const line of [...previewLines(p), '（试运行：未写入任何内容）']) ctx.out(line);
    return;
  }
  const r = await app.call('packages:import', { ...file, resolve: resolveAll as Resolution | undefined });
  if (v.json) ctx.out(JSON.stringify(r, null, 2));
  else if (!r.changed) ctx.out('此数据包此前已导入，未作任何改动。');
  else {
    ctx.out(`已导入“${r.sender}”的数据包：新增 ${r.created} 件，采用对方 ${r.replaced} 件，保留本机 ${r.keptMine} 件，两者都保留 ${r.copies} 件，未变 ${r.unchanged} 件；关系 ${r.relations} 条，清理项目 ${r.campaigns} 个，公报期次 ${r.issues} 期`);
    for (const f of r.filing) ctx.out(`备案：${f}`);
  }
}

async function officeSettings(app: App, ctx: CliContext): Promise<void> {
  const v = ctx.values;
  const rule = v.rule === undefined ? undefined : String(v.rule);
  if (rule !== undefined && !(rule in FILING_RULE_LABELS)) throw new UsageError('--rule 只能是 30d、15d 或 3wd');
  const patch = {
    ...(typeof v.name === 'string' ? { name: v.name } : {}),
    ...(typeof v.receiver === 'string' ? { filingReceiver: v.receiver } : {}),
    ...(rule ? { filingRule: rule as keyof typeof FILING_RULE_LABELS } : {}),
    ...(v.issuer ? { issuers: list(v.issuer) } : {}),
  };
  const o = Object.keys(patch).length ? await app.call('office:update', patch) : await app.call('office:get', {});
  if (v.json) ctx.out(JSON.stringify(o, null, 2));
  else {
    ctx.out(`本机关：${o.name || '（未填写）'}`);
    ctx.out(`密钥指纹：${o.fingerprint ?? '（填写本机关名称后生成）'}`);
    ctx.out(`报备期限：${FILING_RULE_LABELS[o.filingRule]}；备案机关：${o.filingReceiver || '（未填写）'}；报备的制定机关：${o.issuers.join('、') || '全部规范性文件'}`);
  }
}

export const packageCommand: CliCommand = {
  name: 'package',
  summary: '导出、检查、导入文件库数据包（.ndpkg，签名，用于隔离网络之间传递）',
  usage: USAGE,
  options: {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    all: { type: 'boolean' },
    filter: { type: 'string' },
    campaign: { type: 'string' },
    issue: { type: 'string' },
    filing: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    resolve: { type: 'string' },
    name: { type: 'string' },
    receiver: { type: 'string' },
    rule: { type: 'string' },
    issuer: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const [sub, path] = ctx.positionals;
    if (!sub) throw new UsageError(`请指定子命令。用法：${USAGE}`);
    const app = ctx.openApp();
    try {
      if (sub === 'export') await exportPackage(app, ctx);
      else if (sub === 'office') await officeSettings(app, ctx);
      else if (sub === 'show') {
        const p = await app.call('packages:preview', readPackageFile(path));
        if (ctx.values.json) ctx.out(JSON.stringify(p, null, 2));
        else for (const line of previewLines(p)) ctx.out(line);
      } else if (sub === 'import') await importPackage(app, ctx, path);
      else throw new UsageError(`未知的子命令“${sub}”。用法：${USAGE}`);
    } finally {
      await app.close();
    }
  },
};
