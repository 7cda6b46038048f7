import { describe, expect, it } from 'vitest';
import { parseCnDate } from '../domain/cn-date';
import { findDocNumbers, parseDocNumber } from '../domain/docnumber';
import { ParseResult } from '../domain/parse-result';
import { extractValidity } from '../domain/validity';
import { paragraphs, tableRows } from './body';
import { parseText } from './index';
import { extractAppointments, extractRelations } from './relations';
import { buildUnits } from './units';

// Variants other offices produce, beyond the five corpus files.

describe('文号 variants', () => {
  it.each([
    '招政发[2022]8号', '招政发(2022)8号', '招政发（2022）8号', '招政发【2022】8号', '招政发〔2022〕8号', '招政发﹝2022﹞8号',
    '招政发［2022］8号', '招 政 发 〔 2022 〕 8 号', '招政发〔2022〕08号', '招政发〔２０２２〕８号', '招政发〔2022〕第8号',
  ])('%s → 招政发〔2022〕8号, also inside running text', (raw) => {
    expect(parseDocNumber(raw)?.normalized).toBe('招政发〔2022〕8号');
    expect(findDocNumbers(`根据《某办法》（${raw}）执行`).map((d) => d.normalized)).toEqual(['招政发〔2022〕8号']);
  });
  it('原 and a title line above are not part of the agency', () => {
    expect(findDocNumbers('原招政发〔2018〕27号文件同时废止')[0].agency).toBe('招政发');
    expect(findDocNumbers('养老事业高质量发展的实施方案\n高政办字〔2021〕35号')[0].normalized).toBe('高政办字〔2021〕35号');
  });
});

describe('Chinese-numeral dates', () => {
  it.each([
    ['二〇二二年二月七日', '2022-02-07'], ['二○二二年二月七日', '2022-02-07'], ['二O二二年二月七日', '2022-02-07'],
    ['二0二二年二月七日', '2022-02-07'], ['二零二二年二月七日', '2022-02-07'], ['二〇二一年十月十日', '2021-10-10'],
    ['二〇二一年十二月二十日', '2021-12-20'], ['二〇二一年十二月三十一日', '2021-12-31'], ['二零二一年七月七号', '2021-07-07'],
    ['２０２２年２月７日', '2022-02-07'], ['2022 年 2 月 7 日', '2022-02-07'], ['二〇二一年二月三十日', null],
  ])('%s → %s', (s, iso) => expect(parseCnDate(s)).toBe(iso));
});

