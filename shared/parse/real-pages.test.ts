import { describe, expect, it } from 'vitest';
import { findCnDates, parseCnDate } from '../domain/cn-date';
import { findDocNumbers, findOrderNumbers, parseDocNumber } from '../domain/docnumber';
import { ParseResult } from '../domain/parse-result';
import { parseText } from './index';

// Texts as they come from other provinces' websites and law databases (issue 16), one failure class per block.
// Names are made up; the layouts are those of the real pages.
const parse = (lines: string[]) => parseText(lines.join('\n'), { file: 'page.txt', encoding: 'utf-8' });
const one = (lines: string[]) => {
  const r = parse(lines);
  expect(() => ParseResult.parse(r)).not.toThrow();
  expect(r.documents).toHaveLength(1);
  return r.documents[0];
};

describe('1. page furniture before the title; the metadata table as evidence', () => {
  it('breadcrumbs, 归档时间, 来源, 字号 and 打印本页 are not the document', () => {
    const d = one([
      '来源：https://www.example.gov.cn/art/2021/3/5/art_1.html',
      '您的位置：首页 > 政府信息公开 > 政策文件',
      '归档时间:2021-03-05',
      '字号：大 中 小　打印本页　关闭窗口',
      '某某市人民政府关于印发某某市河道管理办法的通知',
      '某政发〔2021〕3号',
      '各区县人民政府，市政府各部门：',
      '现将《某某市河道管理办法》印发给你们，请认真贯彻执行。',
      '某某市人民政府',
      '2021年3月1日',
    ]);
    expect(d).toMatchObject({
      title: '某某市人民政府关于印发某某市河道管理办法的通知',
      docNumber: { normalized: '某政发〔2021〕3号' },
      issuers: ['某某市人民政府'],
      dateSigned: '2021-03-01',
    });
  });
  it('a 政府信息公开 table fills in 文号 and 成文日期 the text lacks; a 发布日期 is not the 成文日期', () => {
    const d = one([
      '索引号: | 0001/2021-00123 | 主题分类: | 综合政务 |',
      '发文机构: | 某某县人民政府办公室 | 发文字号: | 某政办发〔2021〕12号 |',
      '成文日期: | 2021年05月06日 | 发布日期: | 2021-05-10 15:34 |',
      '某某县人民政府办公室关于印发某某县农村公路养护办法的通知',
      '为加强农村公路养护管理，经县政府同意，制定本办法。本办法自印发之日起施行，有效期三年。',
    ]);
    expect(d).toMatchObject({
      title: '某某县人民政府办公室关于印发某某县农村公路养护办法的通知',
      docNumber: { normalized: '某政办发〔2021〕12号' },
      dateSigned: '2021-05-06',
      effectiveDate: '2021-05-06',
      validUntil: '2024-05-05',
    });
  });
  it('labels on their own lines and spaced-out labels without colons', () => {
    const d = one([
      '标题',
      '某某县人民政府关于印发某某县行政规范性文件管理办法的通知发文机关',
      '某某县人民政府',
      '发文字号',
      '某政发〔2021〕1号',
      '成 文 日 期 2021-03-26',
      '某某县人民政府关于印发某某县行政规范性文件管理办法的通知',
      '各镇人民政府，各街道办事处：',
      '现将《某某县行政规范性文件管理办法》印发给你们，请遵照执行。',
    ]);
    expect(d).toMatchObject({ docNumber: { normalized: '某政发〔2021〕1号' }, dateSigned: '2021-03-26', issuers: ['某某县人民政府'] });
  });
});

