import { describe, expect, it } from 'vitest';
import { parseDocNumber } from '../../../../shared/domain/docnumber';
import type { CheckId } from '../../../../shared/contract/oversight';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';
import { cycleMembers } from './checks';

type Over = Parameters<typeof parsedDoc>[0];

/** A normative document with nothing wrong: 3 years of validity, registered, in force on 2026-11-22. */
function clean(over: Partial<Over> & { title: string }): Over {
  return {
    docNumber: null,
    registrationNumber: 'GQDR-2025-0010001',
    dateSigned: '2025-01-10',
    effectiveDate: '2025-01-10',
    validityClause: '有效期三年',
    validUntil: '2028-01-09',
    ...over,
  };
}

function library() {
  const lib = testLibrary('2026-11-22T12:00:00');
  const add = (over: Over) => {
    const d = parsedDoc(over);
    return lib.app.ctx.db.transaction(() => lib.documents.create(BY, { ...d, docNumber: d.docNumber }, null).id)();
  };
  const relate = (sourceId: string, type: 'abolishes' | 'amends' | 'replaces' | 'cites', target: { targetId?: string; targetDocNumber?: string; targetTitle?: string }) =>
    lib.relations.add(BY, { sourceId, type, ...target });
  const found = (asOf?: string) => {
    const report = lib.oversight.checks(asOf);
    return Object.fromEntries(report.checks.map((c) => [c.id, c.documents])) as unknown as Record<CheckId, Array<{ id: string; reason: string }>>;
  };
  return { lib, add, relate, found };
}

/** Ids each check found, leaving out the checks that found nothing. */
function idsByCheck(found: Record<CheckId, Array<{ id: string }>>): Partial<Record<CheckId, string[]>> {
  return Object.fromEntries(Object.entries(found).filter(([, docs]) => docs.length).map(([k, docs]) => [k, docs.map((d) => d.id).sort()]));
}

