import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDateOnly, parseCnDate } from '../domain/cn-date';
import { parseDocNumber } from '../domain/docnumber';
import { ParseResult, type ParsedDocument } from '../domain/parse-result';
import { parseText } from './index';
import { splitIssuers } from './text';

// Expected values were read off the corpus texts by hand (not copied from parser output).
const CORPUS = path.resolve(__dirname, '../../resources/samples');
const file = (prefix: string) => readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
const parse = (prefix: string) => parseText(readFileSync(path.join(CORPUS, file(prefix)), 'utf8'), { file: file(prefix), encoding: 'utf-8' });

describe('corpus 000 莱山区 2021 第2号', () => {
  const r = parse('000');
  it('gazette header and TOC', () => {
    expect(r.gazette).toMatchObject({ title: '烟台市莱山区人民政府公报', issueNumber: 2, totalNumber: 20, year: 2021, publishDate: '2021-07-07', issueUnit: '号' });
    expect(r.gazette!.toc.map((e) => [e.section, e.page])).toEqual([['区政府办文件', 1], ['区政府办文件', 11], ['区政府办文件', 17], ['区政府办文件', 22]]);
    expect(r.gazette!.toc[1].title).toBe('烟台市莱山区人民政府办公室关于印发烟台市莱山区城市房屋建筑违法建设和违法违规审批专项清查实施方案的通知');
  });
  it('four documents, titled with the issuer line above 关于', () => {
    expect(r.documents.map((d) => d.title)).toEqual([
      '烟台市莱山区人民政府办公室关于继续深入开展“进解促”专项工作的通知',
      '烟台市莱山区人民政府办公室关于印发烟台市莱山区城市房屋建筑违法建设和违法违规审批专项清查实施方案的通知',
      '烟台市莱山区人民政府办公室关于印发《莱山区推进“标准地”工作实施方案（试行）》的通知',
      '烟台市莱山区人民政府办公室关于印发《关于促进3岁以下婴幼儿照护服务发展的实施方案》的通知',
    ]);
    expect(r.documents.map((d) => d.dateSigned)).toEqual(['2021-04-19', '2021-04-30', '2021-06-03', '2021-06-03']);
    expect(r.documents.every((d) => d.docNumber === null && d.issuers[0] === '烟台市莱山区人民政府办公室')).toBe(true);
    expect(r.documents.map((d) => d.lineStart)).toEqual([20, 162, 274, 356]);
  });
  it('validity with explicit dates', () => {
    expect(r.documents[3]).toMatchObject({ effectiveDate: '2021-07-02', validUntil: '2025-12-19', isNormative: true });
    expect(r.documents[3].cites).toContain('国办发〔2019〕15号');
    expect(r.documents[1].cites).toEqual(['鲁政办字〔2021〕9号', '烟政办字〔2021〕13号']);
  });
  it('the TOC is not a document and the schema holds', () => {
    expect(r.documents.some((d) => d.lineStart < 20)).toBe(false);
    expect(() => ParseResult.parse(r)).not.toThrow();
  });
});

