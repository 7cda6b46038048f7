import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract';
import { DocumentQuery } from '../../../../shared/contract/documents';
import type { ParsedDocument, ParseResult } from '../../../../shared/domain/parse-result';
import { parseText } from '../../../../shared/parse';
import { AppError } from '../../kernel/errors';
import { createImportService, type ImportOptions } from './import-service';
import { BY, commitFile, parsedDoc, tableCounts, testLibrary } from '../../test-support/fixtures';

const A = parsedDoc({ title: '招远市人民政府关于印发甲办法的通知', docNumber: '招政发〔2022〕1号', dateSigned: '2022-01-05', validityClause: '有效期五年', validUntil: '2027-01-04' });
const B = parsedDoc({
  title: '招远市人民政府办公室关于印发乙方案的通知',
  docNumber: '招政办发〔2022〕2号',
  dateSigned: '2022-02-01',
  cites: ['招政发〔2022〕1号', '鲁政办发〔2020〕9号'],
});
/** 有效期 ends before 施行 as printed (issue 16). */
const BAD_DATES = parsedDoc({ title: '坏日期', docNumber: '招政发〔2022〕9号', dateSigned: '2022-04-01', effectiveDate: '2022-05-01', validUntil: '2021-01-01' });

/** Files are "read" from their bytes: `docs:<json>` parses into those documents; anything else fails. */
const extract: ImportOptions['extract'] = async (name, bytes) => {
  const text = Buffer.from(bytes).toString('utf8');
  if (!text.startsWith('docs:')) throw new AppError('INVALID_INPUT', `文件“${name}”不是可识别的文本文件。`);
  const documents = JSON.parse(text.slice(5)) as ParsedDocument[];
  const result: ParseResult = { file: name, encoding: 'utf-8', gazette: null, documents, warnings: [{ line: 2, message: '标题跨行' }] };
  return { encoding: 'utf-8', note: null, text: '', result };
};
const upload = (name: string, docs: ParsedDocument[] | string) => ({
  name,
  dataBase64: Buffer.from(typeof docs === 'string' ? docs : `docs:${JSON.stringify(docs)}`).toString('base64'),
});

function setup(options: Omit<ImportOptions, 'extract'> = {}) {
  const lib = testLibrary();
  // the library's own services, with file reading and parsing replaced by the fake above
  return { ctx: lib.ctx, documents: lib.documents, gazettes: lib.gazettes, imports: createImportService(lib.ctx, lib, { extract, ...options }) };
}

/** Parses files and commits every document as extracted. */
async function importAll(imports: ReturnType<typeof setup>['imports'], files: Array<ReturnType<typeof upload>>) {
  return imports.commitAll(BY, await imports.parse(files));
}