describe('2. headings a law site repeats', () => {
  it('title / issuer field / title is one title, without the site issuer', () => {
    const d = one([
      '您的位置: 首页 » 法律资料网 » 法律法规 »',
      '某某市人民政府关于印发某某市道路交通安全管理规定的通知',
      '作者:法律资料网 时间:2024-07-12 10:15:15 来源: 法律资料网',
      '下载地址: 点击此处下载',
      '某某市人民政府关于印发某某市道路交通安全管理规定的通知',
      '某某省某某市人民政府',
      '某某市人民政府关于印发某某市道路交通安全管理规定的通知',
      '各县（市、区）人民政府，市直各单位：',
      '《某某市道路交通安全管理规定》已经市人民政府常务会议研究通过，现印发给你们，请遵照执行。',
      '二○○七年二月十二日',
    ]);
    expect(d.title).toBe('某某市人民政府关于印发某某市道路交通安全管理规定的通知');
    expect(d.issuers).toEqual(['某某市人民政府']);
    expect(d.dateSigned).toBe('2007-02-12');
  });
});

describe('3. joint titles keep their 、', () => {
  it('某省人民政府办公厅、某军区政治部关于…', () => {
    const d = one([
      '某某省人民政府办公厅、某某军区政治部关于做好退役士兵安置工作的通知',
      '某政办发〔2019〕5号',
      '各市人民政府，各军分区：',
      '请认真做好安置工作。',
    ]);
    expect(d.title).toBe('某某省人民政府办公厅、某某军区政治部关于做好退役士兵安置工作的通知');
    expect(d.issuers).toEqual(['某某省人民政府办公厅', '某某军区政治部']);
  });
});

describe('4. 政府令', () => {
  it('令 line, （第NN号）, preamble and signature above the title: the 令 number is the own number', () => {
    const d = one([
      '某某市人民政府令',
      '（第77号）',
      '《某某市突发公共卫生事件应急办法》已经2003年9月29日市政府常务会议研究通过，现予公布，自2003年11月1日起施行。',
      '市长　张三',
      '二〇〇三年十月十五日',
      '某某市突发公共卫生事件应急办法',
      '第一章　总则',
      '第一条　为了有效预防、及时控制突发公共卫生事件，制定本办法。',
    ]);
    expect(d.title).toBe('某某市突发公共卫生事件应急办法');
    expect(d.docNumber).toMatchObject({ normalized: '某某市人民政府令第77号', agency: '某某市人民政府令', serial: 77, year: 2003 });
    expect(d).toMatchObject({ issuers: ['某某市人民政府'], dateSigned: '2003-10-15', effectiveDate: '2003-11-01' });
  });
  it('title above `政府令〔2010〕第15号` under the issuer line; 现予发布施行', () => {
    const d = one([
      '某某省人工影响天气管理规定',
      '某某省人民政府',
      '某某省人工影响天气管理规定',
      '政府令〔2010〕第15号',
      '《某某省人工影响天气管理规定》已经2010年12月14日省政府第76次常务会议通过，现予发布施行。',
      '省长',
      '二○一○年十二月二十五日',
      '第一条　为了加强人工影响天气工作的管理，制定本规定。',
    ]);
    expect(d).toMatchObject({ title: '某某省人工影响天气管理规定', docNumber: { normalized: '某某省人民政府令第15号' } });
    expect(d).toMatchObject({ issuers: ['某某省人民政府'], dateSigned: '2010-12-25', effectiveDate: '2010-12-25' });
    expect(d.cites).toEqual([]);
  });
  it('the 令 number round-trips through parseDocNumber (import re-parses it)', () => {
    expect(parseDocNumber('某某市人民政府令第77号')).toMatchObject({ normalized: '某某市人民政府令第77号', year: null, serial: 77 });
    expect(parseDocNumber('某某省人民政府令2016年第116号')).toMatchObject({ year: 2016, serial: 116 });
    expect(findOrderNumbers('（2016年12月1日常州市人民政府令第2号发布）').map((d) => d.normalized)).toEqual(['常州市人民政府令第2号']);
  });
});

