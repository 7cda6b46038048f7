import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round seven: the classes that failed on held-out real texts from places and sites the development set
 * did not have (test/fixtures/real-holdout h7-01–h7-24, since development texts 260–283), each written out as a
 * page of its kind prints it (names made up).
 */

describe("a portal's field list printed as bullets before the title", () => {
  const page = (bullet: string) => `首页 > 政务公开 > 政策 > 行政规范性文件

  ${bullet} 736916953/2024-000372
  ${bullet} 2024-01-10 15:30:00
  ${bullet} 某某市人民政府办公室关于印发《某某市城市供热突发故障应急预案》的通知
  ${bullet} 某政办规〔2024〕1号
  ${bullet} 现行有效

某某市人民政府办公室关于印发《某某市城市供热突发故障应急预案》的通知

日期:2024-01-10 15:30 来源:某某市人民政府办公室

市直各部门、各乡镇政府、供热企业

《某某市城市供热突发故障应急预案》经某某市人民政府常务会议讨论通过,现印发给你们,请认真贯彻执行。

某某市人民政府办公室

2024年1月10日

某某市城市供热突发故障应急预案

1.总则`;

  for (const bullet of ['•', '·', '◆', '●']) {
    it(`takes neither the bullet into the title nor the listed 文号 for a cite (${bullet})`, () => {
      const d = one(page(bullet));
      expect(d.title).toBe('某某市人民政府办公室关于印发《某某市城市供热突发故障应急预案》的通知');
      expect(d.docNumber?.normalized).toBe('某政办规〔2024〕1号');
      expect(d.cites).toEqual([]);
      expect(d.issuers).toEqual(['某某市人民政府办公室']);
    });
  }

  it('reads a bulleted title over its 文号 line as the head', () => {
    const d = one(`• 某某县人民政府关于加强某某管理的通知

某政发〔2023〕5号

各乡镇人民政府,县政府各部门:

现就加强某某管理通知如下。

某某县人民政府

2023年3月1日`);
    expect(d.title).toBe('某某县人民政府关于加强某某管理的通知');
    expect(d.docNumber?.normalized).toBe('某政发〔2023〕5号');
  });
});

describe("an empty field at the end of a portal's row", () => {
  const page = (dn: string) => `| 返回首页 | 网上办事大厅 | 便民资讯 |
您所在的位置:首页 >> 政务公开 > 政策法规 > 规范性文件

某某市人民政府办公室印发关于某某市支持某某县发展行动方案的通知

发布时间:2019-07-09 来源:

${dn}

 

某某市人民政府办公室印发

关于某某市支持某某县

发展行动方案的通知

 

各县(市、区)人民政府,市政府各部门:

《某某市支持某某县发展行动方案》已经市政府常务会审定,现予印发,请结合实际抓好贯彻落实。

某某市人民政府办公室

2019年7月1日`;

  it('does not take the 文号 under it as its value', () => {
    expect(one(page('某府办发〔2019〕14号')).docNumber?.normalized).toBe('某府办发〔2019〕14号');
  });

  it('nor a 文号 printed in traditional characters on a page printed in them', () => {
    const hant = page('饒府辦發〔2019〕14號').replace(/办公室/g, '辦公室').replace(/发展/g, '發展').replace(/关于/g, '關于').replace(/县/g, '縣');
    const d = one(hant);
    expect(d.docNumber?.normalized).toBe('饶府办发〔2019〕14号');
    expect(d.docNumber?.raw).toBe('饒府辦發〔2019〕14號');
  });
});