describe('consistency checks: each finds exactly its cases', () => {
  it('a clean library has no findings', () => {
    const { add, found } = library();
    add(clean({ title: '关于甲的办法', docNumber: '招政发〔2025〕1号' }));
    add(clean({ title: '关于乙的暂行办法', docNumber: '招政发〔2025〕2号', validUntil: '2027-01-09', validityClause: '有效期二年' }));
    add(clean({ title: '关于任免的通知', isNormative: false, registrationNumber: null, validityClause: null, validUntil: null, docNumber: '招政任〔2025〕3号' }));
    expect(idsByCheck(found())).toEqual({});
  });

  it('field checks: no validity clause, too long (5 and 2 years), end before start, effective before signed, no 登记号', () => {
    const { add, found } = library();
    add(clean({ title: '正常的办法', docNumber: '招政发〔2025〕1号' }));
    const noValidity = add(clean({ title: '无有效期的办法', docNumber: '招政发〔2025〕2号', validityClause: null, validUntil: null }));
    const tooLong = add(clean({ title: '六年的办法', docNumber: '招政发〔2025〕3号', validUntil: '2031-01-09' }));
    const tooLongTemp = add(clean({ title: '三年的试行办法', docNumber: '招政发〔2025〕4号', validUntil: '2028-01-09' }));
    const backwards = add(clean({ title: '倒置的办法', docNumber: '招政发〔2025〕5号', effectiveDate: '2025-03-01', validUntil: '2025-02-01' }));
    const early = add(clean({ title: '早施行的办法', docNumber: '招政发〔2025〕6号', effectiveDate: '2024-12-01', validUntil: '2027-11-30' }));
    const unregistered = add(clean({ title: '未登记的办法', docNumber: '招政发〔2025〕7号', registrationNumber: null }));
    const badRegistration = add(clean({ title: '登记号不符的办法', docNumber: '招政发〔2025〕8号', registrationNumber: '第12号' }));
    const r = found();
    expect(idsByCheck(r)).toEqual({
      'no-validity': [noValidity],
      'too-long': [tooLong, tooLongTemp].sort(),
      'end-before-start': [backwards],
      'effective-before-signed': [early],
      'no-registration': [unregistered, badRegistration].sort(),
    });
    expect(r['too-long'].find((d) => d.id === tooLongTemp)?.reason).toContain('暂行/试行文件最长 2 年');
    expect(r['no-registration'].find((d) => d.id === badRegistration)?.reason).toContain('“第12号”不符合');
  });

  it('validity is judged by the issuer province’s rule and the finding names it; Yunnan gets none unless configured', () => {
    const { lib, add, found } = library();
    const shandong = add(clean({ title: '六年的办法', docNumber: '招政发〔2025〕3号', validUntil: '2031-01-09' }));
    const yunnanLong = add(clean({ title: '昆明六年的办法', issuers: ['昆明市人民政府'], docNumber: '昆政发〔2025〕3号', validUntil: '2031-01-09' }));
    const yunnanNone = add(clean({ title: '云南无有效期的办法', issuers: ['云南省人民政府'], docNumber: '云政发〔2025〕4号', validityClause: null, validUntil: null }));
    let r = found();
    expect(r['too-long'].map((d) => d.id)).toEqual([shandong]);
    expect(r['too-long'][0].reason).toContain('依山东省行政程序规定第五十三条');
    expect(r['no-validity']).toEqual([]);
    lib.settings.update({
      validityRules: [
        ...lib.settings.get().validityRules,
        { province: '云南', basis: '云南省规范性文件管理规定第二十条', places: ['昆明市'], minYears: 1, maxYears: 5, minYearsTemporary: 1, maxYearsTemporary: 2 },
      ],
    });
    r = found();
    expect(r['too-long'].map((d) => d.id).sort()).toEqual([shandong, yunnanLong].sort());
    expect(r['too-long'].find((d) => d.id === yunnanLong)?.reason).toContain('依云南省规范性文件管理规定第二十条');
    expect(r['no-validity'].map((d) => d.id)).toEqual([yunnanNone]);
    expect(r['no-validity'][0].reason).not.toContain('山东');
  });

  it('the 登记号 pattern comes from the settings', () => {
    const { lib, add, found } = library();
    const id = add(clean({ title: '合肥的办法', docNumber: '合政〔2025〕1号', registrationNumber: 'HFGS-2017-9' }));
    expect(found()['no-registration']).toEqual([]);
    lib.settings.update({ registrationPattern: 'GQDR-\\d{4}-\\d{7}' });
    expect(found()['no-registration'].map((d) => d.id)).toEqual([id]);
  });

  it('dangling basis: an in-force document citing one that is abolished or lapsed; not when the citing one is gone too', () => {
    const { add, relate, found } = library();
    const lapsed = add(clean({ title: '已失效的依据', docNumber: '招政发〔2019〕1号', dateSigned: '2019-01-01', effectiveDate: '2019-01-01', validUntil: '2021-12-31' }));
    const abolished = add(clean({ title: '被废止的依据', docNumber: '招政发〔2020〕1号', dateSigned: '2020-01-01', effectiveDate: '2020-01-01' }));
    const abolisher = add(clean({ title: '废止决定', docNumber: '招政发〔2024〕9号', dateSigned: '2024-01-01', effectiveDate: '2024-01-01', validUntil: '2026-12-31' }));
    relate(abolisher, 'abolishes', { targetId: abolished });
    const goodBasis = add(clean({ title: '现行的依据', docNumber: '招政发〔2025〕20号' }));
    const citing = add(clean({ title: '引用旧依据的办法', docNumber: '招政发〔2025〕21号' }));
    relate(citing, 'cites', { targetId: lapsed });
    relate(citing, 'cites', { targetId: abolished });
    relate(citing, 'cites', { targetId: goodBasis });
    const citingButLapsed = add(clean({ title: '自身也已失效的办法', docNumber: '招政发〔2019〕2号', dateSigned: '2019-01-01', effectiveDate: '2019-01-01', validUntil: '2021-12-31' }));
    relate(citingButLapsed, 'cites', { targetId: lapsed });
    const r = found();
    expect(r['dangling-basis'].map((d) => d.id)).toEqual([citing, citing]);
    expect(r['dangling-basis'].map((d) => d.reason).join('\n')).toMatch(/已失效的依据.*已失效[\s\S]*被废止的依据.*已废止/);
    // Before the citing document took effect nothing dangles.
    expect(found('2024-06-01')['dangling-basis']).toEqual([]);
  });

  it('references not yet in the library, and duplicate 文号', () => {
    const { add, relate, found } = library();
    const a = add(clean({ title: '甲办法', docNumber: '招政发〔2025〕1号' }));
    relate(a, 'cites', { targetDocNumber: '鲁司〔2020〕66号' });
    const b = add(clean({ title: '乙办法', docNumber: '招政发〔2025〕2号' }));
    const c = add(clean({ title: '丙办法（同号）', docNumber: '招政发〔2025〕2号' }));
    const r = found();
    expect(r.unresolved).toMatchObject([{ id: a, reason: '引用的文件鲁司〔2020〕66号尚未收录' }]);
    expect(r['duplicate-number'].map((d) => d.id).sort()).toEqual([b, c].sort());
    expect(r['duplicate-number'].find((d) => d.id === b)?.reason).toBe('文号 招政发〔2025〕2号 也用于《丙办法（同号）》');
  });

  it('relation cycles (A 废止 B 废止 A, and longer) but not a chain', () => {
    const { add, relate, found } = library();
    const a = add(clean({ title: 'A', docNumber: '招政发〔2025〕1号' }));
    const b = add(clean({ title: 'B', docNumber: '招政发〔2025〕2号' }));
    relate(a, 'abolishes', { targetId: b });
    relate(b, 'abolishes', { targetId: a });
    const c = add(clean({ title: 'C', docNumber: '招政发〔2025〕3号' }));
    const d = add(clean({ title: 'D', docNumber: '招政发〔2025〕4号' }));
    const e = add(clean({ title: 'E', docNumber: '招政发〔2025〕5号' }));
    relate(c, 'replaces', { targetId: d });
    relate(d, 'amends', { targetId: e });
    relate(e, 'replaces', { targetId: c });
    const f = add(clean({ title: 'F', docNumber: '招政发〔2025〕6号' }));
    relate(f, 'amends', { targetId: a });
    relate(f, 'cites', { targetId: b });
    const cycle = found()['relation-cycle'];
    expect([...new Set(cycle.map((x) => x.id))].sort()).toEqual([a, b, c, d, e].sort());
    expect(cycle.find((x) => x.id === a)?.reason).toBe('废止《B》（招政发〔2025〕2号），而该文件又直接或间接废止本文件');
  });

  it('abolished by a document not yet in force', () => {
    const { add, relate, found } = library();
    const old = add(clean({ title: '旧办法', docNumber: '招政发〔2025〕1号' }));
    const pending = add(clean({ title: '新办法', docNumber: '招政发〔2026〕30号', dateSigned: '2026-11-01', effectiveDate: '2027-01-01', validUntil: '2029-12-31' }));
    relate(pending, 'abolishes', { targetId: old });
    const inForce = add(clean({ title: '另一旧办法', docNumber: '招政发〔2025〕2号' }));
    const acting = add(clean({ title: '已施行的新办法', docNumber: '招政发〔2026〕31号', dateSigned: '2026-06-01', effectiveDate: '2026-06-01', validUntil: '2029-05-31' }));
    relate(acting, 'abolishes', { targetId: inForce });
    expect(found()['abolished-by-pending']).toEqual([
      { id: old, title: '旧办法', docNumber: '招政发〔2025〕1号', reason: '将被《新办法》（招政发〔2026〕30号）废止，该文件尚未生效（2027-01-01 起施行）' },
    ]);
  });

  it('lists the documents the import stored as printed with contradicting dates (review flags)', () => {
    const { lib, found } = library();
    lib.imports.commitParsed(BY, [commitFile('a.txt', [parsedDoc(clean({ title: '日期矛盾的办法', docNumber: '招政发〔2025〕9号', effectiveDate: '2024-12-01', validUntil: '2027-11-30' }))])]);
    const r = found();
    expect(r['needs-review']).toHaveLength(1);
    expect(r['needs-review'][0].reason).toContain('施行日期（2024-12-01）早于成文日期（2025-01-10）');
    expect(r['effective-before-signed'].map((d) => d.id)).toEqual([r['needs-review'][0].id]);
  });

  it('finds nothing a second time after a fix (no stale cache)', () => {
    const { lib, add, found } = library();
    const id = add(clean({ title: '无有效期的办法', docNumber: '招政发〔2025〕2号', validityClause: null, validUntil: null }));
    expect(found()['no-validity'].map((d) => d.id)).toEqual([id]);
    lib.documents.update(BY, id, { validUntil: '2027-12-31' });
    expect(found()['no-validity']).toEqual([]);
  });
});

