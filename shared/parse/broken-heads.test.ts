import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/**
 * A document's head printed over two or three lines, broken where a word ends nearest the middle, as GB/T 9704 sets a
 * title and as PDFs and Word files print it (names made up): the lines are one title, and the issuer named in the first
 * line is the issuer. Nothing above the head that is not part of it (a page's own one-line copy of the title, an issuer
 * field, a metadata row, a breadcrumb) joins it.
 */

describe('a head line that cannot end a title runs on into the next line', () => {
  it('`某县人民政府办公室关于` over the rest of the title, a posting time and the 文号 under it', () => {
    const d = onePage(`某县人民政府办公室关于
对全县重点火险区实施封山戒严的通知

2017-11-15 11:40

某政办〔2017〕84号

各乡人民政府,县人民政府有关部门:
为确保我县森林资源安全,经研究,决定对全县重点火险区实施封山戒严,戒严期为2017年11月1日到2018年4月30日。
某县人民政府办公室
2017年11月15日`);
    expect(d.title).toBe('某县人民政府办公室关于对全县重点火险区实施封山戒严的通知');
    expect(d.issuers).toEqual(['某县人民政府办公室']);
    expect(d.docNumber?.normalized).toBe('某政办〔2017〕84号');
  });

  it('joint issuers and 关于 over the title, the body straight under it (no salutation)', () => {
    const d = onePage(`第6章 通 知

[例文1]

甲中央办公厅、乙国务院办公厅关于
严禁在公务活动中接受礼金的通知

党中央、国务院对党政机关及其工作人员在公务活动中不得接受和赠送礼品问题曾多次作过规定,一些地区、部门和单位违反规定的现象仍时有发生。`);
    expect(d.title).toBe('甲中央办公厅、乙国务院办公厅关于严禁在公务活动中接受礼金的通知');
    expect(d.issuers).toEqual(['甲中央办公厅', '乙国务院办公厅']);
  });

  it('a place that names no organ and 关于 over the title (`某区某镇关于`)', () => {
    const d = onePage(`某市某区某城镇关于
公布规范性文件清理结果的通知

各有关单位、村(居)委会:

为全面推进依法行政,加快建设法治政府,根据有关规定,我镇对现行规范性文件进行了清理,现将结果公布如下。`);
    expect(d.title).toBe('某市某区某城镇关于公布规范性文件清理结果的通知');
  });

  it('a line that ends in 、 inside a list of places', () => {
    const d = onePage(`某县人民政府关于禁止在河道、水库、山塘、
河坝、水渠等危险水域游泳、戏水的通告

为切实保障人民群众生命安全,有效预防溺水事故发生,根据有关法律法规规定,现就有关事项通告如下:
一、禁止在河道、水库等危险水域游泳、戏水。
某县人民政府
2021年7月25日`);
    expect(d.title).toBe('某县人民政府关于禁止在河道、水库、山塘、河坝、水渠等危险水域游泳、戏水的通告');
    expect(d.issuers).toEqual(['某县人民政府']);
  });

  it('`…关于` over `印发…的通知`, site furniture between the head and the salutation', () => {
    const d = onePage(`某市行政审批制度改革工作领导小组办公室关于
印发《某市行政许可事项通用目录》的通知

【来源: | 发布日期:2018-01-03 】     【选择字号:

各县区人民政府,市直各有关部门:

为规范行政审批行为,提高审批效率,改进服务水平,全面规范市级政府部门行政许可事项,制定《某市行政许可事项通用目录》,现印发给你们。`);
    expect(d.title).toBe('某市行政审批制度改革工作领导小组办公室关于印发《某市行政许可事项通用目录》的通知');
    expect(d.issuers).toEqual(['某市行政审批制度改革工作领导小组办公室']);
  });
});

describe('a head over three lines', () => {
  it('a list of places broken twice at its 、', () => {
    const d = onePage(`某某镇人民政府关于禁止在河道、
水库、山塘、
河坝等危险水域游泳的通告

为切实保障人民群众生命安全,有效预防溺水事故发生,根据有关法律法规规定,现就有关事项通告如下:
一、禁止在河道、水库等危险水域游泳。`);
    expect(d.title).toBe('某某镇人民政府关于禁止在河道、水库、山塘、河坝等危险水域游泳的通告');
    expect(d.issuers).toEqual(['某某镇人民政府']);
  });

  it('`某县某某街道关于` (no organ word) over `印发《…》` over `的通知` and the salutation', () => {
    const d = onePage(`某县某某街道关于
印发《某街道某某管理办法》
的通知
各社区居委会:
现将《某街道某某管理办法》印发给你们,请认真贯彻执行。`);
    expect(d.title).toBe('某县某某街道关于印发《某街道某某管理办法》的通知');
  });
});