describe('import:parse', () => {
  it('reads base64 sent wrapped in lines or without padding like the same file sent in one line', async () => {
    const { imports } = setup();
    const one = upload('一行.txt', [A]);
    const wrapped = { name: '分行.txt', dataBase64: one.dataBase64.replace(/.{1,76}/g, '$&\r\n') };
    const unpadded = { name: '无填充.txt', dataBase64: one.dataBase64.replace(/=+$/, '') };
    const parsed = await imports.parse([one, wrapped, unpadded]);
    expect(parsed.map((p) => [p.error, p.sha256, p.documents.map((d) => d.title)])).toEqual(parsed.map(() => [null, parsed[0].sha256, [A.title]]));
  });

  it('reports a bad file with a clear message without affecting the other files, and stages the good one', async () => {
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
    expect([bad.stagedId, empty.stagedId, notBase64.stagedId]).toEqual([null, null, null]);
    expect(good).toMatchObject({ error: null, encoding: 'utf-8', alreadyImported: false, stagedId: expect.any(String) });
    expect(good.documents.map((d) => d.title)).toEqual([A.title]);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses a file over the upload limit, naming the limit', async () => {
    const { imports } = setup({ limits: { ...(await import('./limits')).DEFAULT_PARSE_LIMITS, maxFileBytes: 10 } });
    const [big] = await imports.parse([upload('大.txt', [A])]);
    expect(big.error).toMatch(/文件过大（0 MB）：单个文件不能超过 10 MB/);
  });

  it('warns about missing 文号, missing or too long validity, contradicting dates, parse notes and likely duplicates', async () => {
    const { imports } = setup();
    imports.commitParsed(BY, [commitFile('first.txt', [A])]);
    const [file] = await imports.parse([
      upload('x.txt', [
        parsedDoc({ title: '无文号的规范性文件', docNumber: null, lineStart: 1, lineEnd: 5 }),
        parsedDoc({ title: '某某暂行办法', docNumber: '招政发〔2022〕5号', dateSigned: '2022-01-01', validityClause: '有效期三年', validUntil: '2024-12-31' }),
        parsedDoc({ title: '某某办法', docNumber: '招政发〔2022〕6号', dateSigned: '2022-01-01', validityClause: '有效期五年', validUntil: '2026-12-31' }),
        { ...A, title: '招远市人民政府关于印发甲办法的通知（重排）' },
        parsedDoc({ title: '任免通知', docNumber: '招政任〔2022〕1号', isNormative: false, lineStart: 20, lineEnd: 30 }),
        { ...BAD_DATES, validityClause: '有效期至2021年1月1日' },
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
    expect(kinds[5]).toEqual(['inconsistent-dates']);
    expect(file.documents[5].reviewWarnings[0].message).toBe('有效期截止日期（2021-01-01）早于施行日期（2022-05-01），将按原文保存并标记待核对。');
  });

  it('validity warnings follow the issuer province’s rule and cite it; Yunnan documents are not told Shandong’s', async () => {
    const { imports } = setup();
    const [file] = await imports.parse([
      upload('rules.txt', [
        parsedDoc({ title: '招远无有效期的办法', docNumber: '招政发〔2022〕7号', lineStart: 1, lineEnd: 5 }),
        parsedDoc({ title: '昆明无有效期的办法', issuers: ['昆明市人民政府'], docNumber: '昆政发〔2022〕7号', lineStart: 6, lineEnd: 10 }),
        parsedDoc({ title: '云南十年的办法', issuers: ['云南省人民政府'], docNumber: '云政发〔2022〕7号', dateSigned: '2022-01-01', validityClause: '有效期十年', validUntil: '2031-12-31' }),
      ]),
    ]);
    const [sd, km, yn] = file.documents.map((d) => d.reviewWarnings.filter((w) => w.kind !== 'parse'));
    expect(sd).toEqual([{ kind: 'no-validity', message: '规范性文件未写明有效期（依山东省行政程序规定第五十三条，应为3至5年），请核对。' }]);
    expect(km).toEqual([]);
    expect(yn).toEqual([]);
    expect(JSON.stringify(file.documents)).not.toContain('山东省规定');
  });

  it('an untitled document is flagged for completing or skipping, and is no duplicate of another untitled one', async () => {
    const { imports } = setup();
    const [file] = await imports.parse([
      upload('untitled.txt', [
        parsedDoc({ title: '', docNumber: null, isNormative: false, lineStart: 1, lineEnd: 5 }),
        parsedDoc({ title: '', docNumber: null, isNormative: false, lineStart: 6, lineEnd: 10 }),
      ]),
    ]);
    for (const d of file.documents) {
      expect(d.reviewWarnings.map((w) => w.kind)).toContain('no-title');
      expect(d.reviewWarnings.map((w) => w.kind)).not.toContain('duplicate');
    }
  });

  it('knows a file was imported before and flags a document twice in one batch', async () => {
    const { imports } = setup();
    await importAll(imports, [upload('a.txt', [A])]);
    const [again, copy] = await imports.parse([upload('a.txt', [A]), upload('copy.txt', [A, B, B])]);
    expect(again.alreadyImported).toBe(true);
    expect(copy.alreadyImported).toBe(false);
    expect(copy.documents[2].reviewWarnings.map((w) => w.message)).toContain('与本批次“copy.txt”中的文件重复。');
  });
});

describe('import:commit (staged)', () => {
  it('stores what the service parsed: a body, hash or size sent by the client is never used', async () => {
    const { imports, ctx, documents } = setup();
    const [parsed] = await imports.parse([upload('a.txt', [A, B])]);
    const req = contract['import:commit'].req.parse({
      files: [{ stagedId: parsed.stagedId, gazette: null, documents: [{ index: 0, body: ['篡改的正文'], sha256: 'f'.repeat(64) }, { index: 1 }] }],
    });
    expect(req.files[0].documents[0]).toEqual({ index: 0 });
    const summary = imports.commit(BY, req.files);
    expect(summary.created.map((c) => c.docNumber)).toEqual(['招政发〔2022〕1号', '招政办发〔2022〕2号']);
    expect(documents.get(summary.created[0].id).body).toEqual(A.body);
    const source = ctx.db.prepare('SELECT sha256, size FROM source_files').get() as { sha256: string; size: number };
    expect(source).toEqual({ sha256: parsed.sha256, size: parsed.size });
  });

  it("applies the person's corrections and refuses only the document whose correction is invalid", async () => {
    const { imports, ctx } = setup();
    const [parsed] = await imports.parse([upload('a.txt', [A, B, BAD_DATES])]);
    const summary = imports.commit(BY, [
      {
        stagedId: parsed.stagedId!,
        gazette: null,
        documents: [
          { index: 0, title: '招远市人民政府关于印发甲办法（修订）的通知', docNumber: '招政发〔2022〕01号' },
          { index: 1, docNumber: '乱写的文号' },
          { index: 2, validUntil: '2021-02-01' },
        ],
      },
    ]);
    expect(summary.created).toEqual([{ id: expect.any(String), title: '招远市人民政府关于印发甲办法（修订）的通知', docNumber: '招政发〔2022〕1号' }]);
    expect(summary.refused).toEqual([
      { file: 'a.txt', title: B.title, reason: expect.stringMatching(/文件“a.txt”第2件.*文号“乱写的文号”无法识别/) },
      { file: 'a.txt', title: '坏日期', reason: '文件“a.txt”第3件《坏日期》：有效期截止日期（2021-02-01）早于施行日期（2022-05-01），请检查。' },
    ]);
    expect(tableCounts(ctx).documents).toBe(1);
    // The file stays staged: the refused documents can be corrected and saved again.
    const again = imports.commit(BY, [{ stagedId: parsed.stagedId!, gazette: null, documents: [{ index: 1 }, { index: 2, validUntil: '2027-04-30' }] }]);
    expect(again.created.map((c) => c.title)).toEqual([B.title, '坏日期']);
    expect(again.refused).toEqual([]);
  });

  it('stores a document whose printed dates contradict each other as printed, flagged; one bad file never fails the batch', async () => {
    const { imports, documents } = setup();
    const files = [upload('good.txt', [A]), upload('broken.bin', 'not a document'), upload('bad-dates.txt', [BAD_DATES, B])];
    const parsed = await imports.parse(files);
    const summary = imports.commitAll(BY, parsed);
    expect(summary.created.map((c) => c.title)).toEqual([A.title, '坏日期', B.title]);
    expect(summary.flagged).toEqual([
      { id: summary.created[1].id, title: '坏日期', docNumber: '招政发〔2022〕9号', reason: '有效期截止日期（2021-01-01）早于施行日期（2022-05-01），按原文保存，请核对。' },
    ]);
    const stored = documents.get(summary.created[1].id);
    expect([stored.effectiveDate, stored.validUntil]).toEqual(['2022-05-01', '2021-01-01']);
    expect(imports.flags()).toEqual([expect.objectContaining({ documentId: stored.id, kind: 'validity-before-start' })]);
    // A person's edit is still checked strictly; one that makes the dates agree clears the flag.
    expect(() => documents.update(BY, stored.id, { title: '坏日期（改）' })).toThrow(/有效期截止日期（2021-01-01）早于施行日期/);
    documents.update(BY, stored.id, { validUntil: '2027-04-30' });
    expect(imports.flags()).toEqual([]);
  });

  it('says which file to parse again when its staged parse expired or was evicted', async () => {
    let now = 0;
    const { imports } = setup({ staging: { maxFiles: 2, ttlMs: 1000, now: () => now } });
    const [first] = await imports.parse([upload('first.txt', [A])]);
    now = 2000;
    const [second, third, fourth] = await imports.parse([upload('second.txt', [B]), upload('third.txt', [BAD_DATES]), upload('fourth.txt', [parsedDoc({ title: '丁' })])]);
    const summary = imports.commit(BY, [first, second, third, fourth].map((f) => ({ stagedId: f.stagedId!, gazette: null, documents: [{ index: 0 }] })));
    expect(summary.refused).toEqual([
      { file: 'first.txt', title: null, reason: '文件“first.txt”未保存：解析结果已过期（解析后超过数小时未保存），请重新解析该文件后再保存。' },
      { file: 'second.txt', title: null, reason: '文件“second.txt”未保存：解析结果已被清理（暂存的解析结果过多），请重新解析该文件后再保存。' },
    ]);
    expect(summary.created.map((c) => c.title)).toEqual(['坏日期', '丁']);
    const twice = imports.commit(BY, [{ stagedId: fourth.stagedId!, gazette: null, documents: [{ index: 0 }] }]);
    expect(twice.refused[0].reason).toMatch(/已经保存过.*请重新解析/);
  });

  it('adds nothing when the same file is imported again, and says which documents were there', async () => {
    const { imports, ctx } = setup();
    const first = await importAll(imports, [upload('gazette.txt', [A, B])]);
    const before = tableCounts(ctx);
    const second = await importAll(imports, [upload('gazette.txt', [A, B])]);
    expect(tableCounts(ctx)).toEqual(before);
    expect(second.created).toEqual([]);
    expect(second.skipped.map((s) => s.id)).toEqual(first.created.map((c) => c.id));
  });
});

describe('commitParsed (trusted, not on the contract)', () => {
  it('stores documents, relations, source file and audit rows, and emits the change', () => {
    const { imports, ctx } = setup();
    const summary = imports.commitParsed(BY, [commitFile('a.txt', [A, B])]);
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

  it('a 政府令 that abolishes and amends 规章 by item lists: the amended 规章 shows 已修改, the abolished 已废止 (issue 24)', () => {
    const { imports, documents } = setup();
    const rule = (title: string, docNumber: string) => parsedDoc({ title, docNumber, issuers: ['某某市人民政府'], kind: '办法', dateSigned: '2012-04-01' });
    imports.commitParsed(BY, [commitFile('rules.txt', [rule('某某市物业管理办法', '某某市人民政府令第40号'), rule('某某市城市绿化管理办法', '某某市人民政府令第12号')])]);
    const text = [
      '某某市人民政府令',
      '第25号',
      '《某某市人民政府关于废止和修改部分市政府规章的决定》已经2021年6月1日市人民政府第10次常务会议通过，现予公布，自公布之日起施行。',
      '市长 张三',
      '2021年6月10日',
      '某某市人民政府关于废止和修改部分市政府规章的决定',
      '经清理，市政府决定废止1件、修改1件市政府规章。一、废止以下市政府规章：1.某某市城市绿化管理办法（2005年3月1日市人民政府令第12号公布，根据2010年5月1日市人民政府令第30号修正）二、修改以下市政府规章：1.某某市物业管理办法（2012年4月1日市人民政府令第40号公布）将第五条修改为：“……”本决定自公布之日起施行。',
    ].join('\n');
    const decision = parseText(text, { file: 'decision.txt', encoding: 'utf-8' }).documents;
    expect(decision.map((d) => d.title)).toEqual(['某某市人民政府关于废止和修改部分市政府规章的决定']);
    const summary = imports.commitParsed(BY, [commitFile('decision.txt', decision)]);
    expect(summary.resolvedRelations).toBe(2);
    const status = (title: string) => {
      const row = documents.list(DocumentQuery.parse({ q: title })).rows.find((r) => r.title === title)!;
      return documents.detail(row.id, '2021-07-01');
    };
    expect(status('某某市物业管理办法')).toMatchObject({ status: '已修改', incoming: [{ type: 'amends' }] });
    expect(status('某某市城市绿化管理办法')).toMatchObject({ status: '已废止', incoming: [{ type: 'abolishes' }] });
  });

  it('a copy in another encoding (another hash) with the same text adds nothing', () => {
    const { imports, ctx } = setup();
    const gazette = { title: '招远市人民政府公报', issueNumber: 1, totalNumber: null, year: 2022, publishDate: '2022-04-07', toc: [] };
    imports.commitParsed(BY, [commitFile('gazette.txt', [A, B], gazette)]);
    const before = tableCounts(ctx);
    const again = imports.commitParsed(BY, [commitFile('gazette-gbk.txt', [A, B], gazette)]);
    expect(tableCounts(ctx)).toEqual(before);
    expect(again.gazettes).toEqual([]);
  });

  it('refuses a document with an unreadable 文号 and stores the rest of the batch', () => {
    const { imports, ctx } = setup();
    const badNumber = { ...B, docNumber: { raw: '乱写的文号', normalized: '乱写的文号', agency: '乱', year: 2022, serial: 1 } };
    const emitted = ctx.emitted.length;
    const summary = imports.commitParsed(BY, [commitFile('good.txt', [A]), commitFile('bad2.txt', [badNumber])]);
    expect(summary.refused).toEqual([{ file: 'bad2.txt', title: B.title, reason: expect.stringMatching(/文号“乱写的文号”无法识别/) }]);
    expect(tableCounts(ctx).documents).toBe(1);
    expect(ctx.emitted.length).toBe(emitted + 1);
  });

  it('stores a gazette issue with its contents in order, linked to the documents', () => {
    const { imports, gazettes } = setup();
    const toc = [
      { section: '【市政府文件】', title: '招远市人民政府关于印发甲办法的 通知', page: 1 },
      { section: '【市政府办公室文件】', title: '招远市人民政府办公室关于印发乙方案的通知', page: 5 },
      { section: '【人事任免】', title: '不在本文件中的任免通知', page: 9 },
    ];
    const gazette = { title: '招远市人民政府公报', issueNumber: 1, totalNumber: 12, year: 2022, publishDate: '2022-04-07', toc };
    const summary = imports.commitParsed(BY, [commitFile('g.txt', [A, B], gazette)]);
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

describe('an imported issue keeps 号 or 期 as printed', () => {
  it('第2号（总第20号） stays 号 (a new gazette numbered so); 2021年第3期 stays 期; a defined gazette keeps its setting', () => {
    const { imports, gazettes } = setup();
    const hao = { title: '烟台市莱山区人民政府公报', issueNumber: 2, totalNumber: 20, year: 2021, publishDate: '2021-07-07', toc: [], issueUnit: '号' as const };
    const qi = { title: '高青县人民政府公报', issueNumber: 3, totalNumber: null, year: 2021, publishDate: '2021-07-07', toc: [], issueUnit: '期' as const };
    const [a, b] = imports.commitParsed(BY, [commitFile('000.txt', [A], hao), commitFile('004.txt', [B], qi)]).gazettes;
    expect(gazettes.get(a.id).label).toBe('第2号（总第20号）');
    expect(gazettes.get(b.id).label).toBe('2021年第3期');
    // a later 期-less import of the same gazette does not change how it is numbered
    const again = imports.commitParsed(BY, [commitFile('000b.txt', [parsedDoc({ title: '另一件', docNumber: null })], { ...hao, issueNumber: 3, totalNumber: 21, issueUnit: undefined })]).gazettes[0];
    expect(gazettes.get(again.id).label).toBe('第3号（总第21号）');
  });
});

describe('import:samples', () => {
  it('says clearly when the samples are missing', async () => {
    const { imports } = setup();
    await expect(imports.samples(BY)).rejects.toThrow(/未找到随程序提供的示例公报/);
  });
});

describe('import durability', () => {
  it('commits an import with synchronous=FULL (it survives a power failure once acknowledged)', () => {
    const lib = testLibrary();
    const { imports } = lib.app.services;
    const db = lib.app.ctx.db;
    const during: unknown[] = [];
    const original = db.transaction.bind(db);
    db.transaction = ((fn: (...a: unknown[]) => unknown) => original((...a: unknown[]) => { during.push(db.pragma('synchronous', { simple: true })); return fn(...a); })) as typeof db.transaction;
    imports.commitParsed(BY, [commitFile('durable.txt', [A])]);
    db.transaction = original;
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during)).toEqual(new Set([2]));
    expect(db.pragma('synchronous', { simple: true })).not.toBe(2);
  });
});