describe('validity wording', () => {
  const v = (t: string, signed: string | null = '2021-06-01', title = '某某管理办法') => extractValidity(t, { dateSigned: signed, title });
  it('有效期至 an explicit date wins', () => {
    expect(v('本办法自印发之日起施行，有效期至2025年12月31日。')).toMatchObject({ effectiveDate: '2021-06-01', validityClause: '有效期至2025年12月31日', validUntil: '2025-12-31' });
    expect(v('本办法自2021年7月1日起施行，有效期至2026年6月30日。')).toMatchObject({ effectiveDate: '2021-07-01', validUntil: '2026-06-30', warnings: [] });
    expect(v('本办法自2021年7月1日起施行，有效期截至2026年6月30日。').validUntil).toBe('2026-06-30');
  });
  it('有效期为五年 / 两年 / 有效期限为五年 count from the 施行日 (or the 成文日期)', () => {
    expect(v('本办法有效期为五年。')).toMatchObject({ validityClause: '有效期为五年', validUntil: '2026-05-31' });
    expect(v('本办法自公布之日起施行，有效期两年。').validUntil).toBe('2023-05-31');
    expect(v('本办法自2021年7月1日起实施，有效期限为五年。')).toMatchObject({ validityClause: '有效期限为五年', validUntil: '2026-06-30' });
    expect(v('本办法自二〇二一年七月一日起施行，有效期五年。').validUntil).toBe('2026-06-30');
  });
  it('有效期自…至… gives the start as well', () => {
    expect(v('本办法有效期自2021年7月1日至2026年6月30日。')).toMatchObject({ effectiveDate: '2021-07-01', validUntil: '2026-06-30', warnings: [] });
  });
  it('自发布之日起30日后施行', () => {
    expect(v('本办法自发布之日起30日后施行，有效期5年。')).toMatchObject({ effectiveDate: '2021-07-01', validUntil: '2026-06-30' });
    expect(v('本规定自印发之日起三十日后施行。').effectiveDate).toBe('2021-07-01');
  });
  it('从…起 / 于…起 施行: the 施行 date, not the 成文日期, starts the period', () => {
    expect(v('本办法于2021年7月1日起施行，有效期5年。')).toMatchObject({ effectiveDate: '2021-07-01', validUntil: '2026-06-30' });
    expect(v('本办法从2021年7月1日起施行，有效期5年。')).toMatchObject({ effectiveDate: '2021-07-01', validUntil: '2026-06-30' });
    expect(v('本通知从印发之日起执行，有效期3年。')).toMatchObject({ effectiveDate: '2021-06-01', validUntil: '2024-05-31' });
    // 适用于 is no 施行 clause and does not undo the one before it
    expect(v('本办法自2021年7月1日起施行。本办法适用于本市自2021年起实施的项目。').effectiveDate).toBe('2021-07-01');
    // another text's date in force stays another's
    expect(v('《某某条例》已于2021年5月1日经批准，于2021年7月1日起施行。').effectiveClause).toBeNull();
  });
  it('有效期至 a month or year end: the last day of it', () => {
    expect(v('本办法自印发之日起施行，有效期至2025年底。').validUntil).toBe('2025-12-31');
    expect(v('本办法自印发之日起施行，有效期至2026年6月。').validUntil).toBe('2026-06-30');
    expect(v('本办法自印发之日起施行，有效期至2024年2月底止。').validUntil).toBe('2024-02-29');
  });
  it('有效期为三年，自…起至…止: the printed period wins over computing from the length', () => {
    expect(v('本通知有效期为三年，自2021年7月1日起至2024年6月30日止。')).toMatchObject({ effectiveDate: '2021-07-01', validUntil: '2024-06-30' });
    expect(v('本办法有效期5年（2021年7月1日至2026年6月30日）。').validUntil).toBe('2026-06-30');
  });
  it('有效期：3年 with a colon', () => {
    expect(v('本办法自2021年7月1日起施行，有效期：3年。').validUntil).toBe('2024-06-30');
  });
  it('warns under the limits given (暂行/试行 over 2 years, others over 5); none without a clause', () => {
    const sd = (t: string, title = '某某管理办法') => extractValidity(t, { dateSigned: '2021-06-01', title, maxYears: 5, maxYearsTemporary: 2 });
    expect(sd('本办法自2021年7月1日起施行，有效期三年。', '某某暂行办法').warnings).toContain('暂行/试行文件有效期超过2年');
    expect(sd('本办法自2021年7月1日起施行，有效期二年。', '某某办法（试行）').warnings).toEqual([]);
    expect(sd('本办法自2021年7月1日起施行，有效期十年。').warnings).toContain('有效期超过5年');
    expect(sd('本规定自2021年7月1日起施行，有效期至2031年6月30日。').warnings).toContain('有效期超过5年');
    // extraction alone does not know whose rule applies (the issuer's province decides, at review)
    expect(v('本办法自2021年7月1日起施行，有效期十年。').warnings).toEqual([]);
    expect(v('请各单位认真贯彻执行。')).toMatchObject({ validityClause: null, validUntil: null, warnings: [] });
  });
});

