import { describe, expect, it } from 'vitest';
import { onePage as one, parsePage as parse } from './test-support';

/**
 * Issue 24, round three: classes the new real texts of the development set showed (joint documents, one-line
 * texts, notices whose title lacks issuer or 关于), each written out as a page of its kind prints it (names made up).
 */

describe('a page that lists its metadata as `- label:value` items', () => {
  it('reads the 文号 from the list', () => {
    const d = one(`- 索引号:abcd/2021-00016
- 发文字号:某行发〔2021〕42号
- 名 称:某某地区行政公署关于印发《某某地区行政公署工作规则》的通知
- 发布日期:2021-12-22 17:45
某某地区行政公署关于印发《某某地区行政公署工作规则》的通知
各县人民政府,行署各局、委、办、处:
《某某地区行政公署工作规则》已经研究通过,现印发给你们,请认真贯彻执行。
某某地区行政公署
2021年11月9日
`);
    expect(d.docNumber?.normalized).toBe('某行发〔2021〕42号');
    expect(d.dateSigned).toBe('2021-11-09');
  });
});

describe('joint documents whose title names the departments', () => {
  it('reads a 转发 title that ends in the forwarded title’s 》, repeated by a law site, with both issuers', () => {
    const d = one(`您的位置: 首页 » 法律资料网 » 法律法规 »

某某市财政局、某某市水利局转发财政部、水利部《关于颁发〈某某补助费管理暂行办法〉的通知》

某某市财政局 市水利局

某某市财政局、某某市水利局转发财政部、水利部《关于颁发〈某某补助费管理暂行办法〉的通知》
某某市财政局 市水利局

各区、县财政局、水利局:
现将财政部、水利部《关于颁发〈某某补助费管理暂行办法〉的通知》转发给你们,请遵照执行。
`);
    expect(d.title).toBe('某某市财政局、某某市水利局转发财政部、水利部《关于颁发〈某某补助费管理暂行办法〉的通知》');
    expect(d.issuers).toEqual(['某某市财政局', '某某市水利局']);
  });

  it('splits space-separated departments of a one-line title and reads the 文号 printed before it', () => {
    const d = one('某科教【2017】6号 财政部 科技部 教育部关于进一步做好某某资金管理工作的通知\n');
    expect(d.title).toBe('财政部科技部教育部关于进一步做好某某资金管理工作的通知');
    expect(d.docNumber?.normalized).toBe('某科教〔2017〕6号');
    expect(d.issuers).toEqual(['财政部', '科技部', '教育部']);
    const e = one('财政部 教育部 人力资源社会保障部关于印发《某某助学金管理办法》的通知\n');
    expect(e.issuers).toEqual(['财政部', '教育部', '人力资源社会保障部']);
  });
});

describe('notices whose title lacks the issuer', () => {
  it('names no issuer for a title that opens with 转发 (the organ after it is the forwarded document’s)', () => {
    const d = one(`转发国务院关于加强某某管理的通知

各市、县人民政府,省府直属有关单位:

现将《国务院关于加强某某管理的通知》(国发〔2000〕25号)转发给你们,并结合我省实际,提出如下意见,请一并贯彻落实。
`);
    expect(d.title).toBe('转发国务院关于加强某某管理的通知');
    expect(d.issuers).toEqual([]);
    expect(d.cites).toEqual(['国发〔2000〕25号']);
  });

  it('completes `省人民政府` in the title from the law site’s issuer line', () => {
    const d = one(`省人民政府关于印发某某省信访事项复查办法的通知

某某省人民政府

省人民政府关于印发某某省信访事项复查办法的通知

  各市、州、县人民政府,省政府各部门:

  现将《某某省信访事项复查办法》印发给你们,请结合工作实际,认真贯彻执行。

  2011年10月9日
`);
    expect(d.issuers).toEqual(['某某省人民政府']);
  });
});

describe('a signature date whose 年 月 日 were lost with the separators', () => {
  it('reads `2019610` under the signature when only one reading is a date', () => {
    const d = one(`某某市财政局 某某市农业农村局关于印发某某资金管理暂行规定的通知
各县(市、区)财政局、农业农村主管部门: 
  为规范和加强某某资金管理,现将《某某资金管理暂行规定》印发给你们,请遵照执行。 
某某市财政局     某某市农业农村局 
2019610 
`);
    expect(d.dateSigned).toBe('2019-06-10');
    expect(d.issuers).toEqual(['某某市财政局', '某某市农业农村局']);
  });
  it('leaves an ambiguous run (`2019111`: 1月11日 or 11月1日) unread', () => {
    const d = one(`某某市财政局关于印发某某资金管理暂行规定的通知
各县(市、区)财政局: 
  现将《某某资金管理暂行规定》印发给你们,请遵照执行。 
某某市财政局
2019111 
`);
    expect(d.dateSigned).toBeNull();
  });
});