describe('corpus 001 招远市 2022 第1号', () => {
  const r = parse('001');
  it('gazette header and a TOC entry broken over lines', () => {
    expect(r.gazette).toMatchObject({ title: '招远市人民政府公报', issueNumber: 1, totalNumber: null, year: 2022, publishDate: '2022-04-07' });
    expect(r.gazette!.toc).toHaveLength(11);
    expect(r.gazette!.toc[7]).toEqual({ section: '市政府办公室文件', title: '招远市人民政府办公室关于贯彻《烟台市燃放烟花爆竹管理条例》的实施意见', page: 35 });
    expect(r.gazette!.toc[0].section).toBe('市政府文件');
  });
  it('eleven documents with their 文号 and dates', () => {
    expect(r.documents.map((d) => d.docNumber?.normalized)).toEqual([
      '招政发〔2022〕8号', '招政发〔2022〕9号', '招政发〔2022〕10号', '招政发〔2022〕11号', '招政发〔2022〕16号',
      '招政办发〔2022〕3号', '招政办字〔2022〕2号', '招政办字〔2022〕3号', '招政办字〔2022〕4号', '招政办字〔2022〕10号', '招政办发〔2022〕7号',
    ]);
    expect(r.documents.map((d) => d.dateSigned)).toEqual([
      '2022-02-07', '2022-02-07', '2022-02-07', '2022-02-07', '2022-03-30', '2022-01-19', '2022-01-23', '2022-01-23', '2022-02-06', '2022-03-21', '2022-03-30',
    ]);
    expect(r.documents[10].docNumber?.raw).toBe('招政办发〔2022〕7 号');
    expect(r.documents[0].title).toBe('招远市人民政府关于印发《关于加快黄金深加工产业发展的扶持意见》的通知');
    expect(r.documents[7].title).toBe('招远市人民政府办公室关于贯彻《烟台市燃放烟花爆竹管理条例》的实施意见');
    expect(r.documents[9].title).toBe('招远市人民政府办公室关于印发招远市2022年居民养老保险征缴工作实施方案的通知');
  });
  it('validity: 三年 / 3年 / 五年 from the 成文日期', () => {
    expect(r.documents[0]).toMatchObject({ effectiveClause: '本意见自公布之日起实施', effectiveDate: '2022-02-07', validityClause: '有效期三年', validUntil: '2025-02-06' });
    expect(r.documents[1]).toMatchObject({ validityClause: '有效期3年', validUntil: '2025-02-06' });
    expect(r.documents[2]).toMatchObject({ validityClause: '有效期五年', validUntil: '2027-02-06' });
    expect(r.documents[8]).toMatchObject({ effectiveDate: '2022-02-06', validUntil: '2025-02-05' });
  });
  it('招政发〔2022〕11号 abolishes 招政发〔2018〕27号', () => {
    const d = r.documents[3];
    expect(d.abolishes).toEqual([{ title: '招远市人民政府关于全市重点项目建设专项扶持资金补助办法', docNumber: '招政发〔2018〕27号' }]);
    // the abolished 办法's number is its abolishes entry, not a citation (as the real texts are keyed, and as the
    // library stores it: a citation of a document this one abolishes says nothing more)
    expect(d.cites).toEqual(['招政字〔2021〕18号']);
    expect(d.cites).not.toContain('招政发〔2022〕11号');
  });
  it('normative: 办法/意见 yes, 规划/方案 no', () => {
    // 6–8 are 意见 without 有效期 or 登记号: not taken as normative, but the reviewer is reminded.
    expect(r.documents.map((d) => d.isNormative)).toEqual([true, true, true, true, false, false, false, false, true, false, false]);
    expect(r.warnings.filter((w) => w.message === '未找到有效期条款').map((w) => w.line)).toEqual([622, 773, 925]);
  });
});

describe('corpus 002 环翠区 single notice', () => {
  const r = parse('002');
  it('one document, no gazette', () => {
    expect(r.gazette).toBeNull();
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '威海市环翠区人民政府办公室关于印发《环翠区关于促进3岁以下婴幼儿照护服务发展的实施方案》的通知',
      dateSigned: '2022-04-30', issuers: ['威海市环翠区人民政府办公室'], kind: '通知', docNumber: null, lineStart: 3,
    });
    expect(r.documents[0].cites).toEqual(['鲁政办发〔2020〕9号', '威政办发〔2021〕2号']);
    expect(r.warnings.some((w) => w.message === '未找到文号')).toBe(true);
  });
});

describe('corpus 003 莱州 compilation, pages on one line', () => {
  const r = parse('003');
  it('one jointly issued document', () => {
    expect(r.documents).toHaveLength(1);
    const d = r.documents[0];
    expect(d.title).toBe('市委办公室市政府办公室关于印发《减证便民工作实施意见》等6个实施意见的通知');
    expect(d.issuers).toEqual(['中共莱州市委办公室', '莱州市人民政府办公室']);
    expect(d.dateSigned).toBe('2020-04-24');
    expect(d.docNumber).toBeNull();
    expect(r.warnings.some((w) => w.message.includes('便函〔2020〕号'))).toBe(true);
  });
  it('inline page numbers are gone from the body', () => {
    const body = r.documents[0].body.join('\n');
    expect(body).not.toMatch(/—\s*\d{1,3}\s*—/);
    expect(body).toContain('及时受理符合立案条件的破产案件');
  });
});