describe('relations wording', () => {
  const r = (t: string) => extractRelations(t, '招政发〔2022〕1号');
  const old = { title: '某某管理办法', docNumber: '招政发〔2018〕27号' };
  it.each([
    '本办法自印发之日起施行，《某某管理办法》（招政发〔2018〕27号）同时废止。',
    '《某某管理办法》（招政发〔2018〕27号）予以废止。',
    '《某某管理办法》（招政发〔2018〕27号）停止执行。',
    '《某某管理办法》（招政发〔2018〕27 号）废止。',
    '原《某某管理办法》(招政发[2018]27号)同时废止。',
    '本办法自印发之日起施行，决定废止《某某管理办法》（招政发〔2018〕27号）。',
  ])('abolishes: %s', (t) => {
    expect(r(t).abolishes).toEqual([old]);
    expect(r(t).cites).toEqual(['招政发〔2018〕27号']);
  });
  it('bare 文号 and several targets', () => {
    expect(r('原招政发〔2018〕27号文件同时废止。').abolishes).toEqual([{ title: null, docNumber: '招政发〔2018〕27号' }]);
    expect(r('自本办法施行之日起，招政发〔2018〕27号文件停止执行。').abolishes).toEqual([{ title: null, docNumber: '招政发〔2018〕27号' }]);
    expect(r('原《某某管理办法》同时废止。').abolishes).toEqual([{ title: '某某管理办法', docNumber: null }]);
    expect(r('《某某管理办法》（招政发〔2018〕27号）和《某某规定》（招政发〔2019〕3号）同时废止。').abolishes).toEqual([
      old, { title: '某某规定', docNumber: '招政发〔2019〕3号' },
    ]);
  });
  it.each([
    '本办法替代《某某管理办法》（招政发〔2018〕27号）。',
    '本办法自印发之日起施行，代替《某某管理办法》（招政发〔2018〕27号）。',
    '《某某管理办法》（招政发〔2018〕27号）由本办法取代。',
  ])('replaces: %s', (t) => {
    expect(r(t).replaces).toEqual([old]);
    expect(r(t).abolishes).toEqual([]);
  });
  it.each([
    '现决定对《某某管理办法》（招政发〔2018〕27号）作如下修改：',
    '决定修改《某某管理办法》（招政发〔2018〕27号）。',
    '对《某某管理办法》（招政发〔2018〕27号）部分条款予以修改。',
  ])('amends: %s', (t) => expect(r(t).amends).toEqual([old]));
  it('a cited title that itself speaks of 修改/废止 is only a citation', () => {
    const t = '《烟台市人民代表大会常务委员会关于修改〈烟台市燃放烟花爆竹管理条例〉的决定》已经批准施行。';
    expect(r(t)).toEqual({ abolishes: [], amends: [], replaces: [], cites: [] });
    expect(r('根据《关于废止部分文件的决定》（鲁政发〔2020〕1号）执行。').abolishes).toEqual([]);
  });
});

describe('任免 wording', () => {
  it('lists, 免去…的…职务, 同志任', () => {
    expect(extractAppointments('任命张三为县发展和改革局局长；李四为县财政局副局长（试用期一年）。')).toEqual([
      { name: '张三', action: '任命', position: '县发展和改革局局长' },
      { name: '李四', action: '任命', position: '县财政局副局长' },
    ]);
    expect(extractAppointments('免去王五的县财政局局长职务。')).toEqual([{ name: '王五', action: '免去', position: '县财政局局长' }]);
    expect(extractAppointments('张三同志任县发展和改革局局长；免去李四同志县财政局局长职务。')).toEqual([
      { name: '张三', action: '任命', position: '县发展和改革局局长' },
      { name: '李四', action: '免去', position: '县财政局局长' },
    ]);
    expect(extractAppointments('任命：\n赵六为县统计局局长；\n免去：\n钱七的县统计局局长职务。')).toEqual([
      { name: '赵六', action: '任命', position: '县统计局局长' },
      { name: '钱七', action: '免去', position: '县统计局局长' },
    ]);
    expect(extractAppointments('决定：任命张三为县财政局局长，免去其县审计局局长职务。')).toContainEqual({ name: '张三', action: '免去', position: '县审计局局长' });
  });
});