describe('a whole document flattened onto one line', () => {
  it('opens with its title, then the salutation after a space', () => {
    const d = one(
      '某某市人民政府办公厅转发市教育局等部门关于进一步加强中小学安全管理工作的通知 各县(市)区人民政府,市直各委、办、局: 市教育局、市公安局制定的《关于进一步加强中小学安全管理工作的通知》已经市政府研究同意,现转发给你们,请认真贯彻执行。 二○○六年十二月六日 关于进一步加强中小学安全管理工作的通知 为贯彻落实会议精神,现结合我市实际,通知如下: 一、提高认识 |\n',
    );
    expect(d.title).toBe('某某市人民政府办公厅转发市教育局等部门关于进一步加强中小学安全管理工作的通知');
    expect(d.issuers).toEqual(['某某市人民政府办公厅']);
    expect(d.dateSigned).toBe('2006-12-06');
  });
});

describe('a notice titled 印发…的通知 (no issuer, no 关于) under a page heading that names its attachment', () => {
  it('takes the notice’s own title, 文号 and signature, not the heading', () => {
    const d = one(`您的位置: 首页 » 法律资料网 » 法律法规 »

某某市社会养老保险市级统筹实施办法

下载地址: 点击此处下载

某某市社会养老保险市级统筹实施办法

广东省某某市人民政府

印发某某市社会养老保险市级统筹实施办法的通知

某市府〔2004〕18号

各县(市、区)人民政府,市府直属各单位:

现将《某某市社会养老保险市级统筹实施办法》印发给你们,请认真贯彻执行。

某某市人民政府
二○○四年四月三十日

某某市社会养老保险市级统筹实施办法

为进一步完善我市社会保障体系,制定如下实施办法。
`);
    expect(d.title).toBe('印发某某市社会养老保险市级统筹实施办法的通知');
    expect(d.docNumber?.normalized).toBe('某市府〔2004〕18号');
    expect(d.issuers).toEqual(['某某市人民政府']);
  });
});

describe('a 转发 notice on one line with the forwarded document after 附:', () => {
  it('is one document whose title and salutation share the first piece', () => {
    const d = one(
      '某某市人民政府办公厅转发省某某联席会议办公室关于督查情况的通报的通知 各县、区人民政府,市政府各有关部门: 2005年11月11日至14日, 督查组对我市专项行动进行了现场检查,并听取了市政府的工作汇报。现将省某某联席会议办公室《关于督查情况的通报》转发给你们,希望你们针对通报中提出的问题,结合实际,认真研究,切实整改,确保专项行动真正落到实处,见到实效。 二○○五年十一月二十一日 附: 关于督查情况的通报 各市州人民政府: 根据国务院办公厅的通知要求,督查组于11月11日至14日对我省专项行动工作进行了督查。督查组在听取省政府的汇报后,对某某市进行了现场检查。 |\n',
    );
    expect(d.title).toBe('某某市人民政府办公厅转发省某某联席会议办公室关于督查情况的通报的通知');
    expect(d.issuers).toEqual(['某某市人民政府办公厅']);
    expect(d.dateSigned).toBe('2005-11-21');
  });
});

describe('a law site’s `date,issuers` line under a joint 规定', () => {
  it('reads the date and both issuers', () => {
    const d = one(`某某电力装置污染环境的规定

某某环保局 某某能源部

某某电力装置污染环境的规定

1991年1月23日,某某环保局、某某能源部

第一条 为加强某某电力装置的管理,特制定本规定。
第二条 本规定适用于某某电力装置的使用。
`);
    expect(d.dateSigned).toBe('1991-01-23');
    expect(d.issuers).toEqual(['某某环保局', '某某能源部']);
  });
});

describe('a book chapter heading above a model text (`第6章 通 知` / `[例文1]` / title / text)', () => {
  it('is not the body: the joint title under it is the document’s', () => {
    const d = one(`第6章 通 知

[例文1]

中共某某省委办公厅、某某省人民政府办公厅关于严禁在公务活动中接受礼金的通知

省委、省政府对党政机关及其工作人员在公务活动中不得接受礼品问题曾多次作过规定。为此,特作如下通知:

一、各级党政机关及其工作人员在公务活动中,不得以任何名义接受礼金。
`);
    expect(d.title).toBe('中共某某省委办公厅、某某省人民政府办公厅关于严禁在公务活动中接受礼金的通知');
    expect(d.issuers).toEqual(['中共某某省委办公厅', '某某省人民政府办公厅']);
  });
});