describe('a page flattened onto one line: the signature and its date inside the line', () => {
  it('reads the issuer line over the title, the signature and the date (a news repost)', () => {
    const d = one(`|
某某市人民政府关于表彰2017年度安全生产先进单位和先进工作者的决定时间:2019-01-23 某某市人民政府 关于表彰2017年度安全生产先进单位和先进工作者的决定 某政〔2018〕17号 各县、区人民政府,市政府有关部门: 2017年,全市各级各部门认真学习贯彻落实上级关于安全生产的决策部署,涌现出了一大批先进典型。为表彰先进,市政府决定对某某县人民政府等11个单位予以通报表彰。 希望受表彰的单位和个人珍惜荣誉,再立新功。 附件:2017年度安全生产先进单位和先进工作者名单 某某市人民政府 2018年12月3日 责编:某某 |`);
    expect(d.title).toBe('某某市人民政府关于表彰2017年度安全生产先进单位和先进工作者的决定');
    expect(d.docNumber?.normalized).toBe('某政〔2018〕17号');
    expect(d.issuers).toEqual(['某某市人民政府']);
    expect(d.dateSigned).toBe('2018-12-03');
  });

  it('reads joint organs and a date in Chinese numerals standing between spaces after a line that is no sentence', () => {
    const d = one(`某某县财政局 某某县教育局关于下达2019年学生资助资金的通知 某财教〔2019〕8号 各乡镇中心学校,县直各学校: 现将2019年学生资助资金下达给你们,请按规定及时拨付到位。 附件:2019年学生资助资金分配表 某某县财政局 某某县教育局 二〇一九年三月五日 责编:某某`);
    expect(d.issuers).toEqual(['某某县财政局', '某某县教育局']);
    expect(d.dateSigned).toBe('2019-03-05');
  });

  it("takes the attachment's title under the signature when the copy starts at the addressee line (a township)", () => {
    const d = one(`索引号 | 001008003001086/2020-42401 | ||
组配分类 | 部门文件 | 发布机构 | 某某镇 |
生成日期 | 2020-10-22 | 公开方式 | 主动公开 |
文号 | 某山政〔2020〕72号 |
各科室,各站所,各村: 为提高政府处置突发公共事件的能力,最大程度地预防和减少突发公共事件造成的损害,维护社会稳定。经研究,制定《某某镇突发公共事件总体应急预案(修订)》,现印发给你们,请认真执行。 附件:某某镇突发公共事件总体应急预案(修订) 某某市某某区某某镇人民政府 2020年10月22日 某某镇突发公共事件总体应急预案(修订) 1.总则 1.1目的依据 提高政府保障公共安全和处置突发公共事件的能力,结合本镇实际,制定本预案。 1.2现状特点 某某镇地处某某区西北部,地形地貌以山地丘陵为主,台风、暴雨、干旱等自然灾害时有发生。`);
    expect(d.title).toBe('某某镇突发公共事件总体应急预案(修订)');
    expect(d.docNumber?.normalized).toBe('某山政〔2020〕72号');
    expect(d.issuers).toEqual(['某某市某某区某某镇人民政府']);
    expect(d.dateSigned).toBe('2020-10-22');
  });
});

describe('a title the document prints with `(修订)`', () => {
  it('keeps the mark (a site adds its edition with a year: `(2019修订)`)', () => {
    const page = (mark: string) => `某某镇突发公共事件总体应急预案${mark}

1.总则

1.1目的依据

为提高政府保障公共安全和处置突发公共事件的能力,最大程度地预防和减少突发公共事件及其造成的损害,结合本镇实际,制定本预案。`;
    expect(one(page('(修订)')).title).toBe('某某镇突发公共事件总体应急预案(修订)');
    expect(one(page('(2019修订)')).title).toBe('某某镇突发公共事件总体应急预案');
  });
});

describe("a portal's 标题 field over a notice copied from its addressee line", () => {
  const page = (title: string) => `字体大小:【大】 【中】 【小】
索引号:01236931-5/2015-00029 | |
发文字号:某政办发〔2015〕92号 | 发文时间:2015-12-31 |
发文机关:某某市人民政府办公厅 | 主题词:火灾应急预案 |
${title}
主题分类:应急管理 | 发布日期:2015-12-31 |
各乡(镇)人民政府、办事处,市政府有关工作部门:
《某某市火灾应急预案》已经修订,现印发给你们,望认真组织落实。
某某市人民政府办公厅
2015年12月31日
某某市火灾应急预案
1 总则
1.1 编制目的
为了提高消防应急能力,全力、及时、迅速、高效地控制火灾事故,针对全市实际情况制定本预案。`;

  it("is the notice's title, not the attached 预案's name under the signature", () => {
    const d = one(page('标题:某某市人民政府办公厅关于印发某某市火灾应急预案的通知 | |'));
    expect(d.title).toBe('某某市人民政府办公厅关于印发某某市火灾应急预案的通知');
    expect(d.docNumber?.normalized).toBe('某政办发〔2015〕92号');
    expect(d.issuers).toEqual(['某某市人民政府办公厅']);
    expect(d.dateSigned).toBe('2015-12-31');
  });

  it("leaves the attachment's title when the page has no such field", () => {
    expect(one(page('')).title).toBe('某某市火灾应急预案');
  });
});

