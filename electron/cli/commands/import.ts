import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportSummary, ParsedFile } from '../../../shared/contract/import';
import { MAX_REQUEST_BYTES } from '../../../shared/contract';
import { toCommitFile } from '../../../shared/contract/import';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

/** The largest file one import takes (the upload limit of the app, so the CLI and the UI agree). */
const MAX_FILE_BYTES = MAX_REQUEST_BYTES;
/** Files per request, as the contract allows. */
const BATCH = 50;

/** Why a path cannot be imported before reading it, in Chinese; null when it can be read. */
async function problemWith(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return '不是文件';
    if (s.size > MAX_FILE_BYTES) return `文件过大（${(s.size / 1024 / 1024).toFixed(1)} MB）：单个文件不能超过 10 MB`;
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : `无法读取：${(err as Error).message}`;
  }
}

function describe(files: ParsedFile[], out: (s: string) => void): void {
  for (const f of files) {
    out(`文件：${f.name}${f.encoding ? `（${f.encoding}）` : ''}${f.alreadyImported ? ' — 此前已导入过' : ''}`);
    if (f.error) {
      out(`  ✗ ${f.error}`);
      continue;
    }
    if (f.gazette) {
      const g = f.gazette;
      out(`  公报：${g.title} ${g.year ?? ''}年第${g.issueNumber ?? '?'}期${g.totalNumber ? `（总第${g.totalNumber}期）` : ''} ${g.publishDate ?? ''}`);
    }
    f.documents.forEach((d, i) => {
      out(`  [${i + 1}] ${d.docNumber?.normalized ?? '（无文号）'} ${d.title}`);
      const dates = [d.dateSigned && `成文 ${d.dateSigned}`, d.effectiveDate && `施行 ${d.effectiveDate}`, d.validUntil && `有效期至 ${d.validUntil}`];
      if (dates.some(Boolean)) out(`      ${dates.filter(Boolean).join('，')}`);
      for (const w of d.reviewWarnings) out(`      ⚠ ${w.message}`);
    });
    out(`  共 ${f.documents.length} 件`);
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入文件（.txt/.docx/.pdf）：先列出识别结果，加 --yes 才保存',
  usage: 'normdesk import 文件... [--yes] [--json] [--data DIR]',
  options: { yes: { type: 'boolean', short: 'y' } },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('请指定要导入的文件，例如：normdesk import 公报.txt');
    const app = ctx.openApp();
    try {
      const parsed: ParsedFile[] = [];
      for (let i = 0; i < ctx.positionals.length; i += BATCH) {
        const chunk = ctx.positionals.slice(i, i + BATCH);
        const readable: { name: string; bytes: Uint8Array }[] = [];
        const slots: Array<ParsedFile | null> = [];
        for (const path of chunk) {
          const problem = await problemWith(path);
          const bytes = problem ? null : await readFile(path).catch(() => null);
          if (!bytes) {
            slots.push({ name: path, sha256: '', size: 0, alreadyImported: false, error: problem ?? '无法读取文件', encoding: null, gazette: null, documents: [], warnings: [] });
          } else {
            readable.push({ name: basename(path), bytes });
            slots.push(null);
          }
        }
        // The contract wants at least one file per request; a chunk of only unreadable paths has nothing to send.
        const results = readable.length
          ? await app.call('import:parse', { files: readable.map((r) => ({ name: r.name, dataBase64: Buffer.from(r.bytes).toString('base64') })) })
          : [];
        let k = 0;
        for (const s of slots) parsed.push(s ?? results[k++]);
      }
      const failed = parsed.filter((f) => f.error);
      let summary: ImportSummary | null = null;
      if (ctx.values.yes && failed.length === 0) {
        summary = { created: [], skipped: [], gazettes: [], resolvedRelations: 0 };
        for (let i = 0; i < parsed.length; i += BATCH) {
          const part = await app.call('import:commit', { files: parsed.slice(i, i + BATCH).map(toCommitFile) });
          summary.created.push(...part.created);
          summary.skipped.push(...part.skipped);
          summary.gazettes.push(...part.gazettes);
          summary.resolvedRelations += part.resolvedRelations;
        }
      }
      if (ctx.values.json) {
        ctx.out(JSON.stringify({ files: parsed, stored: summary !== null, summary }, null, 2));
      } else {
        describe(parsed, ctx.out);
        if (failed.length) {
          ctx.err(`有 ${failed.length} 个文件无法导入（见上），未保存任何内容。请移除或修正这些文件后重新运行。`);
        } else if (!summary) {
          ctx.out('未保存任何内容。核对无误后，加 --yes 重新运行即可导入。');
        } else {
          ctx.out(`已导入 ${summary.created.length} 件，跳过已存在的 ${summary.skipped.length} 件${summary.gazettes.length ? `，公报 ${summary.gazettes.length} 期` : ''}${summary.resolvedRelations ? `，关联引用 ${summary.resolvedRelations} 处` : ''}。`);
          for (const s of summary.skipped) ctx.out(`  已存在：${s.docNumber ?? '（无文号）'} ${s.title}`);
        }
      }
      return failed.length ? 1 : 0;
    } finally {
      await app.close();
    }
  },
};
