import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseResult } from '../domain/parse-result';
import { parseText } from './index';

// Expected values were read off the corpus texts by hand (not copied from parser output).
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const file = (prefix: string) => readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
const parse = (prefix: string) => parseText(readFileSync(path.join(CORPUS, file(prefix)), 'utf8'), { file: file(prefix), encoding: 'utf-8' });

describe('corpus 000 莱山区 2021 第2号', () => {
  const r = parse('000');
  it('gazette header and TOC', () => {
    expect(r.gazette).toMatchObject({ title: '烟台市莱山区人民政府公报', issueNumber: 2, totalNumber: 20, year: 2021, publishDate: '2021-07-07' });
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
    expect(d.cites).toEqual(expect.arrayContaining(['招政发〔2018〕27号', '招政字〔2021〕18号']));
    expect(d.cites).not.toContain('招政发〔2022〕11号');
  });
  it('normative: 办法/意见 yes, 规划/方案 no', () => {
    expect(r.documents.map((d) => d.isNormative)).toEqual([true, true, true, true, false, true, true, true, true, false, false]);
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
