import {
  addSummary,
  base64Length,
  MAX_COMMIT_REQUEST_DOCUMENTS,
  MAX_COMMIT_REQUEST_FILES,
  MAX_PARSE_REQUEST_BASE64,
  MAX_PARSE_REQUEST_FILES,
  planChunks,
  type ImportSummary,
  type ParsedFile,
} from '../../../shared/contract/import';
import type { CliCommand } from '../command';
import { line, UsageError } from '../command';
import { collectSources, type Source } from './import-sources';

/** Parse requests sent ahead of the one being stored: enough for the parse worker to read a commit request's files meanwhile. */
const PARSE_AHEAD = Math.ceil(MAX_COMMIT_REQUEST_FILES / MAX_PARSE_REQUEST_FILES) + 1;
/**
 * The first files are stored without waiting for a full commit request when the parse worker has not answered the
 * next request yet: this thread would only wait, while the worker reads the rest. Later batches wait to be full
 * (a smaller batch costs more per document: its own synced commit and full-text segment).
 */
const STORE_EARLY_FILES = MAX_PARSE_REQUEST_FILES;

const unreadable = (name: string, error: string): ParsedFile => ({
  stagedId: null,
  name,
  sha256: '',
  size: 0,
  alreadyImported: false,
  error,
  encoding: null,
  encodingNote: null,
  gazette: null,
  documents: [],
  warnings: [],
});

function describe(files: ParsedFile[], out: (s: string) => void): void {
  for (const f of files) {
    out(line`文件：${f.name}${f.encoding ? `（${f.encoding}）` : ''}${f.alreadyImported ? ' — 此前已导入过' : ''}`);
    if (f.scan) out(line`  扫描件：${f.scan.pages} 页经 OCR 识别（${f.scan.engine}），${f.scan.lowConfidence ? `${f.scan.lowConfidence} 个字识别把握不大，请在导入页对照原图核对` : '没有把握不大的字'}`);
    if (f.error) {
      out(line`  ✗ ${f.error}`);
      continue;
    }
    if (f.encodingNote) out(line`  ⚠ ${f.encodingNote}`);
    if (f.gazette) {
      const g = f.gazette;
      out(line`  公报：${g.title} ${g.year ?? ''}年第${g.issueNumber ?? '?'}期${g.totalNumber ? `（总第${g.totalNumber}期）` : ''} ${g.publishDate ?? ''}`);
    }
    f.documents.forEach((d, i) => {
      out(line`  [${i + 1}] ${d.docNumber?.normalized ?? '（无文号）'} ${d.title}`);
      const dates = [d.dateSigned && `成文 ${d.dateSigned}`, d.effectiveDate && `施行 ${d.effectiveDate}`, d.validUntil && `有效期至 ${d.validUntil}`];
      if (dates.some(Boolean)) out(line`      ${dates.filter(Boolean).join('，')}`);
      for (const w of d.reviewWarnings) out(line`      ⚠ ${w.message}`);
    });
    out(line`  共 ${f.documents.length} 件`);
  }
}