describe('a law-site page flattened onto one line with its 文号 in spaced brackets', () => {
  it('keeps `( 某府发〔2003〕37号 )` whole: the notice’s own number, under its own title', () => {
    const d = one(
      '您的位置: 首页 » 法律资料网 » 法律法规 » 某某市政务公开工作实施细则 作者:法律资料网 时间:2024-07-06 00:54:58 下载地址: 点击此处下载 某某市政务公开工作实施细则 江西省某某市人民政府办公室 关于印发某某市政务公开工作实施细则的通知 ( 某府发〔2003〕37号 ) 市政府各部门,市直各单位: 现将《某某市政务公开工作实施细则》印发给你们,请遵照执行。 二OO三年十二月四日 某某市政务公开工作实施细则 为促进依法行政,特制定本实施细则。 一、总体目标和要求 实行政务公开要以为人民服务为宗旨。\n',
    );
    expect(d.title).toBe('关于印发某某市政务公开工作实施细则的通知');
    expect(d.docNumber?.normalized).toBe('某府发〔2003〕37号');
    expect(d.dateSigned).toBe('2003-12-04');
  });
});

describe('old 文号 printed year first (`〔94〕财农字第345号`, `(88)财税字第12号`)', () => {
  it('are cited under their agency and full year', () => {
    const d = one(`某某市财政局关于转发财政部《关于颁发某某办法的通知》的通知
各区、县财政局:
现将财政部《关于颁发某某办法的通知》(〔94〕财农字第345号)转发给你们,并按(88)财税字第12号文件执行。
`);
    expect(d.cites).toEqual(['财农字〔1994〕345号', '财税字〔1988〕12号']);
  });
});

describe('a document-site transcription hard-wrapped at about thirty characters', () => {
  const PAGE = `转发性通知范文一:
某某院办公厅转发农业部等部门
《关于稳定基层某某推广体系的意见》的通知某办发[1999]79
号各省、自治区、直辖市人民政府,各部委、各直属机构:农
业部等部门《关于稳定基层某某推广体系的意见》已经同意,现转发给你们,请认真贯彻执行。
基层某某推广体系是实施科教兴农战略的基础。
转发性通知范文二:
某政办发〔1997〕41号
各市、县(区)人民政府,省人民政府各工作部门、各直属机构:
现将《某某院办公厅关于禁止非法买卖人民币的通知》(某办发明
电〔1997〕28号)转发给你们,请认真遵照执行。
某某院办公厅关于禁止非法买卖人民币的通知
各省、自治区、直辖市人民政府,各部委、各直属机构:
目前,非法倒买倒卖人民币的问题比较严重,影响了人民币的正常流通。
`;
  it('reads a title run on over two lines with its 文号 glued to it and broken at the line end', () => {
    const d = parse(PAGE)[0];
    expect(d.title).toBe('某某院办公厅转发农业部等部门《关于稳定基层某某推广体系的意见》的通知');
    expect(d.docNumber?.normalized).toBe('某办发〔1999〕79号');
    expect(d.issuers).toEqual(['某某院办公厅']);
  });
  it('opens an untitled 转发 notice at a 文号 line over its salutation, before the notice it forwards', () => {
    const docs = parse(PAGE);
    expect(docs.map((d) => d.title)).toEqual([
      '某某院办公厅转发农业部等部门《关于稳定基层某某推广体系的意见》的通知',
      '',
      '某某院办公厅关于禁止非法买卖人民币的通知',
    ]);
    expect(docs[1].docNumber?.normalized).toBe('某政办发〔1997〕41号');
    expect(docs[1].cites).toEqual(['某办发明电〔1997〕28号']);
  });
});

describe('an agency code with a bracketed qualifier (`闽财社(指)〔2016〕141号`)', () => {
  it('is cited whole', () => {
    const d = one(`某某市卫生局 某某市财政局关于下达2017年某某补助资金的通知(第一批)
各社区卫生服务中心、乡镇卫生院:
根据《某某省财政厅关于提前下达2017年某某补助资金的通知》(闽财社(指)〔2016〕141号)、《某某通知》(融卫〔2017〕55号)精神,现将资金预下达给你们。
某某市卫生局 某某市财政局
2017年3月28日
`);
    expect(d.cites).toEqual(['闽财社(指)〔2016〕141号', '融卫〔2017〕55号']);
  });
});