describe('5. 红头 with a separator line', () => {
  it('发文机关标志, 文号, rule, then the title', () => {
    const d = one([
      '某某市人民政府办公室文件',
      '某政办发〔2022〕9号',
      '━━━━━━━━━━━━━━━━━━━━',
      '某某市人民政府办公室关于加强城市供水管理的通知',
      '各区县人民政府，市政府各部门：',
      '为加强城市供水管理，现就有关事项通知如下。',
      '某某市人民政府办公室',
      '2022年4月2日',
    ]);
    expect(d).toMatchObject({ title: '某某市人民政府办公室关于加强城市供水管理的通知', docNumber: { normalized: '某政办发〔2022〕9号' } });
  });
});

describe('6. abolition lists', () => {
  it('`予以废止：一、《…》（…令第N号发布）` entries are abolished, with title and number', () => {
    const d = one([
      '为维护法治统一，市政府决定对以下2件市政府规章予以废止：',
      '一、《某某市城市市容管理办法》（2016年12月1日某某市人民政府令第2号发布）',
      '二、《某某市生活垃圾分类管理办法》（2018年11月23日某某市人民政府令第8号发布）',
      '本决定自公布之日起施行。',
    ]);
    expect(d.abolishes).toEqual([
      { title: '某某市城市市容管理办法', docNumber: '某某市人民政府令第2号' },
      { title: '某某市生活垃圾分类管理办法', docNumber: '某某市人民政府令第8号' },
    ]);
    expect(d.cleanup?.counts).toEqual({ 废止: 2 });
  });
  it('table rows `1 关于……的通知 X市府发〔2000〕NN号 说明` and a number cut short', () => {
    const d = one([
      '某某市人民政府关于废止部分政策性文件的决定',
      '各县（市、区）人民政府，市级各部门：',
      '市政府决定对28件文件予以废止。',
      '附件：某某市人民政府决定废止的政策性文件目录',
      '序号 文件名称 发布机关及文号 说明',
      '1 关于城市规划建设管理规定的通知 某市府发〔2000〕65号 制定依据发生了重大变化',
      '2 关于加强城区商品市场建设和管理的通知 某市府发〔2000〕1',
    ]);
    expect(d.abolishes).toEqual([
      { title: '关于城市规划建设管理规定的通知', docNumber: '某市府发〔2000〕65号' },
      { title: '关于加强城区商品市场建设和管理的通知', docNumber: null },
    ]);
    expect(d.cites).not.toContain('某市府发〔2000〕65号');
  });
  it('`…（…令第N号）同时废止` in a clause; 省政府令 spelt out with the issuer', () => {
    const d = one([
      '某某省人民政府关于废止《某某省信访规定》等3件省政府规章的决定',
      '各市人民政府：',
      '经过清理，省政府决定废止以下规章：',
      '一、某某省信访规定（省政府令第114号）。',
      '二、某某省安全生产监督管理规定（省政府令第141号）。',
      '三、某某省高等教育自学考试若干规定（鲁政发〔1983〕90号）。',
      '本决定自公布之日起施行。',
      '某某省人民政府',
      '2016年4月15日',
    ]);
    expect(d.abolishes).toEqual([
      { title: '某某省信访规定', docNumber: '某某省人民政府令第114号' },
      { title: '某某省安全生产监督管理规定', docNumber: '某某省人民政府令第141号' },
      { title: '某某省高等教育自学考试若干规定', docNumber: '鲁政发〔1983〕90号' },
    ]);
    const clause = one(['某某县人民政府关于印发某某办法的通知', '某政发〔2020〕1号', '各乡镇人民政府：',
      '本办法自印发之日起施行，《某某县旧办法》（某某县人民政府令第3号）同时废止。']);
    expect(clause.abolishes).toEqual([{ title: '某某县旧办法', docNumber: '某某县人民政府令第3号' }]);
  });
});