const GAZETTE = [
  '某某市人民政府公报',
  '2021年第3期（总第45期）',
  '某某市人民政府办公室编印        2021年3月15日出版',
  '',
  '目  录',
  '',
  '【市政府文件】',
  '某某市人民政府关于印发某某市行政规范性文件管理办法的通知……1',
  '某某市人民政府关于加强城市管理工作的意见…… 12',
  '【市政府办公室文件】',
  '某某市人民政府办公室关于印发某某市城乡社区服务体系建设',
  '规划的通知………………………………………(15)',
  '某某市人民政府办公室关于开展安全生产大检查的通知………（18）',
  '【人事任免】',
  '某某市人民政府关于张三等2名同志职务任免的通知…………—20—',
  '',
  '某某市人民政府',
  '关于印发某某市行政规范性文件管理办法的通知',
  '某政发〔2021〕3号',
  '各区县人民政府，市政府各部门：',
  '现将《某某市行政规范性文件管理办法》印发给你们，请认真贯彻执行。',
  '某某市人民政府',
  '2021年1月5日',
  '某某市行政规范性文件管理办法',
  '第一条 为了规范行政规范性文件管理，制定本',
  '某某市人民政府公报 2021年第3期 5',
  '办法。',
  '—6—',
  '第二条 本办法自2021年2月1日起施行，有效期至2026年1月31日。《某某市规范性文件管理规定》（某政发〔2016〕8号）同时废止。',
  '某某市人民政府',
  '关于加强城市管理工作的意见',
  '某政发〔2021〕5号',
  '各区县人民政府，市政府各部门：',
  '一、总体要求',
  '加强城市管理。本意见自印发之日起施行，有效期五年。',
  '某某市人民政府',
  '二〇二一年二月三日',
  '某某市人民政府办公室',
  '关于印发某某市城乡社区服务体系建设规划的通知',
  '某政办发〔2021〕7号',
  '各区县人民政府，市政府各部门：',
  '现将规划印发给你们。',
  '某某市人民政府办公室',
  '2021年2月10日',
  '某某市人民政府办公室',
  '关于开展安全生产大检查的通知',
  '某政办字〔2021〕9号',
  '各区县人民政府，市政府各部门：',
  '请开展检查。',
  '某某市人民政府办公室',
  '2021年2月20日',
  '某某市人民政府',
  '关于张三等2名同志职务任免的通知',
  '某政任〔2021〕2号',
  '各区县人民政府，市政府各部门：',
  '市政府决定：',
  '任命张三为市财政局局长；李四为市审计局副局长（试用期一年）。',
  '免去王五的市财政局局长职务。',
  '某某市人民政府',
  '2021年3月1日',
].join('\n');

describe('a gazette with 年第N期, 总第N期 and TOC page variants', () => {
  const r = parseText(GAZETTE, { file: 'g.txt', encoding: 'utf-8' });
  it('header and TOC', () => {
    expect(r.gazette).toEqual({
      title: '某某市人民政府公报', issueNumber: 3, totalNumber: 45, year: 2021, publishDate: '2021-03-15', issueUnit: '期',
      toc: [
        { section: '市政府文件', title: '某某市人民政府关于印发某某市行政规范性文件管理办法的通知', page: 1 },
        { section: '市政府文件', title: '某某市人民政府关于加强城市管理工作的意见', page: 12 },
        { section: '市政府办公室文件', title: '某某市人民政府办公室关于印发某某市城乡社区服务体系建设规划的通知', page: 15 },
        { section: '市政府办公室文件', title: '某某市人民政府办公室关于开展安全生产大检查的通知', page: 18 },
        { section: '人事任免', title: '某某市人民政府关于张三等2名同志职务任免的通知', page: 20 },
      ],
    });
  });
  it('documents in order with their fields', () => {
    expect(r.documents.map((d) => [d.docNumber?.normalized, d.dateSigned, d.kind, d.isNormative, d.lineStart])).toEqual([
      ['某政发〔2021〕3号', '2021-01-05', '通知', true, 17],
      ['某政发〔2021〕5号', '2021-02-03', '意见', true, 30],
      ['某政办发〔2021〕7号', '2021-02-10', '通知', false, 38],
      ['某政办字〔2021〕9号', '2021-02-20', '通知', false, 45],
      ['某政任〔2021〕2号', '2021-03-01', '任免', false, 52],
    ]);
    const [a, b] = r.documents;
    expect(a).toMatchObject({ effectiveDate: '2021-02-01', validUntil: '2026-01-31', abolishes: [{ title: '某某市规范性文件管理规定', docNumber: '某政发〔2016〕8号' }] });
    expect(a.body).toContain('第一条为了规范行政规范性文件管理，制定本办法。');
    expect(b).toMatchObject({ effectiveDate: '2021-02-03', validUntil: '2026-02-02' });
    expect(r.documents[4].appointments).toHaveLength(3);
    expect(r.warnings).toEqual([]);
  });
});

