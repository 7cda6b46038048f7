import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/** Held-out rounds forty-seven, forty-nine, fifty and fifty-one's classes (names made up). */

describe('a research database\'s copy indexing every paragraph `(N)  `', () => {
  it('reads the original as printed', () => {
    const d = onePage(`Original

(1)  云岭事务部关于公布

(2)  第七批省级烈士纪念设施的通知

(3)  云岭部发〔2025〕8号

(4)  各州、市退役军人事务局:

(5)  经省政府批准,现将第七批省级烈士纪念设施名单予以公布。

(6)  云岭事务部

(7)  2025年2月16日`);
    expect(d.title).toBe('云岭事务部关于公布第七批省级烈士纪念设施的通知');
    expect(d.docNumber?.normalized).toBe('云岭部发〔2025〕8号');
  });
});

describe('portal fields and posts of round forty-nine', () => {
  it('an organ printed as the last of unlabelled field values is no issuer line of the head', () => {
    const d = onePage(`政府信息公开
关于2023年部分河道管理范围局部优化调整的公告
11371502MB2865163X/2023-31417710
2023-11-30 17:47:17
江川区水利局

关于2023年部分河道管理范围局部优化调整的公告

为加强河道管护,江川区2019年完成了区管河湖渠管理与保护范围划定工作。`);
    expect(d.title).toBe('关于2023年部分河道管理范围局部优化调整的公告');
  });

  it('a `颁发部门` field under its label gives the issuer', () => {
    const d = onePage(`关于江川街道社区卫生服务中心等10家中心荣获全国示范社区卫生服务中心的通知

发布日期

2012-12-18

发文字号

云卫基层[2012]024号

时效性

现行有效

颁发部门

云岭省卫生局

正文内容


关于江川街道社区卫生服务中心等10家中心荣获全国示范社区卫生服务中心的通知

云卫基层[2012]024号

2012年12月18日

  各区县卫生局:

  为进一步加强社区卫生服务机构建设,现将有关事项通知如下。`);
    expect(d.issuers).toEqual(['云岭省卫生局']);
  });

  it('a news post\'s date over its headline is no signature', () => {
    const d = onePage(`内容详情
2022年05月17日

关于对2022年度江川市重点公益林补偿资金发放清册公示的通知

阅读数:1594

为进一步规范公益林补偿资金发放程序,现对清册进行公示。
江川市林业局
2022年5月16日`);
    expect(d.dateSigned).toBe('2022-05-16');
    expect(d.issuers).toEqual(['江川市林业局']);
  });

  it('an organ\'s own list keeps its edition and names the organ', () => {
    const d = onePage(`江川区退役军人事务局公共服务清单(2025年版)
一、优待证办理。`);
    expect(d.title).toBe('江川区退役军人事务局公共服务清单(2025年版)');
    expect(d.issuers).toEqual(['江川区退役军人事务局']);
  });
});

describe('施行 clauses of round forty-nine', () => {
  it.each([
    ['五、本通告自二0二六年二月十二日开始实施。', '2026-02-12'],
    ['为此重新修订了有关标准和办法,新的标准和管理办法将于2011年1月1日起实施。现印发给你们,请遵照执行。', '2011-01-01'],
  ])('%s', (clause, iso) => {
    const d = onePage(`关于春节期间启用学校作为临时停车场的通知
各有关单位:
${clause}
江川县公安局
2010年12月2日`);
    expect(d.effectiveDate).toBe(iso);
  });

  it('a named document of another\'s taking effect is not this one\'s', () => {
    const d = onePage(`关于做好宣传工作的通知
各有关单位:
国家《某某管理办法》将于2011年1月1日起实施,请做好宣传。
江川县公安局
2010年12月2日`);
    expect(d.effectiveDate).toBeNull();
  });
});

describe('round forty-seven', () => {
  it('a 文号 with a bracketed serial inside its code', () => {
    const d = onePage(`云岭省人民政府关于江川市2020年度第一批次城镇建设用地的批复
云府土审(16)〔2021〕11号
江川市人民政府:
你市《关于报批2020年度第一批次城镇建设用地的请示》(江自然资(管制)〔2021〕45号)收悉。现批复如下。
云岭省人民政府
2021年1月31日`);
    expect(d.docNumber?.normalized).toBe('云府土审(16)〔2021〕11号');
  });

  it('a joint title signed by one of its organs names both', () => {
    const d = onePage(`云岭省财政厅 云岭省文化和旅游厅关于印发《云岭省非物质文化遗产保护资金管理办法》的通知
云财教〔2022〕607号
各市财政局、文化和旅游局:
现将《云岭省非物质文化遗产保护资金管理办法》印发给你们,请遵照执行。
云岭省财政厅
2022年6月8日`);
    expect(d.issuers).toEqual(['云岭省财政厅', '云岭省文化和旅游厅']);
  });

  it('an attachment list\'s names are no entries of the cleanup lists', () => {
    const docs = parsePage(`云岭省交通运输厅关于公布行政规范性文件定期全面清理结果的通知
各设区市交通运输局:
经厅长办公会议研究,确认其中继续有效的行政规范性文件10件,废止2件。
附件:1.继续有效的行政规范性文件目录
     2.废止的行政规范性文件目录
     3.经重新认定不属于行政规范性文件的文件目录
云岭省交通运输厅
2022年12月30日`);
    expect(docs[0].abolishes).toEqual([]);
  });
});