describe('7. cleanup-result notices', () => {
  it('counts per decision (修订 → 修改, 失效 → 宣布失效) and the first-named document of each list', () => {
    const d = one([
      '各乡镇人民政府，县政府各工作部门：',
      '为推进依法行政，县人民政府对现行规范性文件进行了清理，现将清理结果公布如下：',
      '一、对规范性文件26件宣布继续有效。',
      '二、对上级文件已作修订的规范性文件6件予以修订。',
      '三、对适用期已过的规范性文件7件宣布失效。',
      '四、《某某县人民政府关于印发〈某某县农村土地流转管理办法〉的通知》等5件规范性文件废止。',
      '某某县人民政府',
      '2019年1月25日',
    ]);
    expect(d.title).toBe('');
    expect(d.cleanup).toEqual({
      scope: null,
      counts: { 继续有效: 26, 修改: 6, 宣布失效: 7, 废止: 5 },
      items: [{ decision: '废止', title: '某某县人民政府关于印发〈某某县农村土地流转管理办法〉的通知', docNumber: null }],
    });
    expect(d.abolishes).toEqual([{ title: '某某县人民政府关于印发〈某某县农村土地流转管理办法〉的通知', docNumber: null }]);
    expect(d).toMatchObject({ issuers: ['某某县人民政府'], dateSigned: '2019-01-25' });
  });
  it('保留…1份，废止3份; a count inside a cited title is not this notice’s', () => {
    const d = one([
      '某某镇关于公布规范性文件清理结果的通知',
      '各有关单位：',
      '经镇人民政府审议，决定保留镇政府规范性文件1份，废止3份。',
      '依据《某某市人民政府关于修改〈某某规定〉等148件规章的决定》执行。',
    ]);
    expect(d.cleanup?.counts).toEqual({ 继续有效: 1, 废止: 3 });
  });
  it('the scope: what was reviewed', () => {
    const d = one([
      '各有关单位：',
      '我区对2018年12月31日以前区政府发布的规范性文件进行了全面清理，现将结果公布如下：',
      '一、对规范性文件26件宣布继续有效。',
    ]);
    expect(d.cleanup).toMatchObject({ scope: '2018年12月31日以前区政府发布的规范性文件', counts: { 继续有效: 26 } });
  });
  it('an ordinary notice has no cleanup block', () => {
    expect(one(['某某县人民政府关于加强防汛工作的通知', '某政发〔2021〕9号', '各乡镇人民政府：', '共有3件事项请落实。']).cleanup).toBeNull();
  });
});

describe('8. dates', () => {
  it.each([
    ['二 00 五年六月十七日', '2005-06-17'], ['二00五年六月十七日', '2005-06-17'], ['二三年十月十五日', '2003-10-15'],
    ['二〇五年三月一日', '2005-03-01'], ['2019-11-29', '2019-11-29'], ['2001.6.3', '2001-06-03'], ['2019/11/29', '2019-11-29'],
  ])('%s → %s', (s, iso) => expect(parseCnDate(s)).toBe(iso));
  it('a range of years is not a date', () => expect(findCnDates('（2021-2025年）')).toEqual([]));
  it('a signature date whose 年月日 were lost: `{ 2017 6 23`', () => {
    const d = one(['某某县人民政府办公室关于印发某某预案的通知', '各乡镇人民政府：', '现将预案印发给你们。', '某某县人民政府办公室', '（此件公开发布）', '{ 2017 6 23']);
    expect(d.dateSigned).toBe('2017-06-23');
  });
  it('自…起施行，YYYY年M月D日废止 and 试行期N年', () => {
    const a = one(['某某县人民政府关于印发某某暂行办法的通知', '某政发〔2020〕2号', '各乡镇人民政府：', '本办法自2020年3月1日起施行，2022年2月28日废止。']);
    expect(a).toMatchObject({ effectiveDate: '2020-03-01', validUntil: '2022-02-28' });
    const b = one(['某某县人民政府关于印发某某试行办法的通知', '某政发〔2020〕3号', '各乡镇人民政府：', '本办法自2020年3月1日起施行，试行期二年。']);
    expect(b).toMatchObject({ effectiveDate: '2020-03-01', validUntil: '2022-02-28' });
    const c = one(['某某县人民政府关于印发某某办法（试行）的通知', '某政发〔2020〕4号', '各乡镇人民政府：', '本办法自2020年3月1日起试行，试行二年。']);
    expect(c).toMatchObject({ effectiveDate: '2020-03-01', validUntil: '2022-02-28' });
  });
});