describe('a portal heading gluing the 文号 to a shortened title, over the head printed on three lines', () => {
  it('reads the head as the title and the heading\'s 文号 as its own', () => {
    const d = one(`无标题文档
政府文件
您的位置:首页>>政务公开>>政府文件
某政办发[2020]35号某某市推进义务教育优质均衡发展督导评估规划实施细则的通知
时间:2020-09-29 来源: 作者:

某某市人民政府办公室关于印发某某市推进

义务教育优质均衡发展督导评估

规划实施细则的通知

 

开发区管委会,各乡镇人民政府(街道办事处),市政府有关部门

经市政府同意,现将《某某市推进义务教育优质均衡发展督导评估规划实施细则》印发给你们,请结合实际,认真贯彻实施。

                        某某市人民政府办公室

2020年9月28日

某某市推进义务教育优质均衡发展

督导评估规划实施细则

为认真贯彻落实《某某部关于印发〈某规程〉的通知》(某教督办函〔2019〕30号)精神,特制定本实施细则。`);
    expect(d.title).toBe('某某市人民政府办公室关于印发某某市推进义务教育优质均衡发展督导评估规划实施细则的通知');
    expect(d.docNumber?.normalized).toBe('某政办发〔2020〕35号');
    expect(d.cites).toEqual(['某教督办函〔2019〕30号']);
    expect(d.dateSigned).toBe('2020-09-28');
  });
});

describe("a portal's summary field and toolbar between the title and its 文号", () => {
  it("reads the notice's own title, not the 计划 it 下达 under the signature", () => {
    const d = one(`标题 某某市人民政府关于下达2025年国民经济和社会发展计划的通知
  • 索 引 号
  • 000014349/2025-02841
  • 发文字号
  • 某府发〔2025〕1号
  • 成文日期
  • 2025-03-06
  • 发文机关
  • 市人民政府办公室
  • 公开日期
  • 2025-03-10
概述    某府发〔2025〕1号   各旗区人民政府,市直各部门,各直属单位:  ... 有效性 有效

某某市人民政府关于下达2025年国民经济和社会发展计划的通知

发布时间:2025-03-10 00:00      作者:      来源:市人民政府办公室      【  】【黑色 红色 灰色

  打印
分享到:

  某府发〔2025〕1号

各旗区人民政府,市直各部门,各直属单位

  《2025年某某市国民经济和社会发展计划》已经某某市人大会议审议通过,现下达给你们,结合实际,认真组织实施

                    某某市人民政府

                  2025年3月6日

  2025某某市

  国民经济和社会发展计划

  2025年是“十四五”的收官之年,做好全年工作,必须坚持稳中求进,推动经济实现质的有效提升和量的合理增长。`);
    expect(d.title).toBe('某某市人民政府关于下达2025年国民经济和社会发展计划的通知');
    expect(d.docNumber?.normalized).toBe('某府发〔2025〕1号');
    expect(d.issuers).toEqual(['某某市人民政府']);
    expect(d.dateSigned).toBe('2025-03-06');
  });

  it('keeps a notice that 下达 a 计划 over the 计划 when the page prints both headings above the text', () => {
    const d = one(`某某县人民政府关于下达2024年某某县重点项目建设计划的通知

2024年某某县重点项目建设计划

  一、总体要求

  2024年全县重点项目建设要坚持项目为王,推动经济实现质的有效提升和量的合理增长,确保完成年度投资目标。`);
    expect(d.title).toBe('某某县人民政府关于下达2024年某某县重点项目建设计划的通知');
  });
});