/** Prints OCR progress on stderr (a page takes seconds) while `run` is reading files. */
async function withProgress<T>(app: { call: (c: 'import:progress', r: Record<string, never>) => Promise<{ file: string; done: number; total: number } | null> }, err: (s: string) => void, run: () => Promise<T>): Promise<T> {
  let last = '';
  const timer = setInterval(() => {
    void app.call('import:progress', {}).then((p) => {
      const line = p && p.total > 1 ? `  正在识别 ${p.file}：第 ${p.done}/${p.total} 页` : '';
      if (line && line !== last) err((last = line));
    }, () => undefined);
  }, 1000);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入文件、文件夹（含子文件夹）或 .zip 压缩包（扫描件 OCR 识别）：先列出识别结果，加 --yes 才保存',
  usage: 'normdesk import 文件|文件夹|压缩包... [--yes] [--no-ocr] [--json] [--data DIR]',
  options: { yes: { type: 'boolean', short: 'y' }, 'no-ocr': { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('请指定要导入的文件，例如：normdesk import 公报.txt');
    const app = ctx.openApp();
    try {
      const { sources: checked, skipped } = await collectSources(ctx.positionals);
      const parsed: ParsedFile[] = [];
      const summary: ImportSummary | null = ctx.values.yes
        ? { created: [], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] }
        : null;
      // The same two channels as the app, in requests the contract accepts. With --yes parsed files are stored as
      // soon as they fill a commit request (one transaction each), so a large folder never waits in memory; the next
      // parse requests are sent first, so the parse worker reads them while this thread stores (issue 25).
      const chunks = planChunks(checked, MAX_PARSE_REQUEST_FILES, MAX_PARSE_REQUEST_BASE64, (c) => ('size' in c ? base64Length(c.size) : 0));
      let read = 0;
      const asked: Array<{ answer: Promise<ParsedFile[]>; ready: boolean }> = [];
      /** Reads the next chunk's files and sends them to be parsed (answered in order). */
      const ask = async (chunk: Source[]) => {
        // progress on stderr for batches of more than one request (a folder of an office's archive)
        if (chunks.length > 1) ctx.err(`正在读取 ${read + 1}–${read + chunk.length} / ${checked.length}：${chunk[0].name}${chunk.length > 1 ? ' 等' : ''}`);
        read += chunk.length;
        const slots: Array<ParsedFile | null> = [];
        const upload: { name: string; dataBase64: string }[] = [];
        for (const c of chunk) {
          const bytes = 'load' in c ? await c.load().then((b) => ({ b }), (e: unknown) => ({ e: e instanceof Error ? e.message : String(e) })) : { e: c.problem };
          if (!('b' in bytes)) {
            slots.push(unreadable(c.name, bytes.e));
            continue;
          }
          upload.push({ name: c.name, dataBase64: Buffer.from(bytes.b.buffer, bytes.b.byteOffset, bytes.b.byteLength).toString('base64') });
          slots.push(null);
        }
        const results = upload.length ? app.call('import:parse', { files: upload, ocr: !ctx.values['no-ocr'] }) : Promise.resolve([]);
        const answer = results.then((r) => {
          let k = 0;
          return slots.map((s) => s ?? r[k++]);
        });
        const slot = { answer, ready: false };
        // awaited in order below (or dropped when storing failed)
        answer.then(() => (slot.ready = true), () => (slot.ready = true));
        asked.push(slot);
      };
      let next = 0;
      /** Keeps PARSE_AHEAD requests asked for beyond the one being stored. */
      const askAhead = async () => {
        while (next < chunks.length && asked.length < PARSE_AHEAD) await ask(chunks[next++]);
      };
      const pending: ParsedFile[] = [];
      let commits = 0;
      const store = async (all: boolean) => {
        const parts = planChunks(pending, MAX_COMMIT_REQUEST_FILES, MAX_COMMIT_REQUEST_DOCUMENTS, (f) => f.documents.length);
        // every part but the last is as full as a request may be; the last waits for the next files unless it is full
        // too (one transaction, one full-text segment each: issue 25)
        const last = parts[parts.length - 1] ?? [];
        const lastFull = last.length >= MAX_COMMIT_REQUEST_FILES || last.reduce((n, f) => n + f.documents.length, 0) >= MAX_COMMIT_REQUEST_DOCUMENTS;
        for (const part of all || lastFull ? parts : parts.slice(0, -1)) {
          pending.splice(0, part.length);
          commits++;
          addSummary(
            summary!,
            await app.call('import:commit', {
              files: part.map((f) => ({ stagedId: f.stagedId!, gazette: f.gazette, documents: f.documents.map((_, index) => ({ index })) })),
            }),
          );
        }
      };
      await withProgress(app, ctx.err, async () => {
        await askAhead();
        while (asked.length) {
          const here = await asked.shift()!.answer;
          parsed.push(...here);
          await askAhead();
          if (!summary) continue;
          for (const f of here) if (f.error) summary.refused.push({ file: f.name, title: null, reason: f.error });
          pending.push(...here.filter((f) => f.stagedId));
          await store(asked.length === 0 || (commits === 0 && !asked[0].ready && pending.length >= STORE_EARLY_FILES));
        }
      });
      const failed = parsed.filter((f) => f.error);
      const refusedCount = summary ? summary.refused.length : failed.length;
      if (ctx.values.json) {
        ctx.out(JSON.stringify({ files: parsed, skipped, stored: summary !== null, summary }, null, 2));
      } else {
        describe(parsed, ctx.out);
        if (skipped.length) {
          ctx.out(`已跳过 ${skipped.length} 个文件：`);
          for (const s of skipped) ctx.out(line`  – ${s.name}：${s.reason}`);
        }
        if (!summary) {
          if (failed.length) ctx.err(line`有 ${failed.length} 个文件无法导入（见上）；加 --yes 时其余文件照常保存。`);
          ctx.out('未保存任何内容。核对无误后，加 --yes 重新运行即可导入。');
        } else {
          ctx.out(line`已导入 ${summary.created.length} 件，跳过已存在的 ${summary.skipped.length} 件${summary.gazettes.length ? `，公报 ${summary.gazettes.length} 期` : ''}${summary.resolvedRelations ? `，关联引用 ${summary.resolvedRelations} 处` : ''}。`);
          for (const s of summary.skipped) ctx.out(line`  已存在：${s.docNumber ?? '（无文号）'} ${s.title}`);
          for (const f of summary.flagged) ctx.out(line`  ⚠ 已按原文保存并标记待核对：${f.docNumber ?? '（无文号）'} ${f.title}：${f.reason}`);
          if (summary.refused.length) {
            ctx.err(line`有 ${summary.refused.length} 个文件或文件中的公文未导入，其余已保存：`);
            for (const r of summary.refused) ctx.err(line`  ✗ ${r.file}${r.title ? `《${r.title}》` : ''}：${r.reason}`);
          }
        }
      }
      return refusedCount ? 1 : 0;
    } finally {
      await app.close();
    }
  },
};