describe('a news page headed by the attached 方案, with the 关于印发 notice below its lead paragraph', () => {
  it('takes the notice that issues the heading’s 方案, and its joint signature', () => {
    const d = one(`首页 > 新闻

某某地区秋冬季大气污染综合治理攻坚行动方案

时间:2020-11-04 09:02:36

大气网讯:日前,大气网获悉,《某某地区秋冬季大气污染综合治理攻坚行动方案》印发。全文如下:

关于印发《某某地区秋冬季大气污染综合治理攻坚行动方案》的通知

南京、无锡、徐州、常州、苏州、南通、连云港、淮安、盐城、扬州、镇江、泰州、宿迁、杭州、宁波、温州、湖州、嘉兴、绍兴、金华、衢州、舟山、台州、丽水市人民政府,中国石油天然气集团有限公司:

现将《某某地区秋冬季大气污染综合治理攻坚行动方案》印发给你们,请遵照执行。

生态环境部 发展改革委

工业和信息化部 公安部

2020年10月30日

某某地区秋冬季大气污染综合治理攻坚行动方案

2018年以来,某某地区持续开展秋冬季大气污染综合治理攻坚行动,空气质量改善明显。
`);
    expect(d.title).toBe('关于印发《某某地区秋冬季大气污染综合治理攻坚行动方案》的通知');
    expect(d.issuers).toEqual(['生态环境部', '发展改革委', '工业和信息化部', '公安部']);
    expect(d.dateSigned).toBe('2020-10-30');
  });
});

describe('an issuer that is a 总队 (交警总队, 消防总队)', () => {
  it('signs a 通告', () => {
    const d = one(`关于恢复全省正常交通运输秩序的通告

根据省政府办公厅的通知精神,通告如下:

一、立即恢复正常道路交通运输秩序。

某某省公安厅交警总队

2020年2月22日
`);
    expect(d.issuers).toEqual(['某某省公安厅交警总队']);
  });
});

describe('a signature of fourteen organs, two a line', () => {
  it('names every one', () => {
    const d = one(`关于印发《某某行动方案》的通知
各有关单位:
现将《某某行动方案》印发给你们,请遵照执行。
生态环境部 发展改革委
工业和信息化部 公安部
财政部 住房城乡建设部
交通运输部 商务部
市场监管总局 能源局
上海市人民政府 江苏省人民政府
浙江省人民政府 安徽省人民政府
2020年10月30日
`);
    expect(d.issuers).toHaveLength(14);
    expect(d.issuers[0]).toBe('生态环境部');
  });
});

describe('a metadata table whose 文号 cell runs into a label the table reader does not know', () => {
  it('still reads the 文号 (`文号 永财农〔2021〕471号 其他信息 下载阅读版`)', () => {
    const d = one(`索引号 001008003014011/2021-283882 主题分类 财政
成文日期 2021-11-22 公开方式 主动公开
文号 某财农〔2021〕471号 其他信息 下载阅读版

某某县财政局 某某县农业农村局 关于下达2021年度第三批某某补助资金的通知

各有关乡镇(街道)人民政府(办事处):

现将补助资金下达给你们,请加强补助资金的监督使用。

某某县财政局         某某县农业农村局

2021年11月16日
`);
    expect(d.docNumber?.normalized).toBe('某财农〔2021〕471号');
    expect(d.issuers).toEqual(['某某县财政局', '某某县农业农村局']);
  });
});

describe('an issuer line over a 转发 title broken over two lines', () => {
  it('joins issuer and title, under the 文号 line', () => {
    const d = one(`某政办〔2011〕129号

某某市人民政府办公室

转发某某市推行说理性行政处罚文书

指导意见及操作规范的通知

市政府直属各单位:

现将某某市《关于印发某某指导意见的通知》(某法建领办〔2011〕14号)转发给你们,请认真贯彻执行。

                              二○一一年八月九日
`);
    expect(d.title).toBe('某某市人民政府办公室转发某某市推行说理性行政处罚文书指导意见及操作规范的通知');
    expect(d.docNumber?.normalized).toBe('某政办〔2011〕129号');
  });
});

describe('a line that opens with 印发 but names no notice (`印发某某工作方案` over a 文号)', () => {
  it('is not a head of its own: the notice that carries a document ends in 的通知', () => {
    const docs = parse(`某某市人民政府
关于印发某某市城区停车管理办法的通知
某政发〔2023〕3号

各镇人民政府、街道办事处，市政府各部门：
现将《某某市城区停车管理办法》印发给你们，请认真贯彻执行。

某某市人民政府
2023年2月10日

某某市人民政府办公室
印发某某市农村公路养护工作方案
某政办发〔2023〕8号
`);
    expect(docs).toHaveLength(1);
  });
});