describe('a single plain notice', () => {
  const NOTICE =
    '\ufeff某某县人民政府办公室\r\n关于印发某某县农村饮水安全管理办法（试行）的通知\r\n某政办发〔2020〕08号\r\n各乡镇人民政府：\r\n' +
    '现将办法印发给你们。\r\n某某县人民政府办公室\r\n二〇二〇年十二月三十一日\r\n某某县农村饮水安全管理办法（试行）\r\n' +
    '第一条 为了保障饮水安全，制定本办法。\r\n第二十条 本办法自2021年1月1日起施行，有效期三年。\r\n';
  it('with BOM and CRLF: one document, lines as in the file, no gazette', () => {
    const r = parseText(NOTICE, { file: 'n.txt', encoding: 'utf-8-bom' });
    expect(r.gazette).toBeNull();
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '某某县人民政府办公室关于印发某某县农村饮水安全管理办法（试行）的通知',
      docNumber: { raw: '某政办发〔2020〕08号', normalized: '某政办发〔2020〕8号', agency: '某政办发', year: 2020, serial: 8 },
      issuers: ['某某县人民政府办公室'], dateSigned: '2020-12-31', kind: '通知', isNormative: true,
      effectiveDate: '2021-01-01', validityClause: '有效期三年', validUntil: '2023-12-31', lineStart: 1, lineEnd: 10,
    });
    expect(r.documents[0].body.join('\n')).not.toMatch(/\r|\ufeff/);
    // the length is judged at review by the issuer's province's rule, not by extraction
    expect(r.warnings).toEqual([]);
    const lf = parseText(NOTICE.replace(/\r\n/g, '\n').slice(1), { file: 'n.txt', encoding: 'utf-8' });
    expect(lf.documents.map(({ body: _b, ...d }) => d)).toEqual(r.documents.map(({ body: _b, ...d }) => d));
  });
});

describe('a signature block never joins the sentence above it', () => {
  // Two-column print like 004: hard wraps every 17 characters and a blank line between every line.
  const wrap = (s: string) => (s.match(/.{1,17}/gu) ?? []).join('\n\n');
  const WRAPPED = [
    '某某县人民政府',
    '关于印发某某县农村公路养护管理办法的通知',
    '某政发〔2021〕12号',
    '各镇人民政府，各街道办事处，县政府各部门：',
    // the end of the sentence was lost in the PDF: the signature follows an unfinished, full-width line
    wrap('现将《某某县农村公路养护管理办法》印发给你们，请结合本部门实际认真'),
    '某某县人民政府',
    '2021年8月25日',
    '（此件主动公开）',
    '某某县农村公路养护管理办法',
    wrap('第一条为了加强农村公路养护管理，保障农村公路完好、安全和畅通，根据《公路法》和有关法规规定，结合本县实际，制定本办法。'),
    wrap('第二条本办法适用于本县行政区域内县道、乡道和村道的养护管理，以及相关的监督检查和资金保障等工作。'),
    wrap('第三条本办法自2021年10月1日起施行，有效期五年。'),
  ].join('\n\n');
  it('two-column wrapped layout: organ line, date line and publication note stand alone', () => {
    const r = parseText(WRAPPED, { file: 'w.txt', encoding: 'utf-8' });
    expect(r.documents).toHaveLength(1);
    const d = r.documents[0];
    expect(d).toMatchObject({ issuers: ['某某县人民政府'], dateSigned: '2021-08-25', validUntil: '2026-09-30' });
    expect(d.body.slice(0, 6)).toEqual([
      '各镇人民政府，各街道办事处，县政府各部门：',
      '现将《某某县农村公路养护管理办法》印发给你们，请结合本部门实际认真',
      '某某县人民政府',
      '2021年8月25日',
      '（此件主动公开）',
      '某某县农村公路养护管理办法',
    ]);
    expect(d.body).toContain('第二条本办法适用于本县行政区域内县道、乡道和村道的养护管理，以及相关的监督检查和资金保障等工作。');
  });
  it('blocks layout: joint issuers one per line, a Chinese-numeral date, 附件 and 此件公开发布', () => {
    const units = buildUnits(
      [
        '经县政府同意，现将《某某县河长制工作考核办法》印发给你们，请',
        '附件：某某县河长制工作考核细则',
        '中共某某县委办公室',
        '某某县人民政府办公室',
        '',
        '二〇二一年八月二十五日',
        '（此件公开发布）',
      ].join('\n'),
    );
    expect(paragraphs(units, 'blocks')).toEqual([
      '经县政府同意，现将《某某县河长制工作考核办法》印发给你们，请',
      '附件：某某县河长制工作考核细则',
      '中共某某县委办公室',
      '某某县人民政府办公室',
      '二〇二一年八月二十五日',
      '（此件公开发布）',
    ]);
  });
  it('a signature naming the document’s own issuers, organ and date on one line', () => {
    const issuers = ['中共某某县委办公室', '某某县人民政府办公室', '某某县人民武装部政治工作处'];
    const sig = issuers.join('');
    const text = `请各单位结合实际认真贯彻落实，确保各项措施落地见效并按时报送工作进展情况\n${sig}\n2021年8月25日`;
    expect(paragraphs(buildUnits(text), 'blocks', issuers)).toEqual([
      '请各单位结合实际认真贯彻落实，确保各项措施落地见效并按时报送工作进展情况',
      sig,
      '2021年8月25日',
    ]);
    const oneLine = '请各单位结合实际认真贯彻落实，确保各项措施落地见效并按时报送工作进展情况\n某某县人民政府 2021年8月25日';
    expect(paragraphs(buildUnits(oneLine), 'blocks')).toEqual([
      '请各单位结合实际认真贯彻落实，确保各项措施落地见效并按时报送工作进展情况',
      '某某县人民政府2021年8月25日',
    ]);
  });
  it('an organ name inside running text is not a signature', () => {
    const units = buildUnits('本办法由某某县交通运输局\n负责解释，自2021年10月1日起施行。\n某某县交通运输局\n附件：某某清单');
    expect(paragraphs(units, 'blocks')).toEqual(['本办法由某某县交通运输局负责解释，自2021年10月1日起施行。', '某某县交通运输局', '附件：某某清单']);
  });
});