describe('cycleMembers', () => {
  it('finds self-loops and strongly connected parts, not chains', () => {
    expect([...cycleMembers([['a', 'a'], ['b', 'c'], ['c', 'd']])]).toEqual(['a']);
    expect([...cycleMembers([['x', 'y'], ['y', 'z'], ['z', 'x'], ['z', 'w']])].sort()).toEqual(['x', 'y', 'z']);
  });
  it('handles a chain of 20,000 without overflowing the stack', () => {
    const edges: Array<[string, string]> = Array.from({ length: 20_000 }, (_, i) => [`n${i}`, `n${i + 1}`]);
    expect(cycleMembers(edges).size).toBe(0);
  });
});

describe('dashboard', () => {
  it('counts by status, the evaluation window with days left, expiries and lapses per month, issuers, years, recent work', () => {
    const { lib, add } = library();
    const soon = add(clean({ title: '快到期', docNumber: '招政发〔2024〕1号', dateSigned: '2024-02-01', effectiveDate: '2024-02-01', validUntil: '2027-01-31' }));
    add(clean({ title: '明年到期', docNumber: '招政发〔2025〕1号', validUntil: '2027-12-31', issuers: ['招远市人民政府办公室'] }));
    add(clean({ title: '去年失效', docNumber: '招政发〔2022〕1号', dateSigned: '2022-01-01', effectiveDate: '2022-01-01', validUntil: '2025-10-31' }));
    add(clean({ title: '尚未施行', docNumber: '招政发〔2026〕5号', dateSigned: '2026-11-01', effectiveDate: '2027-03-01', validUntil: '2030-02-28' }));
    lib.documents.update(BY, soon, { kind: '意见' });
    const d = lib.oversight.dashboard('2026-11-22');
    expect(d.total).toBe(4);
    expect(Object.fromEntries(d.byStatus.filter((s) => s.count).map((s) => [s.status, s.count]))).toEqual({ 即将到期: 1, 现行有效: 1, 已失效: 1, 尚未生效: 1 });
    expect(d.expiring).toEqual([{ id: soon, title: '快到期', docNumber: '招政发〔2024〕1号', validUntil: '2027-01-31', daysLeft: 70 }]);
    expect(d.expiriesByMonth).toHaveLength(24);
    expect(d.expiriesByMonth[0].month).toBe('2026-11');
    expect(d.expiriesByMonth.filter((m) => m.count)).toEqual([{ month: '2027-01', count: 1 }, { month: '2027-12', count: 1 }]);
    expect(d.lapsesByMonth[23].month).toBe('2026-10');
    expect(d.lapsesByMonth.filter((m) => m.count)).toEqual([{ month: '2025-10', count: 1 }]);
    expect(d.byIssuer).toEqual([{ issuer: '招远市人民政府', count: 3 }, { issuer: '招远市人民政府办公室', count: 1 }]);
    expect(d.byYear).toEqual([{ year: 2022, count: 1 }, { year: 2024, count: 1 }, { year: 2025, count: 1 }, { year: 2026, count: 1 }]);
    expect(d.recent[0]).toMatchObject({ id: soon, action: '修改', actor: BY.user });
    expect(d.recent.filter((r) => r.action === '导入')).toHaveLength(4);
  });
});

describe('findings export', () => {
  it('XLSX and DOCX carry every finding', async () => {
    const { lib, add } = library();
    add(clean({ title: '无有效期的办法', docNumber: '招政发〔2025〕2号', validityClause: null, validUntil: null }));
    const xlsx = await lib.oversight.exportFindings('xlsx');
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('问题清单')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r.slice(1, 5))).toEqual([[1, '规范性文件未规定有效期（按发文机关所在省份的规定）', '无有效期的办法', '招政发〔2025〕2号']]);
    const docx = await lib.oversight.exportFindings('docx');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64'))).file('word/document.xml')!.async('string');
    expect(xml).toContain('无有效期的办法');
    expect(xml).toContain('规范性文件未规定有效期（按发文机关所在省份的规定）（1 处）');
    expect(parseDocNumber('招政发〔2025〕2号')).not.toBeNull();
  });
});