describe('8. validity clauses right after the addressee line', () => {
  it('有效期自…起至…止 / 有效期N年，自…起施行 in the first paragraph', () => {
    const a = one(['某某市人民政府关于某某事项的通知', '某政发〔2021〕3号', '各县区人民政府：', '本通知有效期自2021年3月1日起至2026年2月28日止。', '某某市人民政府', '2021年2月7日']);
    expect(a).toMatchObject({ dateSigned: '2021-02-07', effectiveDate: '2021-03-01', validUntil: '2026-02-28' });
    const b = one(['某某市人民政府关于某某事项的通知', '某政发〔2021〕4号', '各县区人民政府：', '本通知有效期3年，自2022年1月1日起施行。', '某某市人民政府', '2021年2月7日']);
    expect(b).toMatchObject({ effectiveDate: '2022-01-01', validUntil: '2024-12-31' });
  });
});

describe('9. joint issuers on separate lines', () => {
  it('both issuers from the signature, and from the head', () => {
    const d = one([
      '中共某某市委办公室',
      '某某市人民政府办公室',
      '关于推进政务公开工作的实施意见',
      '某办发〔2017〕2号',
      '各县市区委、人民政府，某某经济技术开发区，市直各单位：',
      '请结合实际认真贯彻执行。',
      '中共某某市委办公室',
      '某某市人民政府办公室',
      '2017年1月10日',
    ]);
    expect(d.title).toBe('中共某某市委办公室某某市人民政府办公室关于推进政务公开工作的实施意见');
    expect(d.issuers).toEqual(['中共某某市委办公室', '某某市人民政府办公室']);
  });
});

describe('10. flattened texts', () => {
  it('a whole regulation on one line: title, 令 number, signature date', () => {
    const text =
      '某某自治区土地整治办法 某某自治区人民政府令第116号 《某某自治区土地整治办法》已经2016年11月18日自治区人民政府常务会议通过，现予公布，自2017年3月1日起施行。 ' +
      '自治区主席 张三 2016年12月6日 第一章 总则 第一条 为了规范土地整治活动，实现耕地总量动态平衡，制定本办法。 ' +
      '第二条 在本自治区行政区域内从事土地整治及其相关活动，适用本办法。'.repeat(8);
    const d = one([text]);
    expect(d.title).toBe('某某自治区土地整治办法');
    expect(d.docNumber?.normalized).toBe('某某自治区人民政府令第116号');
    expect(d.effectiveDate).toBe('2017-03-01');
  });
});