describe('never throws, never super-linear', () => {
  const rand = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  it('random CJK soup, punctuation only, control characters', () => {
    const next = rand(42);
    const alphabet = '关于印发的通知〔〕（）()[]【】《》号年月日第期总有效期自起施行废止任命免去为职务一二三四五六七八九十〇○O0123456789，。；：—…· \n\t\r';
    for (let n = 0; n < 200; n++) {
      let s = '';
      const len = Math.floor(next() * 3000);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      const r = parseText(s, { file: 'soup.txt', encoding: 'utf-8' });
      expect(() => ParseResult.parse(r)).not.toThrow();
    }
    for (const s of ['。，、；：！？'.repeat(5000), '\u0000'.repeat(1000), '\ufeff', '\r\r\r', '—1—\n'.repeat(1000)]) {
      expect(() => ParseResult.parse(parseText(s, { file: 'p.txt', encoding: 'utf-8' }))).not.toThrow();
    }
  });
  it('a 10 MB single line and adversarial repetitions stay fast', () => {
    const cases = [
      '政'.repeat(10_000_000),
      '有效期'.repeat(500_000),
      '自'.repeat(1_000_000) + '起',
      '《'.repeat(500_000) + '废止',
      '任命'.repeat(500_000),
      '本办法自' + '印'.repeat(2_000_000),
      ('招政发〔2022〕' + ' '.repeat(20)).repeat(50_000),
    ];
    for (const s of cases) {
      const t0 = performance.now();
      parseText(s, { file: 'big.txt', encoding: 'utf-8' });
      expect(performance.now() - t0, s.slice(0, 20)).toBeLessThan(8000);
    }
  }, 120_000);
  it('time grows linearly with size', () => {
    const unit = '某某县人民政府办公室\n关于印发某某办法的通知\n某政办发〔2020〕8号\n各乡镇人民政府：\n本办法自2021年1月1日起施行，有效期三年。\n某某县人民政府办公室\n2020年12月31日\n';
    const time = (n: number) => {
      const s = unit.repeat(n);
      const t0 = performance.now();
      parseText(s, { file: 'x', encoding: 'utf-8' });
      return performance.now() - t0;
    };
    time(200);
    const small = Math.max(time(500), 5);
    expect(time(4000)).toBeLessThan(small * 8 * 4);
  }, 60_000);
});

