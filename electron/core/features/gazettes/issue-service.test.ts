import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

const DOCS = [
  parsedDoc({ title: '高青县人民政府关于甲的通知', docNumber: '高政发〔2021〕1号', dateSigned: '2021-06-01', registrationNumber: 'GQDR-2021-0010001', validityClause: '有效期五年' }),
  parsedDoc({
    title: '高青县人民政府关于印发乙办法的通知',
    docNumber: '高政发〔2021〕2号',
    dateSigned: '2021-06-02',
    registrationNumber: 'GQDR-2021-0010002',
    effectiveClause: '本办法自公布之日起施行',
    effectiveDate: '2021-06-02',
    validityClause: '有效期三年',
    validUntil: '2024-06-01',
    body: ['第一条 为了乙，制定本办法。', '第九条 本办法自公布之日起施行，有效期三年。'],
  }),
  parsedDoc({ title: '高青县人民政府办公室关于丙的通知', docNumber: null, dateSigned: null, isNormative: true }),
  parsedDoc({ title: '高青县人民政府关于丁等同志职务任免的通知', docNumber: '高政任〔2021〕5号', dateSigned: '2021-06-05', isNormative: false }),
];

function setup() {
  const lib = testLibrary();
  lib.imports.commitParsed(BY, [commitFile('a.txt', DOCS)]);
  // every change made as BY, so the audit log can be checked for who made it
  const call: typeof lib.app.call = (channel, req) => lib.app.call(channel, req, BY);
  return { ...lib, call, idOf: (title: string) => lib.documents.all().find((d) => d.title.includes(title))!.id };
}

