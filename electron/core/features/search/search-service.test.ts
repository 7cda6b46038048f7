import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { SearchRequest, SearchResults } from '../../../../shared/contract/search';
import { openSearchLibrary, type SearchLibrary as App } from '../../test-support/search-library';

type SearchRequestInput = z.input<typeof SearchRequest>;

interface DocInput {
  id: string;
  title: string;
  docNumber?: string | null;
  issuers?: string[];
  dateSigned?: string | null;
  kind?: string | null;
  normative?: boolean;
  validUntil?: string | null;
  body: string[];
}

let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

function open(): App {
  app = openSearchLibrary({ dataDir: ':memory:', now: () => new Date('2026-11-22T12:00:00'), log: { info() {}, error() {} } });
  return app;
}

function insert(a: App, d: DocInput): void {
  const dn = d.docNumber ? /^(.+?)〔(\d{4})〕(\d+)号$/.exec(d.docNumber) : null;
  a.ctx.db
    .prepare(
      `INSERT INTO documents (id, title, doc_number_raw, doc_number, doc_agency, doc_year, doc_serial, issuers, date_signed, kind,
         is_normative, valid_until, body, content_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')`,
    )
    .run(
      d.id,
      d.title,
      d.docNumber ?? null,
      d.docNumber ?? null,
      dn?.[1] ?? null,
      dn ? Number(dn[2]) : null,
      dn ? Number(dn[3]) : null,
      JSON.stringify(d.issuers ?? ['招远市人民政府']),
      d.dateSigned ?? null,
      d.kind ?? '通知',
      d.normative === false ? 0 : 1,
      d.validUntil ?? null,
      JSON.stringify(d.body),
      `hash-${d.id}`,
    );
}

function library(): App {
  const a = open();
  insert(a, {
    id: 'old',
    title: '招远市人民政府关于印发招远市城区居民养犬管理办法的通知',
    docNumber: '招政发〔2018〕27号',
    dateSigned: '2018-05-02',
    body: ['为加强城区养犬管理，制定本办法。', '本办法自印发之日起施行。'],
  });
  insert(a, {
    id: 'new',
    title: '招远市人民政府办公室关于贯彻《烟台市养犬管理条例》的实施意见',
    docNumber: '招政办发〔2022〕3号',
    dateSigned: '2022-02-07',
    issuers: ['招远市人民政府办公室'],
    // A hard line break and a space inside the cited 文号, as extracted from a PDF.
    body: ['本意见自印发之日起施行，《招远市人民政府关于印发招远市城区居民养犬管理办法的通知》(招政发〔2018〕', '27 号)同时废止。'],
  });
  insert(a, {
    id: 'gold',
    title: '招远市人民政府关于印发《关于加快黄金深加工产业发展的扶持意见》的通知',
    docNumber: '招政发〔2022〕1号',
    dateSigned: '2022-01-10',
    body: ['为推动黄金产业高质量发展，现提出如下扶持意见。', '对黄金深加工企业给予奖励。'],
  });
  insert(a, {
    id: 'staff',
    title: '高青县人民政府关于王某某等同志任免职务的通知',
    docNumber: '高政任〔2021〕5号',
    dateSigned: '2021-06-30',
    issuers: ['高青县人民政府'],
    kind: '任免',
    normative: false,
    body: ['任命王某某为县财政局局长；', '免去李某某的县财政局局长职务。'],
  });
  a.ctx.db
    .prepare("INSERT INTO relations (type, source_id, target_id, target_doc_number, created_at) VALUES ('abolishes', 'new', 'old', '招政发〔2018〕27号', '2026-01-01')")
    .run();
  return a;
}

const ids = (r: { results: Array<{ id: string }> }) => r.results.map((x) => x.id);