describe('10b. more page shapes from the real set', () => {
  it('flattened without any spaces: the title right before 第一章', () => {
    const line = '某某市级储备粮轮换与储备成品粮管理办法某某市级储备粮轮换管理办法第一章总则第一条为加强市级储备粮轮换管理，实现轮换工作制度化、规范化，制定本办法。'.repeat(6);
    expect(one(['资源大小:20.65KB', line]).title).toBe('某某市级储备粮轮换管理办法');
  });
  it('a 转发 notice without its title above the 批复 it forwards: two documents', () => {
    const r = parse([
      '各区、县人民政府，各委、局：',
      '现将《国务院关于同意某某市调整部分行政区划的批复》（国函〔2009〕125号）转发给你们。',
      '某某市人民政府',
      '二○○九年十一月八日',
      '国务院关于同意某某市调整部分行政区划的批复（国函〔2009〕125号）',
      '某某市人民政府：',
      '你市《关于调整某某市部分行政区划的请示》（某政报〔2009〕39号）收悉。现批复如下：',
      '中华人民共和国国务院',
      '二○○九年十月二十一日',
    ]);
    expect(r.documents.map((d) => [d.title, d.docNumber?.normalized ?? null, d.dateSigned])).toEqual([
      ['', null, '2009-11-08'],
      ['国务院关于同意某某市调整部分行政区划的批复', '国函〔2009〕125号', '2009-10-21'],
    ]);
    expect(r.documents[0].cites).toEqual(['国函〔2009〕125号']);
  });
  it('a page heading repeated by the head that carries the 文号 is one document', () => {
    const r = parse([
      '[ 发文字号 ] | 某州府办发〔2018〕13号 | [ 成文日期 ] | 2020-07-16 |',
      '某某区人民政府办公室关于印发某某区政府投资项目管理办法的通知',
      '某州府办发〔2018〕13号',
      '某某区人民政府办公室',
      '关于印发某某区政府投资项目',
      '管理办法的通知',
      '各镇乡人民政府，区政府各部门：',
      '现将办法印发给你们，请认真贯彻执行。',
      '某某区人民政府办公室',
      '2018年2月27日',
    ]);
    expect(r.documents.map((d) => [d.title, d.docNumber?.normalized, d.dateSigned])).toEqual([
      ['某某区人民政府办公室关于印发某某区政府投资项目管理办法的通知', '某州府办发〔2018〕13号', '2018-02-27'],
    ]);
  });
  it('a lone 第N号 under the page heading is the 令 number of the government the title names', () => {
    const d = one([
      '欢迎访问某某经济信息网!',
      '某某省人民政府关于修改《某某省城市市容管理办法》等5件政府规章的决定',
      '第153号',
      '《某某省人民政府关于修改〈某某省城市市容管理办法〉等5件政府规章的决定》已经省政府常务会议讨论通过，现予公布，自公布之日起施行。',
      '省长　张三',
      '2019年12月23日',
    ]);
    expect(d).toMatchObject({ docNumber: { normalized: '某某省人民政府令第153号' }, issuers: ['某某省人民政府'], dateSigned: '2019-12-23', effectiveDate: '2019-12-23' });
  });
  it('a ministry order written like a 文号 (建设部〔2007〕第162号令) is not a cited 文号', () => {
    const d = one(['某某市人民政府办公室关于印发某某办法的通知', '某政办字〔2008〕34号', '各县（市）区人民政府：',
      '根据《廉租住房保障办法》（建设部〔2007〕第162号令）和《某某意见》（国发〔2007〕24号）制定本办法。']);
    expect(d.cites).toEqual(['国发〔2007〕24号']);
  });
  it('经贸 belongs to an agency code (国经贸企改〔2002〕859号)', () => {
    expect(findDocNumbers('根据《意见》（国经贸企改〔2002〕859号）制定').map((x) => x.normalized)).toEqual(['国经贸企改〔2002〕859号']);
  });
});

describe('11. the text as written', () => {
  it('a full-width space after 第一条 stays in the body', () => {
    const d = one(['某某县人民政府关于印发某某办法的通知', '某政发〔2020〕4号', '各乡镇人民政府：', '第一条　为了规范管理，制定本办法。']);
    expect(d.body).toContain('第一条　为了规范管理，制定本办法。');
  });
  it('HTML left in a copied page is removed, line numbers kept', () => {
    const d = one([
      '<p>某某省人民政府关于印发某某行动计划的通知</p>',
      '<p>某政发〔2018〕13号</p><p>各市、县人民政府：</p><p>现将《某某行动计划》印发给你们，请认真组织实施。</p><p style="text-align:',
      'right;">某某省人民政府</p><p style="text-align:',
      'right;"> 2018年3月27日</p>',
    ]);
    expect(d).toMatchObject({ title: '某某省人民政府关于印发某某行动计划的通知', dateSigned: '2018-03-27', issuers: ['某某省人民政府'], lineEnd: 4 });
  });
});