describe('a joint head of the party committee and the government', () => {
  it('names two issuers when the names stand on one line over the title', () => {
    const d = one(`您所在的位置:首页>期刊栏目>市政府文件>正文
中共某某市委 某某市人民政府
关于加快发展养老服务业的实施意见
——
某党发〔2015〕21号

   为加快建立和完善与我市经济社会发展水平相适应的养老服务体系,推动养老产业市场化进程,结合我市实际,提出如下实施意见。

  一、重要意义`);
    expect(d.title).toBe('中共某某市委某某市人民政府关于加快发展养老服务业的实施意见');
    expect(d.issuers).toEqual(['中共某某市委', '某某市人民政府']);
  });

  it('names two issuers when the title runs them together', () => {
    const d = one(`中共某某县委某某县人民政府关于加快乡村振兴的实施意见

某发〔2021〕3号

各乡镇党委、人民政府,县直各单位:

为加快乡村振兴,结合我县实际,提出如下实施意见。`);
    expect(d.issuers).toEqual(['中共某某县委', '某某县人民政府']);
  });
});

describe('an issuer run into a title without 关于, broken over two lines', () => {
  it('is the title and its issuer, not the second line alone', () => {
    const d = one(`• 信息索引号:

    11330700MB10327095/2013-02249

  • 文件名称:

    某某开发区突发公共事件总体应急预案

  • 成文日期:

    2013-10-12

  • 某某开发区突发公共事件总体应急预案

    日期:2013-10-12 00:00:00 来源:某某市人民政府办公室 浏览量:
    分享:

    某某经济技术开发区管委会突发公共事件

    总体应急预案

    一、总则

    (一)编制目的

    建立预防为主、平战结合的突发事件应急工作体系,提高政府保障公共安全和处置突发公共事件的能力,维护社会稳定,促进经济社会持续平稳较快发展。`);
    expect(d.title).toBe('某某经济技术开发区管委会突发公共事件总体应急预案');
    expect(d.issuers).toEqual(['某某经济技术开发区管委会']);
    expect(d.dateSigned).toBe('2013-10-12');
  });
});

describe("a site's name over a title that names its issuer", () => {
  it('is not joined to the title (it opens with an organ name, and so does the title)', () => {
    const d = one(`某某市人民政府官方微信

首页>互动>民意征集
某某市司法局关于 《某某市促进民营经济发展条例 (草案送审稿)》公开征求意见的通告
发布时间:2021-03-18 16:59:00      作者:      来源:      【  】【黑色 红色 灰色
  打印
分享到:

    为进一步增强立法的公开性和透明度,提高立法质量,现将《某某市促进民营经济发展条例(草案送审稿)》全文公布,向社会征求意见。

                                                       某某市司法局

                                                                      2021年3月17日`);
    expect(d.title).toBe('某某市司法局关于《某某市促进民营经济发展条例(草案送审稿)》公开征求意见的通告');
    expect(d.issuers).toEqual(['某某市司法局']);
  });
});

describe("a site's name over a title that does not open with an organ", () => {
  it('is not joined to the title', () => {
    const d = one(`某某市人民政府门户网站

某某市城乡环境整治实施方案

一、总体要求

为全面改善城乡环境面貌,提升群众满意度,结合我市实际,制定本实施方案,请各地各部门认真组织实施。`);
    expect(d.title).toBe('某某市城乡环境整治实施方案');
  });
});

describe("a 版记's 印发 date (the convention: no 成文日期)", () => {
  it('is not read as the 成文日期 when no signature date is printed', () => {
    const d = one(`某某县人民政府办公室关于对全县重点火险区实施封山戒严的通知

某政办〔2017〕84号

各乡人民政府,县人民政府有关部门:

为确保我县森林资源安全,决定对全县重点火险区实施封山戒严,戒严期为2017年11月1日到2018年4月30日。

附件

某某县重点火险区一览表

某某县人民政府办公室

2017年10月30日印发`);
    expect(d.dateSigned).toBeNull();
    expect(d.effectiveDate).toBeNull();
  });
});

describe('a letterhead line that opens with an organ', () => {
  it('is not joined over the 文号 to the title below it', () => {
    const d = one(`某某市人民政府办公室文件

某政办发〔2020〕1号

关于做好某某工作的通知

各县(市、区)人民政府,市政府各部门

为做好某某工作,经市政府同意,现将有关事项通知如下,请认真贯彻执行。`);
    expect(d.title).toBe('关于做好某某工作的通知');
    expect(d.docNumber?.normalized).toBe('某政办发〔2020〕1号');
  });
});