describe('gazettes', () => {
  it('makes a gazette with its own masthead and refuses a second one of the same title', async () => {
    const { call } = setup();
    const g = await call('gazette:create', { title: '高青县人民政府公报', sponsor: '高青县人民政府', postcode: '256300' });
    expect(g).toMatchObject({ title: '高青县人民政府公报', numberingStyle: 'year', sponsor: '高青县人民政府', coverColor: 'red' });
    expect(g.sections).toContain('【人事任免】');
    await expect(call('gazette:create', { title: '高青县人民政府公报' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已有名为') });
    await expect(call('gazette:create', { title: '某公报', postcode: '2563' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('邮编') });
  });

  it('an imported issue attaches to the gazette of its title, made on first sight; its numbering style is the gazette\'s', async () => {
    const { call, imports } = setup();
    imports.commitParsed(BY, [commitFile('g.txt', [parsedDoc({ title: '莱山区人民政府关于某事的通知' })], { title: '莱山区人民政府公报', year: 2021, issueNumber: 2, totalNumber: 20, publishDate: null, toc: [] })]);
    const [gz] = await call('gazette:all', {});
    expect(gz).toMatchObject({ title: '莱山区人民政府公报', numberingStyle: 'year', issueCount: 1 });
    expect((await call('gazettes:list', {}))[0]).toMatchObject({ gazetteId: gz.id, state: 'imported', label: '2021年第2期（总第20期）' });
    await call('gazette:update', { id: gz.id, patch: { numberingStyle: 'cumulative' } });
    expect((await call('gazettes:list', { gazetteId: gz.id }))[0].label).toBe('第2号（总第20号）');
  });
});

describe('issue numbering', () => {
  it('proposes the next 期号 of the year, starts again at 1 in a new year, and never resets the 总期号', async () => {
    const { call } = setup();
    const g = await call('gazette:create', { title: '莱山区人民政府公报', numberingStyle: 'cumulative' });
    const a = await call('issue:create', { gazetteId: g.id, publishDate: '2021-11-01', issueNumber: 11, totalNumber: 19 });
    expect(a).toMatchObject({ year: 2021, issueNumber: 11, totalNumber: 19, state: 'draft', label: '第11号（总第19号）' });
    const b = await call('issue:create', { gazetteId: g.id, publishDate: '2021-12-01' });
    expect(b).toMatchObject({ issueNumber: 12, totalNumber: 20 });
    expect(await call('issue:propose', { gazetteId: g.id, date: '2022-01-10' })).toEqual({ year: 2022, issueNumber: 1, totalNumber: 21 });
    const c = await call('issue:create', { gazetteId: g.id, publishDate: '2022-01-10' });
    expect(c).toMatchObject({ year: 2022, issueNumber: 1, totalNumber: 21, label: '第1号（总第21号）' });
  });

  it('a per-year gazette without 总期号 gets none, and a taken 期号 is refused', async () => {
    const { call } = setup();
    const g = await call('gazette:create', { title: '高青县人民政府公报' });
    const a = await call('issue:create', { gazetteId: g.id, publishDate: '2021-07-07', issueNumber: 3 });
    expect(a).toMatchObject({ totalNumber: null, label: '2021年第3期' });
    await expect(call('issue:create', { gazetteId: g.id, publishDate: '2021-08-01', issueNumber: 3 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2021年第3期'),
    });
    expect((await call('issue:create', { gazetteId: g.id, publishDate: '2021-08-01' })).issueNumber).toBe(4);
  });
});

describe('the contents of an issue', () => {
  async function issueWithDocs() {
    const s = setup();
    const g = await s.call('gazette:create', { title: '高青县人民政府公报', sections: ['【县政府文件】', '【县政府办公室文件】', '【人事任免】'] });
    const issue = await s.call('issue:create', { gazetteId: g.id, publishDate: '2021-07-07' });
    return { ...s, g, issue };
  }
  const order = (d: { entries: Array<{ section: string | null; title: string }> }) =>
    d.entries.map((e) => `${e.section}${e.title.replace(/^高青县人民政府(办公室)?关于(印发)?/, '').slice(0, 2)}`);

  it('adds documents into their section in the preset order, moves and removes them', async () => {
    const { call, idOf, issue } = await issueWithDocs();
    await call('issue:add', { id: issue.id, documentId: idOf('丁等同志'), section: '【人事任免】' });
    await call('issue:add', { id: issue.id, documentId: idOf('关于甲'), section: '【县政府文件】' });
    await call('issue:add', { id: issue.id, documentId: idOf('办公室关于丙'), section: '【县政府办公室文件】' });
    let d = await call('issue:add', { id: issue.id, documentId: idOf('乙办法'), section: '【县政府文件】' });
    expect(order(d)).toEqual(['【县政府文件】甲的', '【县政府文件】乙办', '【县政府办公室文件】丙的', '【人事任免】丁等']);
    await expect(call('issue:add', { id: issue.id, documentId: idOf('关于甲'), section: '【县政府文件】' })).rejects.toMatchObject({ code: 'CONFLICT' });

    d = await call('issue:move', { id: issue.id, documentId: idOf('乙办法'), to: 1 });
    expect(order(d).slice(0, 2)).toEqual(['【县政府文件】乙办', '【县政府文件】甲的']);
    d = await call('issue:reorder', {
      id: issue.id,
      order: d.entries.map((e) => ({ documentId: e.documentId!, section: e.section! })).reverse(),
    });
    expect(order(d)[0]).toBe('【人事任免】丁等');
    d = await call('issue:remove', { id: issue.id, documentId: idOf('关于甲') });
    expect(d.entries).toHaveLength(3);
    expect(d.entries.map((e) => e.position)).toEqual([1, 2, 3]);
    await expect(call('issue:reorder', { id: issue.id, order: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('issue:move', { id: issue.id, documentId: idOf('丁等同志'), to: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a document moved into the middle of another section joins it', async () => {
    const { call, idOf, issue } = await issueWithDocs();
    await call('issue:add', { id: issue.id, documentId: idOf('关于甲'), section: '【县政府文件】' });
    await call('issue:add', { id: issue.id, documentId: idOf('乙办法'), section: '【县政府文件】' });
    await call('issue:add', { id: issue.id, documentId: idOf('丁等同志'), section: '【人事任免】' });
    const d = await call('issue:move', { id: issue.id, documentId: idOf('丁等同志'), to: 2 });
    expect(d.entries.map((e) => e.section)).toEqual(['【县政府文件】', '【县政府文件】', '【县政府文件】']);
  });

  it('checks each document: 文号, 成文日期, 有效期 and 登记号 of normative documents, and other issues it was printed in', async () => {
    const { call, idOf, issue, g } = await issueWithDocs();
    for (const t of ['关于甲', '办公室关于丙', '丁等同志']) await call('issue:add', { id: issue.id, documentId: idOf(t), section: '【县政府文件】' });
    const earlier = await call('issue:create', { gazetteId: g.id, publishDate: '2021-06-07' });
    await call('issue:add', { id: earlier.id, documentId: idOf('关于甲'), section: '【县政府文件】' });
    await call('issue:publish', { id: earlier.id });
    const checks = await call('issue:checks', { id: issue.id });
    const byId = Object.fromEntries(checks.map((c) => [c.documentId, c]));
    expect(byId[idOf('关于甲')]).toMatchObject({ problems: [], alsoIn: [{ id: earlier.id, label: '高青县人民政府公报 2021年第2期' }] });
    expect(byId[idOf('办公室关于丙')].problems).toEqual(['缺少文号', '缺少成文日期', '规范性文件未写明有效期', '尚未登记（缺少登记号）']);
    expect(byId[idOf('丁等同志')].problems).toEqual([]);
  });
});

describe('publish and re-open', () => {
  it('publishing dates 自公布之日起 documents from the issue, fixes the issue, and re-opening is audited', async () => {
    const { call, idOf, documents, ctx, ...s } = setup();
    const g = await call('gazette:create', { title: '高青县人民政府公报' });
    const issue = await call('issue:create', { gazetteId: g.id, publishDate: '2021-07-07' });
    await call('issue:add', { id: issue.id, documentId: idOf('乙办法'), section: '【市政府文件】' });
    await call('issue:add', { id: issue.id, documentId: idOf('关于甲'), section: '【市政府文件】' });

    const { issue: published, updatedDocuments } = await call('issue:publish', { id: issue.id });
    expect(published.state).toBe('published');
    expect(updatedDocuments).toEqual([idOf('乙办法')]);
    const yi = documents.get(idOf('乙办法'));
    expect([yi.effectiveDate, yi.validUntil]).toEqual(['2021-07-07', '2024-07-06']);
    expect(documents.get(idOf('关于甲')).effectiveDate).toBeNull();
    // the status index follows the document service's update: in force from the publish date on
    expect(documents.detail(idOf('乙办法'), '2021-07-06').status).toBe('尚未生效');
    expect(documents.detail(idOf('乙办法'), '2021-07-07').status).toBe('现行有效');
    const derived = s.audit.documentHistory(idOf('乙办法')).filter((h) => h.action === 'document.dates-derived');
    expect(derived).toHaveLength(1);
    expect(derived[0]).toMatchObject({
      actor: BY.user,
      before: { effectiveDate: '2021-06-02', validUntil: '2024-06-01' },
      after: { effectiveDate: '2021-07-07', validUntil: '2024-07-06', cause: { kind: 'gazette', id: issue.id, label: '《高青县人民政府公报》2021年第1期' } },
    });

    await expect(call('issue:add', { id: issue.id, documentId: idOf('丁等同志'), section: '【人事任免】' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('重新打开'),
    });
    await expect(call('issue:update', { id: issue.id, publishDate: '2021-07-08' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('issue:reopen', { id: issue.id, reason: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('理由') });
    const reopened = await call('issue:reopen', { id: issue.id, reason: '补登人事任免' });
    expect(reopened.state).toBe('draft');
    const log = ctx.db.prepare("SELECT action, after FROM audit_log WHERE entity = 'gazette' AND entity_id = ? ORDER BY id").all(issue.id) as { action: string; after: string }[];
    expect(log.map((l) => l.action)).toEqual(['gazette.create', 'gazette.add', 'gazette.add', 'gazette.publish', 'gazette.reopen']);
    expect(JSON.parse(log[4].after)).toMatchObject({ reason: '补登人事任免', revertedDocuments: [idOf('乙办法')] });
    // re-opening puts the derived dates back, named in the history with the issue and the reason
    const back = documents.get(idOf('乙办法'));
    expect([back.effectiveDate, back.validUntil]).toEqual(['2021-06-02', '2024-06-01']);
    expect(s.audit.documentHistory(idOf('乙办法')).at(-1)).toMatchObject({
      action: 'document.dates-reverted',
      after: { effectiveDate: '2021-06-02', cause: { id: issue.id, reason: '重新打开：补登人事任免' } },
    });

    // a later publish date moves the dates again
    await call('issue:update', { id: issue.id, publishDate: '2021-07-09' });
    await call('issue:publish', { id: issue.id });
    expect(documents.get(idOf('乙办法')).validUntil).toBe('2024-07-08');
  });

  it('refuses to publish an empty issue and an imported issue without a date, and enters that date', async () => {
    const { call, imports } = setup();
    const g = await call('gazette:create', { title: '高青县人民政府公报' });
    const empty = await call('issue:create', { gazetteId: g.id, publishDate: '2021-07-07' });
    await expect(call('issue:publish', { id: empty.id })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('没有收录') });
    imports.commitParsed(BY, [commitFile('z.txt', [parsedDoc({ title: '招远市人民政府关于某事的通知' })], { title: '招远市人民政府公报', year: 2022, issueNumber: 1, totalNumber: null, publishDate: null, toc: [] })]);
    const imported = (await call('gazettes:list', {})).find((i) => i.title === '招远市人民政府公报')!;
    await expect(call('issue:publish', { id: imported.id })).rejects.toMatchObject({ message: expect.stringContaining('出版日期') });
    expect((await call('issue:update', { id: imported.id, publishDate: '2022-04-07' })).publishDate).toBe('2022-04-07');
  });

  it('never re-dates a document published before or dated by hand; shows what it would change before it commits', async () => {
    const { call, idOf, documents, imports, ...s } = setup();
    // 戊 was printed in 2022 (an imported issue): 自公布之日起施行, 有效期五年, dated from that publication
    imports.commitParsed(BY, [
      commitFile(
        'old.txt',
        [
          parsedDoc({
            title: '高青县人民政府关于印发戊办法的通知', docNumber: '高政发〔2022〕3号', dateSigned: '2022-03-01', effectiveClause: '本办法自公布之日起施行',
            effectiveDate: '2022-03-01', validityClause: '有效期五年', validUntil: '2027-02-28', body: ['本办法自公布之日起施行，有效期五年。'],
          }),
        ],
        { title: '高青县人民政府公报', year: 2022, issueNumber: 2, totalNumber: null, publishDate: '2022-03-10', toc: [] },
      ),
    ]);
    const g = (await call('gazette:all', {}))[0];
    // a person fixed 乙's 施行日期 by hand (equal to its 成文日期 — still a person's decision)
    documents.update(BY, idOf('乙办法'), { effectiveDate: '2021-06-03' });
    documents.update(BY, idOf('乙办法'), { effectiveDate: '2021-06-02' });
    const issue = await call('issue:create', { gazetteId: g.id, publishDate: '2026-03-01' });
    for (const t of ['戊办法', '乙办法']) await call('issue:add', { id: issue.id, documentId: idOf(t), section: '【市政府文件】' });

    const effects = await call('issue:date-effects', { id: issue.id });
    expect(effects.derive).toEqual([]);
    expect(effects.kept.map((k) => [k.documentId, k.reason])).toEqual([
      [idOf('戊办法'), expect.stringContaining('已在高青县人民政府公报 2022年第2期公布')],
      [idOf('乙办法'), expect.stringContaining('已由人工确定')],
    ]);
    const r = await call('issue:publish', { id: issue.id });
    expect(r.derived).toEqual([]);
    const wu = documents.get(idOf('戊办法'));
    expect([wu.effectiveDate, wu.validUntil]).toEqual(['2022-03-01', '2027-02-28']);
    expect(documents.detail(idOf('戊办法'), '2026-03-02').status).toBe('现行有效');
    expect(s.audit.documentHistory(idOf('戊办法')).map((h) => h.action)).toEqual(['document.create']);
  });

  it('the preview of a draft is exactly what publishing derives; removing the document after re-opening leaves its dates as they were', async () => {
    const { call, idOf, documents } = setup();
    const g = await call('gazette:create', { title: '高青县人民政府公报' });
    const issue = await call('issue:create', { gazetteId: g.id, publishDate: '2021-07-07' });
    await call('issue:add', { id: issue.id, documentId: idOf('乙办法'), section: '【市政府文件】' });
    await call('issue:add', { id: issue.id, documentId: idOf('关于甲'), section: '【市政府文件】' });
    const preview = await call('issue:date-effects', { id: issue.id });
    expect(preview.derive).toEqual([
      {
        documentId: idOf('乙办法'), title: '高青县人民政府关于印发乙办法的通知', docNumber: '高政发〔2021〕2号',
        before: { effectiveDate: '2021-06-02', validUntil: '2024-06-01' }, after: { effectiveDate: '2021-07-07', validUntil: '2024-07-06' },
      },
    ]);
    const r = await call('issue:publish', { id: issue.id });
    expect(r.derived).toEqual(preview.derive);
    expect((await call('issue:date-effects', { id: issue.id })).revert.map((d) => d.after)).toEqual([{ effectiveDate: '2021-06-02', validUntil: '2024-06-01' }]);
    await call('issue:reopen', { id: issue.id, reason: '撤下乙办法' });
    await call('issue:remove', { id: issue.id, documentId: idOf('乙办法') });
    await call('issue:publish', { id: issue.id });
    const yi = documents.get(idOf('乙办法'));
    expect([yi.effectiveDate, yi.validUntil]).toEqual(['2021-06-02', '2024-06-01']);
  });
});