describe('a line that cannot open a title continues the line above', () => {
  it('`的…` under the first line', () => {
    const d = onePage(`“四城共创”工作
的具体安排部署公告

作者:某某大队 某某日报 2016/5/23(点击:1140)

按照某旗“四城共创”工作的具体安排部署,某某大队决定从即日起至5月31日开展交通安全劝导活动,所有街道停车位停车时车头一律朝外。`);
    expect(d.title).toBe('“四城共创”工作的具体安排部署公告');
  });

  it('an organ broken before its 的 (`某州新型冠状病毒感染` / `的肺炎疫情防控处置工作指挥部通告`)', () => {
    const d = onePage(`青海三地疫情防控处置工作指挥部最新通告

某州新型冠状病毒感染
的肺炎疫情防控处置工作指挥部通告

(第15号)

根据中央和省新冠肺炎疫情分区分级精准防控的安排部署,为统筹做好某州疫情防控和经济社会发展各项工作,现将相关事宜通告如下:`);
    expect(d.title).toBe('某州新型冠状病毒感染的肺炎疫情防控处置工作指挥部通告');
  });

  it('`(2022年版)的通知` under `关于印发《…预案》`', () => {
    const d = onePage(`某区某街道办事处文件
某古办〔2022〕10号
关于印发《某街道防汛防台专项应急预案》
(2022年版)的通知
机关各部门、各企事业单位及各居民区: 为切实抓好今年街道防大汛、抗大灾、抢大险,进一步落实防汛责任制,街道修编制定了应急预案,现印发给你们。
某区某街道办事处 2022年5月29日`);
    expect(d.title).toBe('关于印发《某街道防汛防台专项应急预案》(2022年版)的通知');
    expect(d.docNumber?.normalized).toBe('某古办〔2022〕10号');
  });

  it('`《乙细则》的通知` under `某厅关于印发《甲细则》`', () => {
    const d = onePage(`某自治区农牧厅关于印发《某自治区农牧厅直接投资项目实施细则》
《某自治区农牧厅投资补助项目实施细则》的通知
发布日期:2025-10-27 09:45 字体: 访问量:207 分享到: 微信
各盟市农牧局,相关单位:
为进一步加强和规范中央预算内投资农业建设项目管理,自治区农牧厅修订了两项实施细则,现印发给你们,请遵照执行。`);
    expect(d.title).toBe('某自治区农牧厅关于印发《某自治区农牧厅直接投资项目实施细则》《某自治区农牧厅投资补助项目实施细则》的通知');
    expect(d.issuers).toEqual(['某自治区农牧厅']);
  });
});

describe("a metadata row's empty last label does not take the head under it", () => {
  it('`内容概述:` with no value over the head’s first line', () => {
    const d = onePage(`信息分类: 通知   发布机构: 某县人民政府办公室
浏览次数: 590 内容概述:

某县人民政府关于印发
《某县人民政府工作规则》的通知

各乡、镇人民政府,县政府各部门:

《某县人民政府工作规则》已经2019年1月4日县政府第三次全体会议通过,现予印发,请遵照执行。`);
    expect(d.title).toBe('某县人民政府关于印发《某县人民政府工作规则》的通知');
    expect(d.issuers).toEqual(['某县人民政府']);
  });

  it('`浏览次数:` with no value over the salutation', () => {
    const d = onePage(`- 发文字号:某行发〔2021〕42号
- 发文机构:地区行署
某地区行政公署关于印发
《某地区行政公署工作规则》的通知
发布时间:2021-12-22 17:45 浏览次数:
各县人民政府,行署各局、委、办、处:
《某地区行政公署工作规则》已经地委、行署研究通过,现印发给你们,请认真贯彻执行。
某地区行政公署
2021年11月9日`);
    expect(d.title).toBe('某地区行政公署关于印发《某地区行政公署工作规则》的通知');
    expect(d.issuers).toEqual(['某地区行政公署']);
  });
});

