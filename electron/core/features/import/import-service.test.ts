import { describe, expect, it } from 'vitest';
import type { ParsedDocument, ParseResult } from '../../../../shared/domain/parse-result';
import { AppError } from '../../kernel/errors';
import { toCommitFile } from '../../../../shared/contract/import';
import { createImportService, type ImportDeps } from './import-service';
import { BY, commitFile, parsedDoc, tableCounts, testLibrary } from '../../test-support/fixtures';

const A = parsedDoc({ title: '招远市人民政府关于印发甲办法的通知', docNumber: '招政发〔2022〕1号', dateSigned: '2022-01-05', validityClause: '有效期五年', validUntil: '2027-01-04' });
const B = parsedDoc({
  title: '招远市人民政府办公室关于印发乙方案的通知',
  docNumber: '招政办发〔2022〕2号',
  dateSigned: '2022-02-01',
  cites: ['招政发〔2022〕1号', '鲁政办发〔2020〕9号'],
});

/** Files are "read" from their bytes: `docs:<json>` parses into those documents; anything else fails. */
const fakeDeps: ImportDeps = {
  async read(name, bytes) {
    const text = Buffer.from(bytes).toString('utf8');
    if (!text.startsWith('docs:')) throw new AppError('INVALID_INPUT', `文件“${name}”不是可识别的文本文件。`);
    return { text, encoding: 'utf-8' };
  },
  parse(text, opts): ParseResult {
    const documents = JSON.parse(text.slice(5)) as ParsedDocument[];
    return { file: opts.file, encoding: opts.encoding, gazette: null, documents, warnings: [{ line: 2, message: '标题跨行' }] };
  },
};
const upload = (name: string, docs: ParsedDocument[] | string) => ({
  name,
  dataBase64: Buffer.from(typeof docs === 'string' ? docs : `docs:${JSON.stringify(docs)}`).toString('base64'),
});

function setup() {
  const lib = testLibrary();
  // the library's own services, with file reading and parsing replaced by the fakes above
  return { ctx: lib.ctx, gazettes: lib.gazettes, imports: createImportService(lib.ctx, lib, fakeDeps) };
}