describe('tables kept as rows of cells (issue 12.5)', () => {
  it('keeps each line of tab-separated cells a paragraph of its own, cells compacted, empty cells in place', () => {
    const text = [
      '各单位任务如下：',
      '',
      '单 位\t任务\t\t',
      '\t\t完成时间\t责任人',
      '县教育局\t建成 3 所学校\t2022 年 6 月\t张 三',
      '\t\t\t李四',
      '',
      '其他工作按原方案执行。',
    ].join('\n');
    expect(paragraphs(buildUnits(text), 'blocks')).toEqual([
      '各单位任务如下：',
      '单位\t任务\t\t',
      '\t\t完成时间\t责任人',
      '县教育局\t建成3所学校\t2022年6月\t张三',
      '\t\t\t李四',
      '其他工作按原方案执行。',
    ]);
  });
  it('a single cell before empty ones is a row next to other rows, a stray tab after a sentence is not', () => {
    expect(tableRows(['企业、项目名称\t负责人\t职务', '企业诉求\t\t', '部门\t姓名\t'])).toEqual(['企业、项目名称\t负责人\t职务', '企业诉求\t\t', '部门\t姓名\t']);
    expect(tableRows(['本通知自印发之日起施行。\t', '附件：名单'])).toEqual([null, null]);
    expect(tableRows(['\t\t', '正文'])).toEqual([null, null]);
  });
});


describe('text copied from web pages', () => {
  it('reads a 文号, a date and a title through the zero-width characters pages leave in them', () => {
    const zw = '\ufeff高青县人民政府\n关于印发\u200b某某办法的通知\n高政发\u200b〔2021〕\u20603号\n\n各镇人民政府：\n现印发给你们。\n\n高青县人民政府\n2021年\u200b6月1日\n';
    const [d] = parseText(zw, { file: 'a.txt', encoding: 'utf-8' }).documents;
    expect([d.title, d.docNumber?.normalized, d.dateSigned]).toEqual(['高青县人民政府关于印发某某办法的通知', '高政发〔2021〕3号', '2021-06-01']);
  });
});

describe('short flattened texts', () => {
  const a = '招远市人民政府 关于印发招远市城区停车管理办法的通知 招政发〔2023〕3号 各镇人民政府、街道办事处，市政府各部门： 现将《招远市城区停车管理办法》印发给你们，请认真贯彻执行。本办法自2023年3月1日起施行，有效期五年。 招远市人民政府 2023年2月10日';
  const b = '招远市人民政府办公室关于印发招远市农村公路养护工作方案的通知 招政办发〔2023〕8号 各镇人民政府、街道办事处： 现将农村公路养护工作方案印发给你们，请结合实际认真抓好落实。 招远市人民政府办公室 2023年2月20日';
  const read = (t: string) => parseText(t, { file: 'f.txt', encoding: 'utf-8' }).documents.map((d) => [d.title, d.docNumber?.normalized, d.dateSigned]);

  it('finds title, 文号 and date of a notice flattened onto one line of a few hundred characters, and two on one line', () => {
    expect(read(a)).toEqual([['招远市人民政府关于印发招远市城区停车管理办法的通知', '招政发〔2023〕3号', '2023-02-10']]);
    expect(read(`${a} ${b}`)).toEqual([
      ['招远市人民政府关于印发招远市城区停车管理办法的通知', '招政发〔2023〕3号', '2023-02-10'],
      ['招远市人民政府办公室关于印发招远市农村公路养护工作方案的通知', '招政办发〔2023〕8号', '2023-02-20'],
    ]);
  });

  it('leaves a numbered list row with a 文号 a row of its list', () => {
    const list = ['某市人民政府关于废止部分规范性文件的决定', '某市府发〔2009〕1号', '经研究，决定废止以下文件：', '1 关于城市规划建设管理规定的通知 某市府发〔2000〕65号 制定依据发生了重大变化', '2 关于某某工作的意见 某市府发〔2001〕7号 已被新文件替代', '', '某市人民政府', '2009年1月5日'].join('\n');
    const [d] = parseText(list, { file: 'l.txt', encoding: 'utf-8' }).documents;
    expect(d.title).toBe('某市人民政府关于废止部分规范性文件的决定');
    expect(d.abolishes.map((x) => x.docNumber)).toEqual(['某市府发〔2000〕65号', '某市府发〔2001〕7号']);
  });
});