describe('a portal page with its footer on top and a 文号 in a cell of its own', () => {
  it('reads the number between image placeholders as the head\'s own, the footer\'s `主办:` no salutation', () => {
    const d = onePage(`主办:云岭省江川市江川区人民政府  版权所有 2018
承办:云岭省江川市江川区信息中心
文件名:江川区人民政府关于启动区级地方公益林生态效益补偿基金的通知 |
![]() |
江区政发〔2018〕22号 |
![]() |
各乡镇人民政府,区直有关单位:
根据有关文件精神要求,现启动我区地方公益林生态效益补偿基金。
江川区人民政府
2018年6月6日`);
    expect(d.docNumber?.normalized).toBe('江区政发〔2018〕22号');
    expect(d.cites).toEqual([]);
  });
});

describe('round fifty', () => {
  it('an attached plan\'s title with its period on the line under it, under the signature', () => {
    const d = onePage(`各县、区人民政府,市政府各委、办、局:
现将《江川市黑土地保护总体规划(2021—2025年)》印发给你们,请认真贯彻执行。
江川市人民政府
2022年12月30日
江川市黑土地保护总体规划
(2021—2025年)
党中央、国务院高度重视黑土地保护,现就我市黑土地保护作出如下规划。`);
    expect(d.title).toBe('江川市黑土地保护总体规划(2021—2025年)');
  });
});

describe('round fifty-one', () => {
  it('a head glued to a 文号 that lost its year is the head, the number none', () => {
    const d = onePage(`江川撤销4个乡,新设5个镇现有多少街道

江川市人民政府关于调整部分行政区划的通知江政字〔〕18号

各县区人民政府,市政府各部门:

为做好相关工作,现将有关事项通知如下:
一、撤销江川县庄寨镇,设立新的庄寨镇。
江川市人民政府
年8月24日`);
    expect(d.title).toBe('江川市人民政府关于调整部分行政区划的通知');
    expect(d.docNumber).toBeNull();
  });
});

describe('round fifty-three', () => {
  const HEAD = `江川省市场监督管理厅公告
经对文件清理,参照《江川省规章规范性文件清理办法》(江川省人民政府令第201号)第十三条相关规定,原省质量技术监督局于2015年9月29日印发的《江川省联盟标准管理办法》(江质监标函〔2015〕292号),其内容与现行《中华人民共和国标准化法》相抵触`;
  it.each([
    ['a clause with no subject before the verb', `${HEAD},予以废止。`],
    ['a sentence naming it by 该文件', `${HEAD}。\n该文件自本公告发布之日起废止。`],
  ])('%s abolishes the document the sentence named with its number', (_, text) => {
    const d = onePage(`${text}\n江川省市场监督管理厅\n2021年6月1日`);
    expect(d.abolishes).toEqual([{ title: '江川省联盟标准管理办法', docNumber: '江质监标函〔2015〕292号' }]);
  });
});

describe('round fifty-four', () => {
  it('a short 公告 title over a newspaper\'s dateline', () => {
    const d = onePage(`迁坟公告

江川日报 2021-03-26 08:27 大字

因高速公路扩容项目建设需要,需迁移该项目用地范围内的坟墓。现将有关事宜公告如下:
一、迁坟时间:2021年4月30日前。`);
    expect(d.title).toBe('迁坟公告');
  });

  it('a title with its salutation to the public run onto its kind word', () => {
    const d = onePage(`江川这些桥梁、景观亭,公开征集名字!
关于征集江川河综合治理工程拟命名桥梁名称意见建议的公告社会各界朋友、广大干部群众:
江川河综合治理工程即将完工,现对12座桥开启名称意见建议征集活动。`);
    expect(d.title).toBe('关于征集江川河综合治理工程拟命名桥梁名称意见建议的公告');
  });
});