describe('import:parse', () => {
  it('reports a bad file with a clear message without affecting the other files', async () => {
    const { imports, ctx } = setup();
    const before = tableCounts(ctx);
    const [bad, empty, notBase64, good] = await imports.parse([
      upload('坏文件.bin', '\u0000\u0001garbage'),
      { name: '空.txt', dataBase64: '' },
      { name: '乱码.txt', dataBase64: '###' },
      upload('ok.txt', [A]),
    ]);
    expect(bad.error).toBe('文件“坏文件.bin”不是可识别的文本文件。');
    expect(empty.error).toMatch(/文件为空/);
    expect(notBase64.error).toMatch(/base64/);
    expect(good).toMatchObject({ error: null, encoding: 'utf-8', alreadyImported: false });
    expect(good.documents.map((d) => d.title)).toEqual([A.title]);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('warns about missing 文号, missing or too long validity, parse notes and likely duplicates', async () => {
    const { imports } = setup();
    imports.commit(BY, [commitFile('first.txt', [A])]);
    const [file] = await imports.parse([
      upload('x.txt', [
        parsedDoc({ title: '无文号的规范性文件', docNumber: null, lineStart: 1, lineEnd: 5 }),
        parsedDoc({ title: '某某暂行办法', docNumber: '招政发〔2022〕5号', dateSigned: '2022-01-01', validityClause: '有效期三年', validUntil: '2024-12-31' }),
        parsedDoc({ title: '某某办法', docNumber: '招政发〔2022〕6号', dateSigned: '2022-01-01', validityClause: '有效期五年', validUntil: '2026-12-31' }),
        { ...A, title: '招远市人民政府关于印发甲办法的通知（重排）' },
        parsedDoc({ title: '任免通知', docNumber: '招政任〔2022〕1号', isNormative: false, lineStart: 20, lineEnd: 30 }),
      ]),
    ]);
    const kinds = file.documents.map((d) => d.reviewWarnings.map((w) => w.kind).sort());
    expect(kinds[0]).toEqual(['no-doc-number', 'no-validity', 'parse']);
    expect(kinds[1]).toEqual(['validity-too-long']);
    expect(file.documents[1].reviewWarnings[0].message).toMatch(/超过2年/);
    expect(kinds[2]).toEqual([]);
    expect(kinds[3]).toEqual(['duplicate']);
    expect(file.documents[3].duplicateOf).toMatchObject({ docNumber: '招政发〔2022〕1号' });
    expect(kinds[4]).toEqual([]);
  });

  it('knows a file was imported before and flags a document twice in one batch', async () => {
    const { imports } = setup();
    const [first] = await imports.parse([upload('a.txt', [A])]);
    imports.commit(BY, [toCommitFile(first)]);
    const [again, copy] = await imports.parse([upload('a.txt', [A]), upload('copy.txt', [A, B, B])]);
    expect(again.alreadyImported).toBe(true);
    expect(copy.alreadyImported).toBe(false);
    expect(copy.documents[2].reviewWarnings.map((w) => w.message)).toContain('与本批次“copy.txt”中的文件重复。');
  });
});

describe('import:commit', () => {
  it('stores documents, relations, source file and audit rows, and emits the change', () => {
    const { imports, ctx } = setup();
    const summary = imports.commit(BY, [commitFile('a.txt', [A, B])]);
    expect(summary.created.map((c) => c.docNumber)).toEqual(['招政发〔2022〕1号', '招政办发〔2022〕2号']);
    expect(summary.skipped).toEqual([]);
    expect(summary.resolvedRelations).toBe(1);
    const counts = tableCounts(ctx);
    expect(counts).toMatchObject({ documents: 2, relations: 2, source_files: 1 });
    // 2 documents + 2 relations, each audited
    expect(counts.audit_log).toBe(4);
    expect(ctx.emitted).toHaveLength(1);
    expect(new Set(ctx.emitted[0].ids)).toEqual(new Set(summary.created.map((c) => c.id)));
  });

  it('adds nothing when the same file is imported again, and says which documents were there', () => {
    const { imports, ctx } = setup();
    const gazette = { title: '招远市人民政府公报', issueNumber: 1, totalNumber: null, year: 2022, publishDate: '2022-04-07', toc: [] };
    const first = imports.commit(BY, [commitFile('gazette.txt', [A, B], gazette)]);
    const before = tableCounts(ctx);
    const second = imports.commit(BY, [commitFile('gazette.txt', [A, B], gazette)]);
    expect(tableCounts(ctx)).toEqual(before);
    expect(second.created).toEqual([]);
    expect(second.gazettes).toEqual([]);
    expect(second.skipped.map((s) => s.id)).toEqual(first.created.map((c) => c.id));
    // A copy in another encoding (another hash) with the same text adds nothing either.
    imports.commit(BY, [commitFile('gazette-gbk.txt', [A, B], gazette)]);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('leaves the library untouched when one file of the batch is bad', () => {
    const { imports, ctx } = setup();
    imports.commit(BY, [commitFile('first.txt', [A])]);
    const before = tableCounts(ctx);
    const emitted = ctx.emitted.length;
    const bad = parsedDoc({ title: '坏日期', docNumber: '招政发〔2022〕9号', effectiveDate: '2022-05-01', validUntil: '2021-01-01' });
    expect(() => imports.commit(BY, [commitFile('good.txt', [B]), commitFile('bad.txt', [bad])])).toThrow(
      /文件“bad.txt”第1件《坏日期》：有效期截止日期（2021-01-01）早于施行日期（2022-05-01）/,
    );
    const badNumber = { ...B, docNumber: { raw: '乱写的文号', normalized: '乱写的文号', agency: '乱', year: 2022, serial: 1 } };
    expect(() => imports.commit(BY, [commitFile('bad2.txt', [badNumber])])).toThrow(/文号“乱写的文号”无法识别/);
    expect(tableCounts(ctx)).toEqual(before);
    expect(ctx.emitted.length).toBe(emitted);
  });

  it('stores a gazette issue with its contents in order, linked to the documents', () => {
    const { imports, gazettes } = setup();
    const toc = [
      { section: '【市政府文件】', title: '招远市人民政府关于印发甲办法的 通知', page: 1 },
      { section: '【市政府办公室文件】', title: '招远市人民政府办公室关于印发乙方案的通知', page: 5 },
      { section: '【人事任免】', title: '不在本文件中的任免通知', page: 9 },
    ];
    const gazette = { title: '招远市人民政府公报', issueNumber: 1, totalNumber: 12, year: 2022, publishDate: '2022-04-07', toc };
    const summary = imports.commit(BY, [commitFile('g.txt', [A, B], gazette)]);
    const detail = gazettes.get(summary.gazettes[0].id);
    expect(detail).toMatchObject({ title: '招远市人民政府公报', issueNumber: 1, totalNumber: 12, documentCount: 2 });
    expect(detail.entries.map((e) => [e.position, e.section, e.page, e.docNumber])).toEqual([
      [1, '【市政府文件】', 1, '招政发〔2022〕1号'],
      [2, '【市政府办公室文件】', 5, '招政办发〔2022〕2号'],
      [3, '【人事任免】', 9, null],
    ]);
    expect(gazettes.list().map((g) => g.id)).toEqual([detail.id]);
  });
});

describe('import:samples', () => {
  it('says clearly when the samples are missing', async () => {
    const { imports } = setup();
    await expect(imports.samples(BY)).rejects.toThrow(/未找到随程序提供的示例公报/);
  });
});
