import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportFormat, type ExportedFile } from '../../../shared/contract/export';
import { checkWriteTarget, resolveTarget, safeWriteFile } from '../../core/kernel/safe-write';
import { UsageError, type CliCommand } from '../command';

const USAGE = [
  'normdesk export doc ID --format docx|pdf|ofd [--out FILE] [--force]',
  'normdesk export gazette ID --format docx|pdf|ofd [--out FILE] [--force]',
  'normdesk export cleanup --input FILE.json --format docx|pdf|ofd [--out FILE] [--force]',
  'normdesk export cleanup --campaign ID --format docx|pdf|ofd [--out FILE] [--force]',
  'normdesk export cleanup-report --campaign ID --format docx|pdf|ofd [--out FILE] [--force]   清理情况报告',
  'normdesk export fonts',
  '（已有的文件只在加 --force 时覆盖；不能写入数据目录）',
].join('\n       ');

function formatOf(value: unknown): ExportFormat {
  const parsed = ExportFormat.safeParse(value);
  if (parsed.success) return parsed.data;
  if (value === undefined) throw new UsageError('请用 --format docx、--format pdf 或 --format ofd 指定导出格式');
  throw new UsageError(`不支持的格式“${String(value)}”，只能是 docx、pdf 或 ofd`);
}

function readCleanupInput(path: unknown): unknown {
  if (typeof path !== 'string' || !path) throw new UsageError('请用 --input 指定清理结果 JSON 文件');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`无法读取文件 ${path}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${path} 不是有效的 JSON：${(err as Error).message}`);
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '按公文格式（GB/T 9704）导出文件、公报或清理结果为 DOCX/PDF/OFD',
  usage: USAGE,
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' }, input: { type: 'string' }, force: { type: 'boolean' }, campaign: { type: 'string' } },
  async run(ctx) {
    const [what, id] = ctx.positionals;
    if (!what) throw new UsageError(`请指定导出内容。用法：${USAGE}`);
    const app = ctx.openApp();
    try {
      if (what === 'fonts') {
        const fonts = await app.call('export:fonts', {});
        if (ctx.values.json) ctx.out(JSON.stringify(fonts, null, 2));
        else for (const f of fonts) ctx.out(`${f.role}\tDOCX：${f.docxName}\tPDF/OFD：${f.pdfFont}${f.note ? `\t${f.note}` : ''}`);
        return;
      }
      const format = formatOf(ctx.values.format);
      const force = ctx.values.force === true;
      const safety = { dataDir: app.ctx.dataDir, force };
      // a target that will be refused is refused before the (slow) export runs
      // (`--out DIR/` or an existing folder: the file goes inside it under the export's own name)
      const outArg = typeof ctx.values.out === 'string' ? ctx.values.out : null;
      if (outArg !== null) checkWriteTarget(resolveTarget(outArg, `.导出.${format}`), safety);
      let file: ExportedFile;
      if (what === 'doc' || what === 'document' || what === 'gazette') {
        if (!id) throw new UsageError(`请指定${what === 'gazette' ? '公报' : '文件'} ID`);
        file = await app.call(what === 'gazette' ? 'export:gazette' : 'export:document', { id, format });
      } else if (what === 'cleanup') {
        if (typeof ctx.values.campaign === 'string') file = await app.call('export:cleanup', { campaignId: ctx.values.campaign, format });
        else file = await app.call('export:cleanup', { input: readCleanupInput(ctx.values.input) as never, format });
      } else if (what === 'cleanup-report') {
        if (typeof ctx.values.campaign !== 'string' || !ctx.values.campaign) throw new UsageError('请用 --campaign 指定清理项目 ID（见 normdesk cleanup list）');
        file = await app.call('export:campaign-report', { campaignId: ctx.values.campaign, format });
      } else {
        throw new UsageError(`未知的导出内容“${what}”，可选 doc、gazette、cleanup、cleanup-report、fonts`);
      }
      const out = await safeWriteFile(outArg !== null ? resolveTarget(outArg, file.fileName) : resolve(file.fileName), Buffer.from(file.dataBase64, 'base64'), safety);
      for (const w of file.warnings) ctx.err(`提示：${w}`);
      if (ctx.values.json) ctx.out(JSON.stringify({ file: out, pages: file.pages, warnings: file.warnings }, null, 2));
      else ctx.out(`已导出：${out}（${format.toUpperCase()}${file.pages ? `，${file.pages} 页` : ''}）`);
    } finally {
      await app.close();
    }
  },
};