describe('search', () => {
  it('finds a 文号 in any spelling: the document that has it and the one that abolishes it', async () => {
    const a = library();
    for (const q of ['招政发[2018]27号', '招政发（2018）027号', '招政发 〔2018〕 27 号', '招政发【2018】27号']) {
      const r = await a.call('search:query', { text: q });
      expect(ids(r).sort(), q).toEqual(['new', 'old']);
      expect(r.results[0].id, 'the exact 文号 comes first').toBe('old');
    }
    const r = await a.call('search:query', { text: '招政发[2018]27号' });
    const citing = r.results.find((x) => x.id === 'new')!;
    expect(citing.matchedIn).toContain('body');
    const [snippet] = citing.snippets;
    const [[s, e]] = citing.snippetMatches[0];
    expect(snippet.slice(s, e)).toBe('招政发〔2018〕27号');
  });

  it('ignores line breaks and spaces between Chinese characters, and full-width forms', async () => {
    const a = open();
    insert(a, { id: 'x', title: '关于 做好 工作的通知', body: ['加快黄金深加', '工产业发展，ＡＢＣ公司'] });
    expect(ids(await a.call('search:query', { text: '黄金深加工产业' }))).toEqual(['x']);
    expect(ids(await a.call('search:query', { text: '做好工作' }))).toEqual(['x']);
    expect(ids(await a.call('search:query', { text: 'abc公司' }))).toEqual(['x']);
  });

  it('all terms must match; phrases, exclusions and field prefixes narrow the result', async () => {
    const a = library();
    expect(ids(await a.call('search:query', { text: '养犬 废止' }))).toEqual(['new']);
    expect(ids(await a.call('search:query', { text: '"养犬管理办法"' })).sort()).toEqual(['new', 'old']);
    expect(ids(await a.call('search:query', { text: '养犬 -废止' }))).toEqual(['old']);
    expect(ids(await a.call('search:query', { text: '标题:养犬管理条例' }))).toEqual(['new']);
    expect(ids(await a.call('search:query', { text: '正文:养犬管理办法' }))).toEqual(['new']);
    expect(ids(await a.call('search:query', { text: '标题:养犬管理办法' }))).toEqual(['old']);
    expect(ids(await a.call('search:query', { text: '文号:高政任' }))).toEqual(['staff']);
    expect(ids(await a.call('search:query', { text: '机关:办公室' }))).toEqual(['new']);
    expect(ids(await a.call('search:query', { text: '机关：高青' }))).toEqual(['staff']);
  });

  it('finds 1- and 2-character queries exactly, also with a field prefix', async () => {
    const a = library();
    expect(ids(await a.call('search:query', { text: '犬' })).sort()).toEqual(['new', 'old']);
    expect(ids(await a.call('search:query', { text: '黄金' }))).toEqual(['gold']);
    expect(ids(await a.call('search:query', { text: '任命' }))).toEqual(['staff']);
    expect(ids(await a.call('search:query', { text: '标题:扶持' }))).toEqual(['gold']);
    expect((await a.call('search:query', { text: '鲸' })).total).toBe(0);
    // Short terms in titles ignore case beyond ASCII too (Latin with accents, Cyrillic, full-width letters).
    insert(a, { id: 'cased', title: 'Étude与Жк规划', body: ['正文。'] });
    insert(a, { id: 'wide', title: 'ＡＢ规划', body: ['正文。'] });
    for (const q of ['ét', 'жк', 'ÉT', 'Жк']) expect(ids(await a.call('search:query', { text: `标题:${q}` })), q).toEqual(['cased']);
    for (const q of ['ab', 'Ａb']) expect(ids(await a.call('search:query', { text: `标题:${q}` })), q).toEqual(['wide']);
    // Two documents one after the other: a term never runs from the end of one title into the next.
    insert(a, { id: 'end', title: '关于加强管理的通知甲', body: ['正文。'] });
    insert(a, { id: 'start', title: '乙类事项办法', body: ['正文。'] });
    expect((await a.call('search:query', { text: '标题:甲乙' })).total).toBe(0);
    expect(ids(await a.call('search:query', { text: '标题:甲' }))).toEqual(['end']);
  });

  it('answers malformed queries with results or a clear notice, never an error', async () => {
    const a = library();
    for (const q of ['"', '-', '标题:', '+ ~ ^', '婴幼儿~', '养犬^2', '婴幼儿:', '""', '-养犬', '{title}:x', 'NEAR(a b)', "'", '*', 'x'.repeat(10_000), '养犬 '.repeat(2000)]) {
      await expect(a.call('search:query', { text: q }), JSON.stringify(q.slice(0, 20))).resolves.toMatchObject({ results: expect.any(Array) });
    }
    expect((await a.call('search:query', { text: '标题:' })).notice).toMatch(/字段前缀/);
    expect((await a.call('search:query', { text: '-养犬' })).notice).toMatch(/排除/);
    const unclosed = await a.call('search:query', { text: '"养犬管理' });
    expect(unclosed.notice).toMatch(/引号/);
    expect(ids(unclosed).sort()).toEqual(['new', 'old']);
    expect(ids(await a.call('search:query', { text: '养犬^2' })).sort()).toEqual(['new', 'old']);
    const long = await a.call('search:query', { text: '养犬'.repeat(5000) });
    expect(long.notice).toMatch(/过长/);
    // A pasted page, quoted: cut with a notice; only an absurd size is refused, with a message saying why.
    expect((await a.call('search:query', { text: `"${'养犬管理'.repeat(12_000)}` })).notice).toMatch(/过长/);
    await expect(a.call('search:query', { text: '养'.repeat(100_001) })).rejects.toThrow(/查询内容过长/);
    // The same term many times is one term (no "too many terms", the same answer).
    const repeated = await a.call('search:query', { text: '养犬 '.repeat(2000) });
    expect(repeated.notice).toBeNull();
    expect(ids(repeated).sort()).toEqual(['new', 'old']);
    // Suggestions for a long paste come from what was typed last.
    expect((await a.call('search:suggest', { text: `${'无关的文字'.repeat(2000)} 黄金深加工` })).map((x) => x.id)).toEqual(['gold']);
  });

  it('finds an edited document by its new text right after the update, and not by its old text', async () => {
    const a = library();
    a.ctx.db.prepare('UPDATE documents SET body = ? WHERE id = ?').run(JSON.stringify(['对白银精炼企业给予奖励。']), 'gold');
    expect(ids(await a.call('search:query', { text: '白银精炼' }))).toEqual(['gold']);
    expect(ids(await a.call('search:query', { text: '深加工企业' }))).toEqual([]);
    a.ctx.db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('招远市人民政府关于白银产业的通知', 'gold');
    expect(ids(await a.call('search:query', { text: '标题:白银' }))).toEqual(['gold']);
    a.ctx.db.prepare('DELETE FROM documents WHERE id = ?').run('gold');
    expect((await a.call('search:query', { text: '白银' })).total).toBe(0);
  });

  it('counts facets over the whole result, each facet ignoring its own filter', async () => {
    const a = library();
    const r = await a.call('search:query', { text: '招远市', asOf: '2026-11-22' });
    expect(r.total).toBe(3);
    expect(r.facets.status).toEqual([
      { value: '现行有效', count: 2 },
      { value: '已废止', count: 1 },
    ]);
    expect(r.facets.year).toEqual([
      { value: '2022', count: 2 },
      { value: '2018', count: 1 },
    ]);
    expect(r.facets.issuer).toEqual([
      { value: '招远市人民政府', count: 2 },
      { value: '招远市人民政府办公室', count: 1 },
    ]);
    const filtered = await a.call('search:query', { text: '招远市', filters: { status: ['已废止'] } });
    expect(ids(filtered)).toEqual(['old']);
    expect(filtered.facets.status.find((f) => f.value === '现行有效')?.count).toBe(2);
    expect(filtered.facets.year).toEqual([{ value: '2018', count: 1 }]);
    // Before the abolishing document took effect, the old one was in force; the two signed later were not yet issued.
    const past = await a.call('search:query', { text: '招远市', asOf: '2020-01-01' });
    expect(past.facets.status).toEqual([
      { value: '未发布', count: 2 },
      { value: '现行有效', count: 1 },
    ]);
    const normative = await a.call('search:query', { text: '通知', filters: { normative: false } });
    expect(ids(normative)).toEqual(['staff']);
    expect(normative.facets.normative).toEqual([
      { value: '规范性文件', count: 3 },
      { value: '非规范性文件', count: 1 },
    ]);
  });

  it('counts, filters and shows statuses as they are at each search: after a relation, a date or the window changes', async () => {
    const a = library();
    const statuses = async (asOf?: string) => {
      const r = await a.call('search:query', { text: '招远市', asOf, limit: 10 });
      return Object.fromEntries(r.results.map((h) => [h.id, h.status]));
    };
    expect(await statuses()).toEqual({ old: '已废止', new: '现行有效', gold: '现行有效' });
    // A new abolishing relation (no document row changes) abolishes `gold` from the next search on.
    a.ctx.db
      .prepare("INSERT INTO relations (type, source_id, target_id, target_doc_number, created_at) VALUES ('abolishes', 'staff', 'gold', '招政发〔2022〕1号', '2026-01-01')")
      .run();
    expect(await statuses()).toEqual({ old: '已废止', new: '现行有效', gold: '已废止' });
    const abolished = await a.call('search:query', { text: '招远市', filters: { status: ['已废止'] } });
    expect(ids(abolished).sort()).toEqual(['gold', 'old']);
    expect(abolished.facets.status).toEqual([
      { value: '现行有效', count: 1 },
      { value: '已废止', count: 2 },
    ]);
    // A document's own date: `new` lapses, and in-force documents rank before it again.
    a.ctx.db.prepare("UPDATE documents SET valid_until = '2026-06-30' WHERE id = 'new'").run();
    expect((await statuses())['new']).toBe('已失效');
    // Another day is answered for that day, and today's answers stay today's.
    expect(await statuses('2020-01-01')).toEqual({ old: '现行有效', new: '未发布', gold: '未发布' });
    expect(await statuses()).toEqual({ old: '已废止', new: '已失效', gold: '已废止' });
    // The evaluation window (a setting, no row changes): a document ending within it is 即将到期.
    a.ctx.db.prepare("UPDATE documents SET valid_until = '2027-10-31' WHERE id = 'new'").run();
    expect((await statuses())['new']).toBe('现行有效');
    await a.call('settings:update', { expiryWindowMonths: 12 });
    expect((await statuses())['new']).toBe('即将到期');
    expect((await a.call('search:query', { text: '招远市', filters: { status: ['即将到期'] } })).results.map((h) => h.id)).toEqual(['new']);
  });

  it('counts each issuer of a jointly issued document, with every filter but the issuer filter', async () => {
    const a = library();
    insert(a, {
      id: 'joint',
      title: '招远市人民政府 招远市财政局关于黄金产业扶持资金管理的通知',
      issuers: ['招远市人民政府', '招远市财政局', '招远市人民政府'],
      dateSigned: '2023-03-01',
      body: ['扶持资金按年度拨付。'],
    });
    const r = await a.call('search:query', { text: '招远市' });
    expect(r.facets.issuer).toEqual([
      { value: '招远市人民政府', count: 3 },
      { value: '招远市财政局', count: 1 },
      { value: '招远市人民政府办公室', count: 1 },
    ]);
    const byIssuer = await a.call('search:query', { text: '招远市', filters: { issuer: '招远市财政局' } });
    expect(ids(byIssuer)).toEqual(['joint']);
    expect(byIssuer.facets.issuer).toEqual(r.facets.issuer);
    expect(byIssuer.facets.year).toEqual([{ value: '2023', count: 1 }]);
    const byYear = await a.call('search:query', { text: '招远市', filters: { year: 2022 } });
    expect(byYear.facets.issuer).toEqual([
      { value: '招远市人民政府', count: 1 },
      { value: '招远市人民政府办公室', count: 1 },
    ]);
    expect(byYear.facets.year.map((f) => f.value)).toEqual(['2023', '2022', '2018']);
  });

  it('ranks exact 文号, then in-force before lapsed, then title matches, then newest first', async () => {
    const a = open();
    insert(a, { id: 'body-2020', title: '关于做好防汛工作的通知', dateSigned: '2020-01-01', body: ['落实安全生产责任制。'] });
    insert(a, { id: 'body-2023', title: '关于做好抗旱工作的通知', dateSigned: '2023-01-01', body: ['落实安全生产责任制。'] });
    insert(a, { id: 'title-old', title: '安全生产责任制实施办法', dateSigned: '2015-01-01', validUntil: '2019-12-31', body: ['（略）'] });
    insert(a, { id: 'title', title: '安全生产责任制规定', dateSigned: '2019-01-01', body: ['（略）'] });
    let r = await a.call('search:query', { text: '安全生产责任制' });
    expect(ids(r)).toEqual(['title', 'body-2023', 'body-2020', 'title-old']);
    expect(r.results[0].matchedIn).toEqual(['title']);
    await a.call('settings:update', { inForceFirst: false });
    r = await a.call('search:query', { text: '安全生产责任制' });
    expect(ids(r).slice(0, 2).sort()).toEqual(['title', 'title-old']);
    r = await a.call('search:query', { text: '安全生产责任制', sort: 'date' });
    expect(ids(r)).toEqual(['body-2023', 'body-2020', 'title', 'title-old']);
  });

  it('gives a caller that shows no facets (the CLI) the same page: order, statuses and total, in force first or not', async () => {
    const a = open();
    a.ctx.db.transaction(() => {
      // Lapsed documents with the shortest bodies score highest: the in-force ones must still come first.
      for (let i = 0; i < 40; i++) insert(a, { id: `lapsed${i}`, title: `第${i}号通知`, dateSigned: '2015-01-01', validUntil: '2019-12-31', body: ['养老。'] });
      for (let i = 0; i < 40; i++) insert(a, { id: `force${i}`, title: `第${40 + i}号通知`, dateSigned: `20${10 + (i % 15)}-03-01`, body: [`养老服务${'体系建设'.repeat(1 + (i % 7))}。`] });
      for (let i = 0; i < 5; i++) insert(a, { id: `titled${i}`, title: `关于养老服务的意见（${i}）`, docNumber: `招政发〔2020〕${i + 1}号`, dateSigned: '2020-01-01', validUntil: i % 2 ? '2021-01-01' : null, body: ['正文。'] });
      insert(a, { id: 'future', title: '养老补贴办法', dateSigned: '2027-01-01', body: ['养老。'] });
    })();
    a.ctx.db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('abolishes', 'force1', 'force0', '2026-01-01')").run();
    const asked = [
      { text: '养老', limit: 5 },
      // (a page whose first statuses asked are all lapsed, and one ending past the prefix first ranked)
      { text: '养老', limit: 1 },
      { text: '养老', limit: 3, offset: 38 },
      { text: '养老', limit: 20, offset: 30 },
      { text: '养老', limit: 50, sort: 'date' as const },
      { text: '养老 -服务', limit: 10 },
      { text: '招政发〔2020〕2号 养老', limit: 5 },
      { text: '养老', limit: 10, filters: { year: 2015 } },
    ];
    for (const inForceFirst of [true, false]) {
      await a.call('settings:update', { inForceFirst });
      for (const q of asked) {
        const all = await a.call('search:query', q);
        const page = await a.call('search:query', { ...q, facets: false });
        expect({ ...page, tookMs: 0, facets: all.facets }).toEqual({ ...all, tookMs: 0 });
        expect(page.facets.status).toEqual([]);
      }
    }
    // in force first: 42 in force (one of the 40 abolished, three of the titled ones), then the rest
    await a.call('settings:update', { inForceFirst: true });
    const r = await a.call('search:query', { text: '养老', limit: 50, offset: 40, facets: false });
    expect(r.total).toBe(86);
    const inForce = r.results.map((h) => ['现行有效', '即将到期', '已修改'].includes(h.status));
    expect(inForce).toEqual([true, true, ...Array(44).fill(false)]);
    // After a change, asked without facets first (the kept status column filled only as far as the ranking asked),
    // then with them: the same pages and statuses, the changed one included.
    a.ctx.db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('abolishes', 'force3', 'force2', '2026-01-01')").run();
    for (const q of asked) {
      const page = await a.call('search:query', { ...q, facets: false });
      const all = await a.call('search:query', q);
      expect({ ...page, tookMs: 0, facets: all.facets }).toEqual({ ...all, tookMs: 0 });
    }
    const after = await a.call('search:query', { text: '养老', limit: 100, facets: false });
    expect(after.results.find((h) => h.id === 'force2')?.status).toBe('已废止');
  });

  it('returns several highlighted snippets per document', async () => {
    const a = open();
    const filler = '这是一段很长的说明文字，用来把两处匹配隔开。'.repeat(10);
    insert(a, { id: 'x', title: '通知', body: [`第一处提到黄金产业。${filler}第二处提到白银产业。`] });
    const r = await a.call('search:query', { text: '黄金产业 白银产业' });
    const hit = r.results[0];
    expect(hit.snippets.length).toBe(2);
    const marked = hit.snippets.map((s, i) => hit.snippetMatches[i].map(([b, e]) => s.slice(b, e)));
    expect(marked).toEqual([['黄金产业'], ['白银产业']]);
  });

  it('shows snippets as written (full-width punctuation, the 文号 brackets used), highlighting what matched', async () => {
    const a = open();
    const filler = '各单位要认真贯彻执行。'.repeat(900); // beyond the head read first: the rest of the body is read
    insert(a, { id: 'x', title: '通知', body: [filler, '根据《招远市养犬管理办法》（招政发[2018]027 号），对违反规定的，', '依法予以处罚。'] });
    const r = await a.call('search:query', { text: '招政发〔2018〕27号' });
    const [snippet] = r.results[0].snippets;
    expect(snippet).toContain('《招远市养犬管理办法》（招政发[2018]027'); // not 《…》(招政发〔2018〕27
    const [[s, e]] = r.results[0].snippetMatches[0];
    expect(snippet.slice(s, e)).toBe('招政发[2018]027号'); // spaces the normal form drops are left out
    // A phrase across a paragraph break is found and highlighted across it, punctuation as written.
    const across = await a.call('search:query', { text: '"对违反规定的，依法予以"' });
    const hit = across.results[0];
    const [[s2, e2]] = hit.snippetMatches[0];
    expect(hit.snippets[0].slice(s2, e2)).toBe('对违反规定的，依法予以');
    // Full-width letters and punctuation, a line break inside: shown and highlighted as written.
    insert(a, { id: 'y', title: '公告', body: [filler, '由ＡＢＣ公', '司、“某某”单位（甲方）负责。'] });
    const wide = await a.call('search:query', { text: '"abc公司、“某某”单位(甲方)"' });
    const w = wide.results[0];
    const [[s3, e3]] = w.snippetMatches[0];
    expect(w.snippets[0].slice(s3, e3)).toBe('ＡＢＣ公司、“某某”单位（甲方）');
  });

  it('paginates with the total of all matches', async () => {
    const a = open();
    for (let i = 0; i < 30; i++) insert(a, { id: `d${i}`, title: `文件${i}`, dateSigned: `2020-01-${String(i + 1).padStart(2, '0')}`, body: ['养老保险'] });
    const r = await a.call('search:query', { text: '养老', limit: 10, offset: 10 });
    expect(r.total).toBe(30);
    expect(r.results.length).toBe(10);
  });

  it('suggests titles and 文号 as the person types, from lunr and literal matches', async () => {
    const a = library();
    const app2 = a.handlers; // the same service the UI calls
    expect((await app2['search:suggest']({ text: '招政发〔2018', limit: 5 }, { caller: a.caller })).map((s) => s.id)).toContain('old');
    expect((await a.call('search:suggest', { text: '黄金深加工' })).map((s) => s.id)).toEqual(['gold']);
    // A half-remembered title with a wrong character still finds it through lunr's bigrams.
    const fuzzy = await a.call('search:suggest', { text: '城区居民养狗管理办法' });
    expect(fuzzy[0]?.id).toBe('old');
    expect(await a.call('search:suggest', { text: '"+~^:' })).toEqual([]);
  });
});

