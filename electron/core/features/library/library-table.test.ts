import { describe, expect, it } from 'vitest';
import { DocumentQuery, SORT_FIELDS } from '../../../../shared/contract/documents';
import { DOCUMENT_STATUSES } from '../../../../shared/domain/document';
import { seededRandom } from '../../test-support/random';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';
import { createLibraryTable } from './library-table';

type Query = ReturnType<typeof DocumentQuery.parse>;
const query = (q: Partial<Query> = {}) => DocumentQuery.parse(q);
const AS_OF = '2026-11-22';
const collator = new Intl.Collator('zh-CN');

/** A library of 240 documents with repeated titles, issuers and dates (ties), missing values and expiries. */
function library() {
  const lib = testLibrary(`${AS_OF}T12:00:00`);
  const rand = seededRandom(25);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const titles = ['关于加强养犬管理的通知', '招远市城区供热管理办法', '关于印发农村集体经济组织财务管理办法的通知', '安全生产责任制规定', '阿城区物业服务标准'];
  const issuers = [['招远市人民政府'], ['招远市人民政府办公室'], ['龙口市人民政府', '龙口市财政局'], ['蓬莱区司法局'], []];
  const agencies = ['招政发', '招政办发', '龙政发', '蓬司发'];
  const files = Array.from({ length: 240 }, (_, i) => {
    const year = 2015 + Math.floor(rand() * 10);
    const dated = rand() < 0.85;
    const day = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 3) * 9).padStart(2, '0')}`;
    const expires = rand() < 0.5;
    return commitFile(`f${i}.txt`, [
      parsedDoc({
        title: rand() < 0.3 ? pick(titles) : `${pick(titles)}（第${i}号）`,
        docNumber: rand() < 0.8 ? `${pick(agencies)}〔${year}〕${i + 1}号` : null,
        issuers: pick(issuers),
        dateSigned: dated ? day : null,
        effectiveDate: dated ? day : null,
        kind: pick(['通知', '办法', '规定', null]),
        isNormative: rand() < 0.8,
        validityClause: expires ? '有效期五年' : null,
        validUntil: expires && dated ? `${year + 5}-${day.slice(5)}` : null,
        body: [`正文第 ${i} 件。`],
      }),
    ]);
  });
  lib.imports.commitParsed(BY, files);
  return lib;
}

/** The order the library promises, computed independently from every stored document: nulls last, ties newest first then by id. */
function reference(lib: ReturnType<typeof library>, q: Query): string[] {
  const all = lib.documents.all(AS_OF, false);
  const value = (d: (typeof all)[number]): string | number | null => {
    switch (q.sort) {
      case 'title':
        return d.title;
      case 'issuer':
        return d.issuers[0] ?? null;
      case 'docNumber':
        return d.docNumber ? `${d.docNumber.agency}` : null;
      case 'status':
        return DOCUMENT_STATUSES.indexOf(d.status);
      case 'validUntil':
        return d.validUntil;
      default:
        return d.dateSigned;
    }
  };
  const sign = q.dir === 'asc' ? 1 : -1;
  return all
    .filter((d) => !q.status?.length || q.status.includes(d.status))
    .filter((d) => !q.issuer || d.issuers.includes(q.issuer))
    .filter((d) => !q.q || d.title.includes(q.q))
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else {
        const c =
          typeof va === 'number' ? va - (vb as number) : collator.compare(va, vb as string) ||
          (q.sort === 'docNumber' ? (a.docNumber!.year ?? 0) - (b.docNumber!.year ?? 0) || a.docNumber!.serial - b.docNumber!.serial : 0);
        if (c) return sign * c;
      }
      const da = a.dateSigned ?? '';
      const db = b.dateSigned ?? '';
      if (da !== db) return da < db ? 1 : -1;
      return a.id < b.id ? -1 : 1;
    })
    .map((d) => d.id);
}

/** Every page of 37 rows, one after another, as the UI fetches them while the person scrolls. */
function paged(list: (q: Query) => { total: number; rows: { id: string }[] }, q: Partial<Query>): string[] {
  const out: string[] = [];
  for (let offset = 0; ; offset += 37) {
    const page = list(query({ ...q, offset, limit: 37 }));
    out.push(...page.rows.map((r) => r.id));
    if (offset + 37 >= page.total) return out;
  }
}

const QUERIES: Array<Partial<Query>> = [
  ...SORT_FIELDS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => ({ sort, dir }))),
  { status: ['现行有效'], sort: 'title', dir: 'asc' },
  { status: ['已失效', '即将到期'], sort: 'validUntil', dir: 'desc' },
  { issuer: '龙口市财政局', sort: 'docNumber', dir: 'asc' },
  { q: '供热', sort: 'status', dir: 'desc' },
];

describe('the library table served a page at a time (issue 25)', () => {
  it('pages in every sort and filter reach every row once, in the order of the whole list', () => {
    const lib = library();
    const list = (q: Query) => lib.documents.list({ ...q, asOf: AS_OF });
    for (const q of QUERIES) {
      const full = list(query(q));
      const want = reference(lib, query(q));
      expect(full.rows.map((r) => r.id), JSON.stringify(q)).toEqual(want);
      expect(full.total).toBe(want.length);
      expect(paged(list, q), JSON.stringify(q)).toEqual(want);
    }
    expect(list(query()).total).toBe(240);
    expect(list(query({ offset: 230, limit: 37 })).rows).toHaveLength(10);
  });

  it('after edits, a deletion, an abolition and another import it answers as a table read afresh', () => {
    const lib = library();
    const kept = createLibraryTable(lib.ctx.db, lib.statuses);
    const first = kept.list(query({ sort: 'title', dir: 'asc' }), AS_OF).rows;
    kept.list(query({ sort: 'docNumber', dir: 'desc' }), AS_OF);
    kept.list(query({ sort: 'validUntil', dir: 'asc' }), AS_OF);

    lib.documents.update(BY, first[5].id, { title: '阿阿阿排到最前的标题', dateSigned: '2019-01-09' });
    lib.documents.update(BY, first[100].id, { docNumber: '蓬司发〔2030〕1号', validUntil: null, validityClause: null });
    lib.trash.moveToTrash(BY, first[7].id);
    lib.imports.commitParsed(BY, [
      commitFile('later.txt', [
        parsedDoc({ title: '新的供热办法', docNumber: '招政发〔2026〕99号', dateSigned: '2026-01-09', issuers: ['新设机关'], body: ['新的。'] }),
        parsedDoc({ title: '废止决定', docNumber: '招政发〔2026〕100号', dateSigned: '2026-02-09', effectiveDate: '2026-02-09', body: ['废止。'],
          abolishes: [{ title: first[9].title, docNumber: first[9].docNumber }] }),
      ]),
    ]);

    const fresh = createLibraryTable(lib.ctx.db, lib.statuses);
    for (const q of QUERIES) {
      const ids = (t: typeof kept) => t.list(query(q), AS_OF).rows.map((r) => r.id);
      expect(ids(kept), JSON.stringify(q)).toEqual(ids(fresh));
      expect(ids(kept), JSON.stringify(q)).toEqual(reference(lib, query(q)));
    }
    const titles = kept.list(query({ sort: 'title', dir: 'asc' }), AS_OF).rows.map((r) => r.title);
    expect(titles[0]).toBe('阿阿阿排到最前的标题');
    expect(kept.list(query(), AS_OF).rows.map((r) => r.id)).not.toContain(first[7].id);
    expect(kept.list(query({ q: first[9].title }), AS_OF).rows.find((r) => r.id === first[9].id)?.status).toBe('已废止');
    expect(kept.list(query(), AS_OF).options).toEqual(fresh.list(query(), AS_OF).options);
    expect(kept.list(query(), AS_OF).options.issuers).toContain('新设机关');
  });
});
