import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round sixteen: the classes that failed on held-out real texts from the northern and western provinces
 * (test/fixtures/real-holdout h16-01–h16-24, since development texts 520–543), each written out as a page of its kind
 * prints it (names made up).
 */

describe("a portal's list of fields naming the 文号 `发文序号`", () => {
  it('reads the value as the own number', () => {
    const d = one(`  • 索引号:11N000/ZK-2021-000012
  • 发文单位:某市某区人民政府
  • 信息名称:某市某区人民政府关于加强冬季供暖安全管理的通告
  • 发文序号:某兴政发〔2021〕7号
  • 成文日期:2021年11月2日
  • 发布日期:2021-11-05

某市某区人民政府关于加强冬季供暖安全管理的通告

  为保障冬季供暖安全,维护人民群众生命财产安全,根据有关法律法规,经区人民政府研究决定,现就加强冬季供暖安全管理的有关事项通告如下:

  一、各供热单位应当落实安全生产主体责任。

  二、本通告自2021年11月15日起施行。`);
    expect(d.title).toBe('某市某区人民政府关于加强冬季供暖安全管理的通告');
    expect(d.docNumber?.normalized).toBe('某兴政发〔2021〕7号');
    expect(d.dateSigned).toBe('2021-11-02');
  });
});

describe("a forum's column tag before a title that opens with a bare place and 关于", () => {
  it('drops `[政府公告]` from `[政府公告] 某市关于…的通告`', () => {
    const d = one(`某县生活网-信息门户

查看: 312|回复: 0

[政府公告] 某市关于实行某河流域禁渔的通告

[复制链接]
发表于 2024-4-2 10:11:12 | 显示全部楼层

为养护水生生物资源,保护水生生物多样性,根据《中华人民共和国渔业法》有关规定,现就2024年某河流域禁渔事项通告如下:

一、禁渔期为2024年4月1日至7月31日。

特此通告。

某市农业农村局

2024年4月1日`);
    expect(d.title).toBe('某市关于实行某河流域禁渔的通告');
    expect(d.issuers).toEqual(['某市农业农村局']);
    expect(d.dateSigned).toBe('2024-04-01');
  });
});

describe("a letter an organ writes to the public, under an account's column name before a bar", () => {
  it('takes `…致村民的一封信` as the title, without `文明某镇 |`', () => {
    const d = one(`某市某区某镇人民政府

索 引 号:11J205/ZK-2025-000011

信息名称:文明某镇 | 某镇森林防火工作致村民的一封信

文   号:

发布日期:2025-02-10 09:30

文明某镇 | 某镇森林防火工作致村民的一封信

各村村民:

春季将至,森林防火形势严峻。我们真诚地倡议大家:不在林区吸烟,不在林区上坟烧纸,发现火情及时报告。

                      某镇人民政府

                         2025年2月`);
    expect(d.title).toBe('某镇森林防火工作致村民的一封信');
    expect(d.issuers).toEqual(['某镇人民政府']);
    expect(d.dateSigned).toBeNull();
  });
});

describe('a head over three lines below a news blurb that runs the title into the body', () => {
  it('joins `某县人民政府` / `关于加强…的` / `通告` into the title, the issuer line kept', () => {
    const d = one(`您的位置 首页 行政公告

守护蓝天丨某县发布重要通告!

某县人民政府关于加强秸秆禁烧工作的通告为持续改善我县空气质量,保障人民群众身体健康,推进大气污染防治攻坚工作,根据《中华人民共和国大

某县人民政府

关于加强秸秆禁烧工作的

通告

为持续改善我县空气质量,保障人民群众身体健康,根据《中华人民共和国大气污染防治法》和省市有关规定,现就秸秆禁烧有关事项通告如下:

一、全县行政区域内禁止露天焚烧秸秆。

二、对违反规定的,由有关部门依法处罚。`);
    expect(d.title).toBe('某县人民政府关于加强秸秆禁烧工作的通告');
    expect(d.issuers).toEqual(['某县人民政府']);
  });
});

describe('a signature date that lost its separators and reads two ways', () => {
  it('gives no 成文日期 for `2025123`, and the organ over it still signs', () => {
    const d = one(`首页 走进某县 新闻中心 政府信息公开

某县2025年人工影响天气作业公告

为发挥人工影响天气服务农业抗旱、降低森林火险气象等级、改善空气质量等作用,抓住有利天气时机,适时科学组织实施人工影响天气增雨作业,根据有关规定,公告如下:

一、作业时段:2025年1月23日至12月31日。

二、望广大居民朋友远离作业现场,若发现故障弹,应立即报告。

联系电话:0916-1234567

                                某县气象局

                               2025123

相关稿件`);
    expect(d.title).toBe('某县2025年人工影响天气作业公告');
    expect(d.issuers).toEqual(['某县气象局']);
    expect(d.dateSigned).toBeNull();
  });
});

describe("a 上行文's 文号 printed with its 签发人 on one line above the head", () => {
  it('reads `某汛字〔2021〕9号 签发人:某某某` as the own number', () => {
    const d = one(`某汛字〔2021〕9号 签发人:王某某
某旗防汛抗旱指挥部
关于某河故道主河槽清障工作的通知
某镇政府,旗水务局:
根据某区防汛抗旱指挥部《关于开展汛前检查工作的通知》(某汛[2021]3号)要求,经研究决定,由某镇政府会同旗水务局对某河故道主河槽进行治理。
某旗防汛抗旱指挥部
2021年8月30日`);
    expect(d.title).toBe('某旗防汛抗旱指挥部关于某河故道主河槽清障工作的通知');
    expect(d.docNumber?.normalized).toBe('某汛字〔2021〕9号');
    expect(d.cites).toEqual(['某汛〔2021〕3号']);
  });
});

describe("a 人大常委会's 公告 that prints the act it promulgates only in its sentence", () => {
  it("titles the document with the act's title from the 公告's 《》, inner marks kept", () => {
    const d = one(`(2025年6月20日某市第十八届人民代表大会常务委员会第十九次会议通过)
市人大常委会公告
(第三十八号)
《某市人民代表大会常务委员会关于修改〈某市实施《中华人民共和国某某法》办法〉等三部地方性法规的决定》已由某市第十八届人民代表大会常务委员会第十九次会议于2025年6月20日通过,现予公布,自公布之日起施行。
某市人民代表大会常务委员会
2025年6月20日
某市第十八届人民代表大会常务委员会第十九次会议决定:
一、对《某市实施〈中华人民共和国某某法〉办法》作出修改
1.将第二条修改为:“本办法适用于本市行政区域。”`);
    expect(d.title).toBe('某市人民代表大会常务委员会关于修改〈某市实施《中华人民共和国某某法》办法〉等三部地方性法规的决定');
    expect(d.issuers).toEqual(['某市人民代表大会常务委员会']);
    expect(d.dateSigned).toBe('2025-06-20');
    expect(d.effectiveDate).toBe('2025-06-20');
    expect(d.amends.map((a) => a.title)).toEqual(['某市实施〈中华人民共和国某某法〉办法']);
  });
});