describe('corpus 004 高青县 2021年第3期, two-column text', () => {
  const r = parse('004');
  it('gazette from running headers', () => {
    expect(r.gazette).toMatchObject({ title: '高青县人民政府公报', issueNumber: 3, year: 2021, toc: [] });
  });
  it('thirteen documents', () => {
    expect(r.documents.map((d) => d.docNumber?.normalized)).toEqual([
      '高政字〔2021〕60号', '高政字〔2021〕61号', '高政字〔2021〕62号', '高政办发〔2021〕1号', '高政办发〔2021〕2号', '高政办发〔2021〕3号',
      '高政办字〔2021〕31号', '高政办字〔2021〕33号', '高政办字〔2021〕34号', '高政办字〔2021〕35号', '高政办字〔2021〕37号', '高政任〔2021〕5号', '高政任〔2021〕6号',
    ]);
    expect(r.documents[0].title).toBe('高青县人民政府关于公布行政规范性文件清理结果的通知');
    expect(r.documents[11].title).toBe('高青县人民政府关于杨凡等15名工作人员职务任免的通知');
    expect(r.documents[0]).toMatchObject({ dateSigned: '2021-09-26', lineStart: 1, lineEnd: 25, isNormative: false });
    expect(r.documents[12].lineEnd).toBe(5790);
  });
  it('清理结果 cites its bases', () => {
    expect(r.documents[0].cites).toEqual(['鲁司〔2020〕66号', '淄政发〔2020〕13号', '高政发〔2021〕1号']);
  });
  it('登记号 and explicit validity', () => {
    expect(r.documents[4]).toMatchObject({
      registrationNumber: 'GQDR-2021-0020002', lineStart: 926, title: '高青县人民政府办公室关于加快推进“长者食堂”建设的实施意见',
      effectiveDate: '2021-09-02', validUntil: '2023-12-31', isNormative: true, dateSigned: '2021-08-03',
    });
  });
  it('appointments', () => {
    const a = r.documents[11].appointments;
    expect(a.filter((x) => x.action === '任命')).toHaveLength(11);
    expect(a.filter((x) => x.action === '免去')).toHaveLength(5);
    expect(a[0]).toEqual({ name: '杨凡', action: '任命', position: '县工业和信息化局副局长' });
    expect(a).toContainEqual({ name: '张学英', action: '免去', position: '县工业和信息化局副局长' });
    expect(r.documents[12].appointments.map((x) => x.name)).toEqual(['徐凤', '任文兵']);
    expect(r.documents[11]).toMatchObject({ kind: '任免', isNormative: false });
  });
  it('running headers and section labels leave the body; wrapped lines are joined', () => {
    const all = r.documents.flatMap((d) => d.body).join('\n');
    expect(all).not.toMatch(/高青县人民政府公报\s*2021/);
    expect(all).not.toMatch(/^县政府办公室文件$/m);
    expect(r.documents[1].body).toContain('高青县优化营商环境创新突破行动实施方案');
    expect(r.documents[3].body.join('')).toContain('其中，新开发的应用软件试运行期原则上不少于3个月。');
  });
});