describe('search state in memory and on disk', () => {
  const quiet = { info() {}, error() {} };
  /** The answers to these searches, in order, without their timings. */
  const answersTo = async (a: App, asked: SearchRequestInput[]) => {
    const out: unknown[] = [];
    for (const q of asked) out.push({ ...(await a.call('search:query', q)), tookMs: 0 });
    return out;
  };
  /** Documents with 养老服务 in every body and in every 300th title, issuers alternating. */
  const elderCare = (a: App, issuers: [string, string]) =>
    a.ctx.db.transaction(() => {
      for (let i = 0; i < 2100; i++) {
        const title = i % 300 ? `第${i}号文件` : `关于推进养老服务体系建设的意见（${i}）`;
        insert(a, { id: `b${i}`, title, issuers: [issuers[i % 2]], dateSigned: `20${10 + (i % 12)}-01-01`, validUntil: i % 3 === 1 ? '2022-12-31' : null, body: [`推进养老服务体系建设${'。'.repeat(i % 17)}`] });
      }
    })();
  const topics = ['城区居民养犬管理', '黄金深加工产业发展', '残疾人事业发展', '砂石资源综合整治', '燃放烟花爆竹管理', '市场主体培育', '耕地保护'];

  it('answers a fresh process at once (no ranking index to build), with suggestions that follow edits immediately', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-search-'));
    try {
      // Index files of earlier versions are removed, not read.
      mkdirSync(join(dir, 'search-lunr'));
      writeFileSync(join(dir, 'search-lunr', 'shard-0.json'), '{}');
      writeFileSync(join(dir, 'search-lunr.json'), '{}');
      app = openSearchLibrary({ dataDir: dir, log: quiet });
      const a = app;
      expect(existsSync(join(dir, 'search-lunr'))).toBe(false);
      expect(existsSync(join(dir, 'search-lunr.json'))).toBe(false);
      topics.forEach((t, i) => insert(a, { id: `d${i + 1}`, title: `招远市人民政府关于印发${t}办法的通知`, body: [`${t}的具体规定。`] }));
      // A title edit is suggested right away, also with a wrong character (lunr's bigrams, over the candidates).
      a.ctx.db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('招远市人民政府关于印发校外培训机构监管办法的通知', 'd4');
      expect((await a.call('search:suggest', { text: '校外培训机购监管' }))[0]?.id).toBe('d4');
      expect((await a.call('search:suggest', { text: '残疾人事业' })).map((s) => s.id)).toEqual(['d3']);
      // A deleted document is neither found nor suggested nor counted.
      a.ctx.db.prepare("DELETE FROM documents WHERE id = 'd1'").run();
      expect((await a.call('search:suggest', { text: '城区居民养狗管理' })).map((s) => s.id)).not.toContain('d1');
      const r = await a.call('search:query', { text: '招远市', limit: 50 });
      expect(r.total).toBe(6);
      expect(r.facets.issuer).toEqual([{ value: '招远市人民政府', count: 6 }]);
      expect(r.results.map((h) => h.id)).not.toContain('d1');
      // Every document comes back with its fields as stored, whatever its rid.
      insert(a, { id: 'd8', title: '招远市人民政府关于印发耕地保护补充办法的通知', docNumber: '招政发〔2024〕8号', issuers: ['招远市人民政府'], dateSigned: '2024-03-01', body: ['耕地。'] });
      const hit = (await a.call('search:query', { text: '招政发〔2024〕8号', limit: 5 })).results[0];
      expect(hit).toMatchObject({ id: 'd8', docNumber: '招政发〔2024〕8号', issuers: ['招远市人民政府'], dateSigned: '2024-03-01' });
    } finally {
      await app?.close();
      app = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers the same whether a process has read every document (by a search or primed at start) or only those its first search matched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-search-'));
    const asked = [
      // thousands of matches: the title tier of a fresh process comes from the trigram index, not the texts
      { text: '养老服务', limit: 20 },
      { text: '养老服务 体系', limit: 20, offset: 15 },
      { text: '"养老服务体系"', limit: 10, facets: false },
      { text: '管理办法', limit: 50 },
      { text: '招远 管理', limit: 50, filters: { issuer: '招远市人民政府' } },
      { text: '犬', limit: 50, sort: 'date' as const },
      // short terms in titles only (no body holds them): rows a fresh process has not read yet
      { text: '通知', limit: 10 },
      { text: '标题:招远 办法', limit: 10 },
    ];
    const answers = (a: App) => answersTo(a, asked);
    try {
      let a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      topics.forEach((t, i) =>
        insert(a, { id: `d${i + 1}`, title: `招远市人民政府关于印发${t}办法的通知`, issuers: [i % 2 ? '招远市人民政府' : '招远市财政局'], dateSigned: `201${i}-01-01`, body: [`${t}的具体规定，加强管理。`] }),
      );
      elderCare(a, ['招远市财政局', '招远市人民政府']);
      await a.close();
      // A fresh process whose first search is a long term reads only the rows it matched …
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      const partial = await answers(a);
      // … and one that has read every row (a short term) answers the same.
      await a.close();
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      await a.call('search:query', { text: '的', limit: 1 });
      expect(await answers(a)).toEqual(partial);
      expect((partial[3] as { total: number }).total).toBe(2);
      expect((partial[6] as { total: number }).total).toBe(7);
      // … and so does one the server primed after its start (every row read, no search asked)
      await a.close();
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      await a.services.search.prime();
      a.services.statuses.onDay();
      expect(await answers(a)).toEqual(partial);
      // … and one asked while the server loads its search columns in steps and reads the statuses in a worker
      // (the searches wait for both), with a kind holding the character the columns' packed read splits on (that
      // step is read again as rows)
      await a.close();
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      a.ctx.db.prepare("UPDATE documents SET kind = '通\u0001知' WHERE id = 'd3'").run();
      const rowByRow = await answers(a);
      await a.close();
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      const loading = [a.services.search.prime(), a.services.statuses.loadAllOffThread(0)];
      const whileLoading = await answers(a);
      await Promise.all(loading);
      expect(whileLoading).toEqual(rowByRow);
      expect(JSON.stringify(whileLoading)).toContain('通\\u0001知');
      a.ctx.db.prepare("UPDATE documents SET kind = '通知' WHERE id = 'd3'").run();
      const ids = a.services.search.matchIds('养老服务').sort();
      // … and so does a fresh process whose first search shows no facets (the CLI: every row's numbers, ids
      // read as the page, its statuses and ties of date and score ask for them), and one asked for match ids.
      for (const [i, q] of asked.entries()) {
        await a.close();
        a = openSearchLibrary({ dataDir: dir, log: quiet });
        app = a;
        const page = await a.call('search:query', { ...q, facets: false });
        expect({ ...page, tookMs: 0, facets: (partial[i] as SearchResults).facets }).toEqual(partial[i]);
        // (the rows' numbers were read through a small page cache; the search's own is back)
        expect(a.ctx.db.pragma('cache_size', { simple: true })).toBe(-32768);
      }
      await a.close();
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      expect(a.services.search.matchIds('养老服务').sort()).toEqual(ids);
      expect(ids).toHaveLength(2100);
    } finally {
      await app?.close();
      app = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers as a fresh process does after edits made while it held only some parts of the rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-search-'));
    const asked = [
      { text: '养老服务', limit: 10 },
      { text: '养老服务', limit: 10, filters: { issuer: '招远市民政局' } },
      { text: '养老服务 -新增', limit: 10, filters: { year: 2015 }, facets: false },
      { text: '老', limit: 10, sort: 'date' as const },
    ];
    const answers = (a: App) => answersTo(a, asked);
    try {
      let a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      elderCare(a, ['招远市民政局', '招远市人民政府']);
      await a.close();
      // the first search reads every row's core and few texts; then the library changes under it
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      await a.call('search:query', { text: '养老服务', limit: 10, facets: false });
      a.ctx.db.prepare("UPDATE documents SET title = '养老服务补贴办法', issuers = '[\"招远市民政局\"]' WHERE id = 'b6'").run();
      a.ctx.db.prepare("DELETE FROM documents WHERE id = 'b300'").run();
      insert(a, { id: 'new', title: '新增养老服务机构的通知', issuers: ['招远市民政局'], dateSigned: '2015-06-01', body: ['养老服务。'] });
      const held = await answers(a);
      await a.close();
      a = openSearchLibrary({ dataDir: dir, log: quiet });
      app = a;
      expect(await answers(a)).toEqual(held);
      expect((held[0] as { results: Array<{ id: string }> }).results.map((h) => h.id)).toEqual(expect.arrayContaining(['b6', 'new']));
    } finally {
      await app?.close();
      app = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ranks title matches first also among thousands of matches', async () => {
    const a = open();
    a.ctx.db.transaction(() => {
      for (let i = 0; i < 2100; i++) insert(a, { id: `b${i}`, title: `第${i}号文件`, dateSigned: '2024-01-01', body: ['推进养老服务体系建设。'] });
      insert(a, { id: 'titled', title: '关于养老服务的意见', dateSigned: '2001-01-01', body: ['正文。'] });
    })();
    const r = await a.call('search:query', { text: '养老', limit: 3 });
    expect(r.total).toBe(2101);
    expect(r.results[0]?.id).toBe('titled');
    expect(r.results[0]?.matchedIn).toEqual(['title']);
    // Also when every body holds the term (then only the ranking looks for it in titles), and for one character.
    a.ctx.db.prepare("UPDATE documents SET body = ? WHERE id = 'titled'").run(JSON.stringify(['发展养老服务。']));
    for (const text of ['养老', '老']) {
      const all = await a.call('search:query', { text, limit: 3 });
      expect(all.total).toBe(2101);
      expect(all.results.map((h) => h.id)).toEqual(['titled', 'b0', 'b1']);
      expect(all.results[0]?.matchedIn).toEqual(['title', 'body']);
    }
  });

  it('suggests from a bounded set of candidates: those sharing most bigrams with what is typed', async () => {
    const a = open();
    // Many titles share one bigram with the typed text; the one sharing most of them is suggested first.
    for (let i = 0; i < 80; i++) insert(a, { id: `n${i}`, title: `关于印发第${i}号管理办法的通知`, dateSigned: '2020-01-01', body: ['正文。'] });
    insert(a, { id: 'dog', title: '城区居民养犬管理办法', dateSigned: '2001-01-01', body: ['养犬。'] });
    const s = await a.call('search:suggest', { text: '城区居民养狗管理办法' });
    expect(s[0]?.id).toBe('dog');
  });
});