describe('a page’s own copy of the title above a broken head is not joined to it', () => {
  it('the copy over the head and its 文号 in brackets', () => {
    const d = onePage(`某省人民政府办公厅关于加强和规范招商引资工作的通知

某省人民政府办公厅关于
加强和规范招商引资工作的通知

(某政办发〔2005〕76号)

各设区市人民政府,省人民政府各工作部门:
为加强和规范招商引资工作,现就有关事项通知如下:`);
    expect(d.title).toBe('某省人民政府办公厅关于加强和规范招商引资工作的通知');
    expect(d.docNumber?.normalized).toBe('某政办发〔2005〕76号');
  });

  it('the copy over the head, its 文号 and the body (no salutation)', () => {
    const d = onePage(`中共某市委某市人民政府关于深化文旅融合加快建设旅游强市的实施意见
中共某市委某市人民政府关于
深化文旅融合加快建设旅游强市的实施意见
某发〔2023〕11号
为促进文化和旅游深度融合,提升全市旅游业现代化、品质化、标准化水平,加快建设高品质旅游强市,制定如下实施意见。
一、总体要求`);
    expect(d.title).toBe('中共某市委某市人民政府关于深化文旅融合加快建设旅游强市的实施意见');
    expect(d.issuers).toEqual(['中共某市委', '某市人民政府']);
  });

  it("a law site's title, issuer field and the title again broken: the field is no part of the title", () => {
    const d = onePage(`关于中央国家机关住宅专项维修资金交存有关问题的补充通知

某某事务管理局


关于中央国家机关住宅专项维修资金交存有关问题
的补充通知

某机房改〔2011〕236号

中央国家机关各部门:
现就有关问题补充通知如下:`);
    expect(d.title).toBe('关于中央国家机关住宅专项维修资金交存有关问题的补充通知');
    expect(d.issuers).toEqual(['某某事务管理局']);
  });

  it("a portal heading that adds a place before the document's own title, broken under a lead", () => {
    const d = onePage(`某地某山镇人民政府关于取消某村庙会的通告

导语 为全力做好我镇疫情防控,某地某山镇人民政府关于取消某村庙会,详情如下。

某山镇人民政府关于
取消某村庙会的通告

  为全力做好我镇新型冠状病毒感染的肺炎疫情防控、确保广大人民群众健康安全,依照有关规定,暂时取消某村庙会。现就具体事项通告如下:`);
    expect(d.title).toBe('某山镇人民政府关于取消某村庙会的通告');
    expect(d.issuers).toEqual(['某山镇人民政府']);
  });

  it("a page's excerpt of the head cut with … over the head", () => {
    const d = onePage(`某市发展和改革委员会 某市规划和自然资源局 关于印发某市社区服务设施建设工程实施方案的通知

某市发展和改革委员会 某市规划和自然资源局 关于印发某市社区服务设施建设工程实施方案的通知 各区(市)县政府(管委会…

某市发展和改革委员会 某市规划和自然资源局 关于
印发某市社区服务设施建设工程实施方案的通知

各区(市)县政府(管委会),市级有关部门:

经市领导同意,现将《某市社区服务设施建设工程实施方案》印发给你们,请结合实际认真贯彻落实。`);
    expect(d.title).toBe('某市发展和改革委员会某市规划和自然资源局关于印发某市社区服务设施建设工程实施方案的通知');
    expect(d.issuers).toEqual(['某市发展和改革委员会', '某市规划和自然资源局']);
  });
});

describe('the issuers and documents a broken head names', () => {
  it('joint departments separated by spaces on the first line, the body under the head', () => {
    const d = onePage(`甲财政部 乙教育部 丙社会保障部关于印发
《中等职业学校某某助学金管理办法》的通知

第一条 为加强中等职业学校某某助学金管理,确保助学金发放工作顺利进行,制定本办法。`);
    expect(d.title).toBe('甲财政部乙教育部丙社会保障部关于印发《中等职业学校某某助学金管理办法》的通知');
    expect(d.issuers).toEqual(['甲财政部', '乙教育部', '丙社会保障部']);
  });

  it('a broken head over a site’s stray word and the title printed again on one line with its 文号', () => {
    const d = onePage(`国务院关于
某省撤销某县地区设立某县市(地级)的批复
外观
国务院关于某省撤销某县地区设立某县市(地级)的批复
国函〔1992〕194号
某省人民政府:
你省《关于撤销某县地区设立地级某市的请示》收悉。同意你省撤销某县地区,设立某县市。`);
    expect(d.title).toBe('国务院关于某省撤销某县地区设立某县市(地级)的批复');
    expect(d.docNumber?.normalized).toBe('国函〔1992〕194号');
  });

  it("a second organ's numbered 通告 after the first one's signature, its title broken before 的", () => {
    const docs = parsePage(`甲州新型冠状病毒感染
的肺炎疫情防控处置工作指挥部通告

(第15号)

为统筹做好甲州疫情防控和经济社会发展各项工作,现将相关事宜通告如下:
一、本通告自公布之日起施行。

甲州新型冠状病毒感染的肺炎疫情防控处置工作指挥部

2020年2月18日

乙县新型冠状病毒感染
的肺炎疫情防控处置工作指挥部通告

第9号

为切实做好火灾防范工作,服务保障全县疫情防控大局,现将有关事项通告如下:
一、疫情防控定点医疗机构、隔离点做好消防安全工作。`);
    expect(docs.map((d) => d.title)).toEqual(['甲州新型冠状病毒感染的肺炎疫情防控处置工作指挥部通告', '乙县新型冠状病毒感染的肺炎疫情防控处置工作指挥部通告']);
  });
});