describe('robustness', () => {
  it('parses the whole corpus quickly', () => {
    const t0 = performance.now();
    for (const p of ['000', '001', '002', '003', '004']) parse(p);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  it('never throws on odd input', () => {
    for (const t of ['', '   ', '\u0000\u0001', '关于', '关于的通知\n各单位：', 'a\r\nb\rc', '〔2021〕'.repeat(10000)]) {
      const r = parseText(t, { file: 'x.txt', encoding: 'utf-8' });
      expect(() => ParseResult.parse(r)).not.toThrow();
    }
  });
  it('a 20 MB pathological line does not hang', () => {
    const line = '关于'.repeat(1_000_000) + ' —18— '.repeat(100_000) + '高青县人民政府公报 2021年第 3期 34 '.repeat(50_000);
    const t0 = performance.now();
    parseText(line, { file: 'big.txt', encoding: 'utf-8' });
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
  it('CRLF gives the same documents', () => {
    const src = readFileSync(path.join(CORPUS, file('001')), 'utf8');
    const a = parseText(src, { file: 'a', encoding: 'utf-8' });
    const b = parseText(src.replace(/\n/g, '\r\n'), { file: 'a', encoding: 'utf-8' });
    expect(b.documents.map((d) => [d.title, d.lineStart, d.lineEnd])).toEqual(a.documents.map((d) => [d.title, d.lineStart, d.lineEnd]));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The answer key: every stable field of every document, written down from reading the texts (each value was
// checked against the lines it comes from). doc(title, 文号 as printed, issuers, 成文日期, kind, normative,
// [lineStart, lineEnd], other fields); fields not given in the last argument are null / empty.
type Extra = Partial<Omit<ParsedDocument, 'appointments'>> & { appointments?: [string, '任命' | '免去', string][] };
function doc(title: string, raw: string | null, issuers: string[], dateSigned: string | null, kind: string | null,
  isNormative: boolean, lines: [number, number], extra: Extra = {}) {
  const { appointments = [], ...rest } = extra;
  return {
    title, docNumber: raw, registrationNumber: null, issuers, dateSigned, kind, isNormative,
    effectiveClause: null, effectiveDate: null, validityClause: null, validUntil: null,
    abolishes: [], cites: [], lineStart: lines[0], lineEnd: lines[1], amends: [], replaces: [], cleanup: null, ...rest,
    appointments: appointments.map(([name, action, position]) => ({ name, action, position })),
  };
}

const KEY: Record<string, { gazette: unknown; documents: ReturnType<typeof doc>[] }> = {
  '000': {
    gazette: {title: '烟台市莱山区人民政府公报',issueNumber: 2,totalNumber: 20, year: 2021,publishDate: '2021-07-07', issueUnit: '号', toc: [{section: '区政府办文件', title: '烟台市莱山区人民政府办公室关于继续深入开展“进解促”专项工作的通知', page: 1},{section: '区政府办文件', title: '烟台市莱山区人民政府办公室关于印发烟台市莱山区城市房屋建筑违法建设和违法违规审批专项清查实施方案的通知', page: 11},{section: '区政府办文件', title: '烟台市莱山区人民政府办公室关于印发《莱山区推进“标准地”工作实施方案（试行）》的通知', page: 17},{section: '区政府办文件', title: '烟台市莱山区人民政府办公室关于印发《关于促进3岁以下婴幼儿照护服务发展的实施方案》的通知', page: 22}]},
    documents: [
      doc('烟台市莱山区人民政府办公室关于继续深入开展“进解促”专项工作的通知', null, ['烟台市莱山区人民政府办公室'], '2021-04-19', '通知', false, [20, 160], {}),
      doc('烟台市莱山区人民政府办公室关于印发烟台市莱山区城市房屋建筑违法建设和违法违规审批专项清查实施方案的通知', null, ['烟台市莱山区人民政府办公室'], '2021-04-30', '通知', false, [162, 272], {cites: ['鲁政办字〔2021〕9号','烟政办字〔2021〕13号']}),
      doc('烟台市莱山区人民政府办公室关于印发《莱山区推进“标准地”工作实施方案（试行）》的通知', null, ['烟台市莱山区人民政府办公室'], '2021-06-03', '通知', false, [274, 354], {cites: ['鲁自然资发〔2020〕6号','烟改办发〔2020〕5号','烟政办发〔2020〕19号']}),
      doc('烟台市莱山区人民政府办公室关于印发《关于促进3岁以下婴幼儿照护服务发展的实施方案》的通知', null, ['烟台市莱山区人民政府办公室'], '2021-06-03', '通知', true, [356, 500], {effectiveClause: '本实施方案自2021年7月2日起施行',effectiveDate: '2021-07-02',validityClause: '有效期至2025年12月19日',validUntil: '2025-12-19', cites: ['国办发〔2019〕15号','鲁政办发〔2020〕9号','烟政办发〔2020〕16号','国卫人口发〔2019〕58号','国卫办人口发〔2019〕25号','发改社会〔2019〕1606号']}),
    ],
  },
  '001': {
    gazette: {title: '招远市人民政府公报',issueNumber: 1,totalNumber: null, year: 2022,publishDate: '2022-04-07', issueUnit: '号', toc: [{section: '市政府文件', title: '招远市人民政府关于印发《关于加快黄金深加工产业发展的扶持意见》的通知', page: 1},{section: '市政府文件', title: '招远市人民政府关于印发《关于扶持工业企业发展的实施意见》的通知', page: 5},{section: '市政府文件', title: '招远市人民政府关于印发《关于促进生物医药产业高质量发展实施意见》的通知', page: 9},{section: '市政府文件', title: '招远市人民政府关于印发全市重点项目建设专项扶持资金补助办法的通知', page: 14},{section: '市政府文件', title: '招远市人民政府关于印发招远市残疾人事业发展“十四五”规划的通知', page: 16},{section: '市政府办公室文件', title: '招远市人民政府办公室关于印发《招远市砂石资源综合整治工作意见》的通知', page: 24},{section: '市政府办公室文件', title: '招远市人民政府办公室关于贯彻《烟台市养犬管理条例》的实施意见', page: 30},{section: '市政府办公室文件', title: '招远市人民政府办公室关于贯彻《烟台市燃放烟花爆竹管理条例》的实施意见', page: 35},{section: '市政府办公室文件', title: '招远市人民政府办公室关于印发《招远市市场主体培育扶持办法》的通知', page: 39},{section: '市政府办公室文件', title: '招远市人民政府办公室关于印发招远市2022年居民养老保险征缴工作实施方案的通知', page: 42},{section: '市政府办公室文件', title: '招远市人民政府办公室关于印发招远市城乡社区服务体系建设规划(2021-2025年)的通知', page: 47}]},
    documents: [
      doc('招远市人民政府关于印发《关于加快黄金深加工产业发展的扶持意见》的通知', '招政发〔2022〕8号', ['招远市人民政府'], '2022-02-07', '通知', true, [32, 145], {effectiveClause: '本意见自公布之日起实施',effectiveDate: '2022-02-07',validityClause: '有效期三年',validUntil: '2025-02-06', cites: ['招政发〔2020〕12号']}),
      doc('招远市人民政府关于印发《关于扶持工业企业发展的实施意见》的通知', '招政发〔2022〕9号', ['招远市人民政府'], '2022-02-07', '通知', true, [147, 240], {effectiveClause: '本意见自公布之日起实施',effectiveDate: '2022-02-07',validityClause: '有效期3年',validUntil: '2025-02-06', cites: ['招政字〔2021〕18号']}),
      doc('招远市人民政府关于印发《关于促进生物医药产业高质量发展实施意见》的通知', '招政发〔2022〕10号', ['招远市人民政府'], '2022-02-07', '通知', true, [242, 385], {effectiveClause: '本意见自公布之日起实施',effectiveDate: '2022-02-07',validityClause: '有效期五年',validUntil: '2027-02-06', cites: ['招政发〔2020〕12号']}),
      doc('招远市人民政府关于印发全市重点项目建设专项扶持资金补助办法的通知', '招政发〔2022〕11号', ['招远市人民政府'], '2022-02-07', '通知', true, [387, 462], {effectiveClause: '本办法自印发之日起执行',effectiveDate: '2022-02-07',validityClause: '有效期三年',validUntil: '2025-02-06', abolishes: [{title: '招远市人民政府关于全市重点项目建设专项扶持资金补助办法',docNumber: '招政发〔2018〕27号'}], cites: ['招政字〔2021〕18号']}),
      doc('招远市人民政府关于印发招远市残疾人事业发展“十四五”规划的通知', '招政发〔2022〕16号', ['招远市人民政府'], '2022-03-30', '通知', false, [464, 620], {cites: ['鲁政字〔2021〕156号','烟政发〔2021〕15号']}),
      doc('招远市人民政府办公室关于印发《招远市砂石资源综合整治工作意见》的通知', '招政办发〔2022〕3号', ['招远市人民政府办公室'], '2022-01-19', '通知', false, [622, 771], {}),
      doc('招远市人民政府办公室关于贯彻《烟台市养犬管理条例》的实施意见', '招政办字〔2022〕2号', ['招远市人民政府办公室'], '2022-01-23', '意见', false, [773, 923], {}),
      doc('招远市人民政府办公室关于贯彻《烟台市燃放烟花爆竹管理条例》的实施意见', '招政办字〔2022〕3号', ['招远市人民政府办公室'], '2022-01-23', '意见', false, [925, 980], {}),
      doc('招远市人民政府办公室关于印发《招远市市场主体培育扶持办法》的通知', '招政办字〔2022〕4号', ['招远市人民政府办公室'], '2022-02-06', '通知', true, [982, 1039], {effectiveClause: '本办法自印发之日起施行',effectiveDate: '2022-02-06',validityClause: '有效期三年',validUntil: '2025-02-05', cites: ['烟政办字〔2021〕66号','招政发〔2020〕12号']}),
      doc('招远市人民政府办公室关于印发招远市2022年居民养老保险征缴工作实施方案的通知', '招政办字〔2022〕10号', ['招远市人民政府办公室'], '2022-03-21', '通知', false, [1041, 1159], {cites: ['鲁人社字〔2010〕632号','烟人社字〔2010〕49号']}),
      doc('招远市人民政府办公室关于印发招远市城乡社区服务体系建设规划（2021—2025年）的通知', '招政办发〔2022〕7 号', ['招远市人民政府办公室'], '2022-03-30', '通知', false, [1161, 1359], {}),
    ],
  },
  '002': {
    gazette: null,
    documents: [
      doc('威海市环翠区人民政府办公室关于印发《环翠区关于促进3岁以下婴幼儿照护服务发展的实施方案》的通知', null, ['威海市环翠区人民政府办公室'], '2022-04-30', '通知', false, [3, 187], {cites: ['鲁政办发〔2020〕9号','威政办发〔2021〕2号']}),
    ],
  },
  '003': {
    gazette: null,
    documents: [
      doc('市委办公室市政府办公室关于印发《减证便民工作实施意见》等6个实施意见的通知', null, ['中共莱州市委办公室','莱州市人民政府办公室'], '2020-04-24', '通知', false, [1, 7], {}),
    ],
  },
  '004': {
    gazette: {title: '高青县人民政府公报',issueNumber: 3,totalNumber: null, year: 2021,publishDate: null, toc: []},
    documents: [
      doc('高青县人民政府关于公布行政规范性文件清理结果的通知', '高政字〔2021〕60号', ['高青县人民政府'], '2021-09-26', '通知', false, [1, 25], {cites: ['鲁司〔2020〕66号','淄政发〔2020〕13号','高政发〔2021〕1号'], cleanup: {scope: '现行有效的县政府和县政府办公室规范性文件', counts: {继续有效: 18}, items: []}}),
      doc('高青县人民政府关于印发高青县优化营商环境创新突破行动实施方案的通知', '高政字〔2021〕61号', ['高青县人民政府'], '2021-09-28', '通知', false, [26, 316], {cites: ['淄政字〔2021〕48号']}),
      doc('高青县人民政府关于印发高青县涉企经营许可事项改革清单的通知', '高政字〔2021〕62号', ['高青县人民政府'], '2021-09-30', '通知', false, [317, 341], {cites: ['国发〔2021〕7号','鲁政发〔2021〕11号']}),
      doc('高青县人民政府办公室关于印发《高青县电子政务建设项目管理实施细则》的通知', '高政办发〔2021〕1号', ['高青县人民政府办公室'], '2021-07-20', '通知', false, [342, 925], {cites: ['厅发〔2016〕19号','淄政发〔2017〕29号']}),
      doc('高青县人民政府办公室关于加快推进“长者食堂”建设的实施意见', '高政办发〔2021〕2号', ['高青县人民政府办公室'], '2021-08-03', '意见', true, [926, 1394], {registrationNumber: 'GQDR-2021-0020002',effectiveClause: '本意见自2021年9月2日起施行',effectiveDate: '2021-09-02',validityClause: '有效期至2023年12月31日',validUntil: '2023-12-31'}),
      doc('高青县人民政府办公室关于印发《高青县优化提升工程建设项目审批制度改革实施方案》的通知', '高政办发〔2021〕3号', ['高青县人民政府办公室'], '2021-08-09', '通知', false, [1395, 2371], {cites: ['淄政发〔2019〕8号']}),
      doc('高青县人民政府办公室关于印发《构建更加完善的要素市场化配置体制机制的实施意见》的通知', '高政办字〔2021〕31号', ['高青县人民政府办公室'], '2021-07-21', '通知', false, [2373, 2960], {cites: ['鲁发电〔2020〕42号','淄政发明电〔2021〕1号']}),
      doc('高青县人民政府办公室关于印发高青县政务服务“双全双百”工程实施方案的通知', '高政办字〔2021〕33号', ['高青县人民政府办公室'], '2021-07-30', '通知', false, [2961, 3304], {cites: ['淄政办字〔2021〕54号']}),
      doc('高青县人民政府办公室关于印发《高青县发电企业生产安全事故应急预案》的通知', '高政办字〔2021〕34号', ['高青县人民政府办公室'], '2021-07-30', '通知', false, [3305, 4495], {effectiveClause: '本预案自印发之日起实施',effectiveDate: '2021-07-30'}),
      doc('高青县人民政府办公室关于推进养老事业高质量发展的实施方案', '高政办字〔2021〕35号', ['高青县人民政府办公室'], '2021-08-03', '方案', false, [4496, 5355], {cites: ['淄政办字〔2020〕115号','淄政办字〔2020〕34号','淄政办发〔2021〕64号','鲁政发〔2014〕11号']}),
      doc('高青县人民政府办公室关于印发高青县2021年冬季清洁取暖实施方案的通知', '高政办字〔2021〕37号', ['高青县人民政府办公室'], '2021-08-28', '通知', false, [5356, 5691], {}),
      doc('高青县人民政府关于杨凡等15名工作人员职务任免的通知', '高政任〔2021〕5号', ['高青县人民政府'], '2021-08-25', '任免', false, [5692, 5764], {appointments: [['杨凡','任命','县工业和信息化局副局长'],['樊新军','任命','县住房和城乡建设局副局长'],['张延新','任命','县公用事业服务中心主任'],['苗光勇','任命','县乡村振兴局局长'],['李海兵','任命','县乡村振兴局副局长'],['武海峰','任命','县畜牧渔业服务中心副主任'],['唐荣奇','任命','县旅游发展中心副主任'],['蔡春生','任命','县综合行政执法局副局长'],['王卫平','任命','县城市管理服务中心主任'],['王振','任命','县行政审批服务局副局长'],['程卫忠','任命','县供销合作社副主任'],['杨凡','免去','县新型工业发展服务中心副主任（挂职）'],['张学英','免去','县工业和信息化局副局长'],['朱唯一','免去','县体育事业服务中心副主任'],['樊国平','免去','县畜牧渔业服务中心副主任'],['孙伟星','免去','高青经济开发区管委会副主任']]}),
      doc('高青县人民政府关于徐凤、任文兵2名工作人员挂职的通知', '高政任〔2021〕6号', ['高青县人民政府'], '2021-08-25', '任免', false, [5765, 5790], {appointments: [['徐凤','任命','县农业农村局副局长'],['任文兵','任命','县畜牧渔业服务中心副主任']]}),
    ],
  },
};

describe('answer key: every field of every corpus document', () => {
  for (const prefix of Object.keys(KEY)) {
    const r = parse(prefix);
    it(`${prefix}: gazette header and TOC`, () => {
      expect(r.gazette).toEqual(KEY[prefix].gazette);
    });
    it(`${prefix}: ${KEY[prefix].documents.length} documents`, () => {
      expect(r.documents.map((d) => d.title)).toEqual(KEY[prefix].documents.map((d) => d.title));
    });
    KEY[prefix].documents.forEach((want, i) => {
      it(`${prefix} #${i + 1} ${want.title.slice(0, 40)}`, () => {
        const { body: _body, docNumber, ...got } = r.documents[i];
        expect({ ...got, docNumber: docNumber?.raw ?? null }).toEqual(want);
        if (docNumber) expect(parseDocNumber(docNumber.raw)).toEqual(docNumber);
      });
    });
  }
});

describe('clean body paragraphs in every corpus document', () => {
  const all = ['000', '001', '002', '003', '004'].flatMap((p) => parse(p).documents.map((d) => ({ p, d })));
  it('no running headers, page numbers, Markdown markers or spaces between CJK characters', () => {
    for (const { p, d } of all) {
      for (const para of d.body) {
        const where = `${p} ${d.title}: ${para.slice(0, 60)}`;
        expect(para, where).not.toMatch(/公报\s*(?:\d{4}\s*年\s*)?第\s*\d+\s*[期号]/);
        expect(para, where).not.toMatch(/[—－]\s*\d{1,3}\s*[—－]/);
        expect(para, where).not.toContain('**');
        expect(para, where).not.toMatch(/[\u4e00-\u9fff，。、；：“”（）][ \u3000]+[\u4e00-\u9fff，。、；：“”（）]/);
      }
    }
  });
  it('headings start their own paragraphs', () => {
    for (const { p, d } of all) {
      for (const para of d.body) {
        // a heading number right after a sentence end means two paragraphs were run together
        expect(para, `${p}: ${para.slice(0, 80)}`).not.toMatch(/[。；]\s*(?:[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）)[\u4e00-\u9fff]{2,12}[。\n]?$/);
      }
    }
    const d = parse('000').documents[0];
    expect(d.body).toContain('一、责任分工');
    expect(d.body).toContain('二、工作内容');
  });
  it('two-column hard wraps (004) are joined into whole sentences', () => {
    const d = parse('004').documents[1];
    expect(d.body).toContain('一、工作目标');
    expect(d.body.some((x) => x.startsWith('为深入贯彻落实党中央、国务院关于深化“放管服”改革部署和省市优化营商环境工作要求') && x.endsWith('制定本方案。'))).toBe(true);
    const appointments = parse('004').documents[11].body;
    expect(appointments).toContain('杨凡为县工业和信息化局副局长（试用期一年）；');
  });
  it('a signature block is never glued to the sentence above it (招政发〔2022〕11号)', () => {
    const d = parse('001').documents.find((x) => x.docNumber?.normalized === '招政发〔2022〕11号')!;
    const at = d.body.indexOf('《全市重点项目建设专项扶持资金补助办法》已经市委、市政府');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(d.body.slice(at + 1, at + 3)).toEqual(['招远市人民政府', '2022年2月7日']);
    // every corpus document: the paragraph before the signature date is the organ line, alone
    for (const { p, d: doc } of all) {
      const i = doc.body.findIndex((x) => isDateOnly(x) && parseCnDate(x) === doc.dateSigned);
      expect(i, `${p} ${doc.title}`).toBeGreaterThan(0);
      expect(splitIssuers(doc.body[i - 1])?.join(''), `${p} ${doc.title}: ${doc.body[i - 1]}`).toBe(doc.issuers.join(''));
    }
    expect(parse('004').documents[0].body).toContain('附件：保留的县政府和县政府办公室规范性文件目录');
    expect(parse('002').documents[0].body).toContain('（此件公开发布）');
    expect(parse('002').documents[0].body).toContain('环翠区关于促进3岁以下婴幼儿照护服务发展的实施方案');
  });
  it('attachments stay with their notice', () => {
    const d = parse('000').documents[3];
    expect(d.body).toContain('本实施方案自2021年7月2日起施行，有效期至2025年12月19日。');
    expect(d.body.at(-1)).toBe('区计划生育协会负责参与婴幼儿照护服务的宣传教育和社会监督。');
    const h = parse('001').documents[3];
    expect(h.body.join('')).toContain('第十条本办法自印发之日起执行');
  });
});
