import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round six: the classes that failed on held-out real texts from places and sites the development set
 * did not have (test/fixtures/real-holdout h6-01–h6-20, since development texts 230–249), each written out as a
 * page of its kind prints it (names made up).
 */

describe('a signing date that lost a glyph under the signature', () => {
  const notice = (date: string) => `当前位置: 首页 > 政务公开 > 政府文件

某某县人民政府办公室关于印发《某某县突发事件应急预案》的通知

各乡(镇)人民政府,县级各部门:

《某某县突发事件应急预案》已经县人民政府同意,现印发你们,请认真贯彻执行。

                  某某县人民政府办公室

                  ${date}

某某县突发事件应急预案

第一章 总则`;

  it('reads a date whose 日 was lost (`2018年3月13`)', () => {
    expect(one(notice('2018年3月13')).dateSigned).toBe('2018-03-13');
  });

  it('reads a date whose separators were lost with one digit each for month and day (`202091`)', () => {
    expect(one(notice('202091')).dateSigned).toBe('2020-09-01');
  });

  it('reads neither where no signature stands above it (a postal code, a figure)', () => {
    const d = one(`某某县人民政府办公室关于做好某某工作的通知

各乡(镇)人民政府,县级各部门:

现就做好某某工作通知如下,请认真贯彻执行。

联系地址:某某县某某路1号

200011

2018年3月13`);
    expect(d.dateSigned).toBeNull();
  });
});

describe("a portal's 发文时间 and 发布机构 fields over a document printed without signature", () => {
  const PAGE = `索 引 号 640400001/2016-00001 发文时间 2016-07-04
发布机构 某某市政府办 文 号
公开方式 主动公开 有效性 有效
标 题: 某某市草原火灾应急预案
某某市草原火灾应急预案

  1 总则

  1.1 编制目的

  为认真贯彻预防为主、防消结合的方针,全面、高效、迅速、有序地对草原火灾进行应急处理,结合本市实际,制定本预案。`;

  it('gives the 成文日期 and the issuer as printed', () => {
    const d = one(PAGE);
    expect(d.title).toBe('某某市草原火灾应急预案');
    expect(d.dateSigned).toBe('2016-07-04');
    expect(d.issuers).toEqual(['某某市政府办']);
  });

  it('yields to a signature', () => {
    const d = one(`${PAGE}

某某市人民政府办公室

2016年6月30日`);
    expect(d.dateSigned).toBe('2016-06-30');
    expect(d.issuers).toEqual(['某某市人民政府办公室']);
  });
});

describe('a 公示 is a document', () => {
  it('under a portal heading that differs from its title', () => {
    const d = one(`某某县人民政府

政府信息公开

公示!某某县拟入选某某模范县

发布时间:2025-02-25   浏览次数:   【字体:

关于某某自治区拟申报某某模范城(县)名单的公示

根据《关于推荐某某模范城(县)的预通知》(某拥办函〔2025〕1号)要求,自治区某某工作领导小组办公室形成拟申报名单,现将名单予以公示,接受社会监督。

公示时间为2025年2月24日—2025年2月28日。

某某自治区某某工作领导小组办公室

2025年2月24日`);
    expect(d.title).toBe('关于某某自治区拟申报某某模范城(县)名单的公示');
    expect(d.issuers).toEqual(['某某自治区某某工作领导小组办公室']);
    expect(d.dateSigned).toBe('2025-02-24');
    expect(d.cites).toEqual(['某拥办函〔2025〕1号']);
  });
});

