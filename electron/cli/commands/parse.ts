import { readFile, stat } from 'node:fs/promises';
import type { CliCommand } from '../command';
import { line, UsageError } from '../command';
import { describeReadProblem } from '../../core/kernel/safe-write';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_LABEL } from '../../../shared/contract/import';
import { createParseHost } from '../../core/features/import/parse-host';
import { resolveFileArg } from '../file-arg';

/** `parse FILE [--json | --text]`: prints what extraction finds in a file, or the text read from it; stores nothing. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: '解析文件并显示识别出的公报和文件信息（不保存）',
  usage: 'normdesk parse FILE [--json | --text] [--no-ocr] [--registration-pattern REGEX]',
  options: { json: { type: 'boolean' }, text: { type: 'boolean' }, 'no-ocr': { type: 'boolean' }, 'registration-pattern': { type: 'string' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('请指定要解析的文件：normdesk parse FILE [--json]');
    let bytes: Buffer;
    const found = await resolveFileArg(file);
    try {
      const info = await stat(found.path);
      if (!info.isFile()) throw new UsageError(`不是文件：${file}`);
      if (info.size > MAX_IMPORT_FILE_BYTES) throw new UsageError(`文件过大（超过 ${MAX_IMPORT_FILE_LABEL}）：${file}`);
      bytes = await readFile(found.path);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`无法读取文件 ${file}：${describeReadProblem(e)}`);
    }
    // In a worker with the import's limits: a hostile file ends the worker with a message, not this process.
    const host = createParseHost({ info: () => {}, error: (m) => ctx.err(m) });
    const pattern = ctx.values['registration-pattern'];
    let extracted;
    try {
      const onProgress = (done: number, total: number) => {
        if (total > 1 || done > 0) ctx.err(`  正在识别：第 ${done}/${total} 页`);
      };
      extracted = await host.extract(found.name, new Uint8Array(bytes), typeof pattern === 'string' ? pattern : undefined, { ocr: !ctx.values['no-ocr'], onProgress });
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    } finally {
      await host.close();
    }
    const { result, note } = extracted;
    if (ctx.values.text) {
      // exactly what the parser sees; what the reader kept apart (headers, footers, notes) after it, marked
      ctx.out(extracted.text);
      for (const p of extracted.apart ?? []) ctx.out(`\n——— ${p.label}（不参与识别）———\n${p.text}`);
      const o = extracted.origin;
      if (o) ctx.out(`\n——— 来源 ———\n${[o.url && `网址：${o.url}`, o.published && `发布日期：${o.published}`].filter(Boolean).join('\n')}`);
      return;
    }
    if (ctx.values.json) {
      ctx.out(JSON.stringify(result, null, 2));
      return;
    }
    const lines: string[] = [line`文件：${result.file}（${result.encoding}）`];
    if (note) lines.push(line`⚠ ${note}`);
    const g = result.gazette;
    if (g) {
      const issue = [g.year ? `${g.year}年` : '', g.issueNumber !== null ? `第${g.issueNumber}期` : '', g.totalNumber !== null ? `（总第${g.totalNumber}期）` : ''].join('');
      lines.push(line`公报：${g.title} ${issue}${g.publishDate ? ` 出版日期 ${g.publishDate}` : ''}，目录 ${g.toc.length} 条`);
    }
    lines.push(line`识别出 ${result.documents.length} 件文件：`);
    result.documents.forEach((d, i) => {
      const parts = [
        d.docNumber?.normalized ?? '无文号',
        d.dateSigned ?? '无成文日期',
        d.kind ?? '',
        d.isNormative ? '规范性文件' : '非规范性文件',
        d.validUntil ? `有效期至 ${d.validUntil}` : '',
      ].filter(Boolean);
      lines.push(line`${i + 1}. ${d.title}`, line`   ${parts.join(' · ')}（第 ${d.lineStart}–${d.lineEnd} 行）`);
    });
    if (result.warnings.length) {
      lines.push(line`提示 ${result.warnings.length} 条：`);
      for (const w of result.warnings) lines.push(line`  ${w.line !== null ? `第 ${w.line} 行：` : ''}${w.message}`);
    }
    ctx.out(lines.join('\n'));
  },
};