describe('masked text is never an issuer', () => {
  it('`(略) 人民政府办公厅` under a copy a site masked', () => {
    const d = one(`某政办〔2023〕28号
各市、自治州人民政府,省政府各委、办、厅、局:
《某某示范区创建工作方案》 (略) 政府第5次常务会议审议通过,现印发给你们,请认真组织实施。
(略) 人民政府办公厅
2023年3月24日
(此件公开发布)
某某示范区创建工作方案
为深入贯彻落实有关精神,特制定本工作方案。`);
    expect(d.issuers).toEqual([]);
    expect(d.dateSigned).toBe('2023-03-24');
    expect(d.docNumber?.normalized).toBe('某政办〔2023〕28号');
  });

  it('`（略）人民政府` with full-width brackets', () => {
    const d = one(`某某县人民政府关于某某工作的通知
各乡镇人民政府:
现就某某工作通知如下。
（略）人民政府
2023年3月24日`);
    expect(d.issuers).toEqual(['某某县人民政府']);
  });
});

describe("the own 文号 printed whole only in the attachment's file name", () => {
  const page = (file: string) => `某某县人民政府禁火令

日期:2022-09-11   来源:  某某县司法局
索引号:  000014349/2022-00266 统一登记号: ABDR—2022—00004
公开责任部门:  县司法局 公布日期: 2022-09-11

某县政发〔20226

某某县人民政府

为保护人民群众生命财产和森林资源安全,根据《森林防火条例》(某府发〔2019〕3号),县人民政府决定发布禁火令。

一、禁火期:自即日起至2023年4月30日。

某某县人民政府

2022年9月11日

相关附件下载:
${file}
扫一扫在手机打开当前页`;

  it('is the document number, and no citation', () => {
    const d = one(page('1_ABDR—2022—00004某某县人民政府禁火令(某县政发〔2022〕6号).docx'));
    expect(d.title).toBe('某某县人民政府禁火令');
    expect(d.docNumber?.normalized).toBe('某县政发〔2022〕6号');
    expect(d.cites).toEqual(['某府发〔2019〕3号']);
  });

  it("is not taken from a file named for another document", () => {
    const d = one(page('某某县人民政府关于某某工作的通知(某县政发〔2021〕9号).pdf'));
    expect(d.docNumber).toBeNull();
  });
});

describe('the end of a period of validity', () => {
  it('`本令有效期自…至…` run into the unpunctuated line before it, its start garbled', () => {
    const d = one(`某某县人民政府禁火令

某某县人民政府

为保护森林资源安全,县人民政府决定发布禁火令。

一、禁火期:自即日起至2023年4月30日。

五、举报电话:073100000000(某某县森林防灭火专项组)

本令有效期自2022年911日至2023年4月30日。

某某县人民政府

2022年9月11日`);
    expect(d.validUntil).toBe('2023-04-30');
  });

  it("a portal's `信息时效期` field with a date, and nothing from one that says 长期", () => {
    const page = (v: string) => `某某县人民政府关于某某管理的通告

索引号:698598533/2012-1370466 文号: 统一登记号:ABDR-2012-00006
公开方式:政府网站 公开范围:全部公开 信息时效期:${v}
签署日期:2012-09-20 登记日期:2012-09-20 所属机构:

为加强某某管理,现通告如下:

一、某某事项。

某某县人民政府

2012年9月20日`;
    expect(one(page('2017-09-20')).validUntil).toBe('2017-09-20');
    expect(one(page('长期')).validUntil).toBeNull();
  });
});

describe('an issuer line over an order the county issues in its own name (禁火令, 封山令)', () => {
  const HEAD = `ABDR-2012-00006

某某县人民政府

森林防火禁火令

为有效防范和遏制森林火灾,根据《森林防火条例》等法律法规的规定,结合我县实际,特发布如下禁火令:

一、我县全年为森林防火期。

二○一二年九月二十日`;

  it('is part of the title, under a page heading that prints them joined', () => {
    const d = one(`某某县人民政府森林防火禁火令

${HEAD}`);
    expect(d.title).toBe('某某县人民政府森林防火禁火令');
    expect(d.issuers).toEqual(['某某县人民政府']);
  });

  it('is part of the title without a page heading', () => {
    const d = one(HEAD);
    expect(d.title).toBe('某某县人民政府森林防火禁火令');
    expect(d.issuers).toEqual(['某某县人民政府']);
    expect(d.dateSigned).toBe('2012-09-20');
  });
});
