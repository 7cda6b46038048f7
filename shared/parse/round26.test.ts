import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round twenty-six: the classes that failed on held-out real texts of national producers (ministries, national
 * bureaus, State Council bodies' offices: test/fixtures/real-holdout h26-01–h26-16, since development texts 720–735),
 * written out as a page of their kind prints them (names made up).
 */

describe('a 部令 whose number carries its year, its preamble, signature and date on one line, its 规章 named only there', () => {
  const page = `中华人民共和国水运部令
2009 年第 3 号
《内河码头安全管理规定》已于2009年5月6日经第4次部务会议通过,现予公布,自2009年7月1日起施行。 部 长 张某某 二○○九年五月二十日
附件:内河码头安全管理规定`;

  it('reads the order number without its year, as an order numbered per year', () => {
    const d = one(page);
    expect(d.docNumber?.normalized).toBe('中华人民共和国水运部令第3号');
    expect(d.issuers).toEqual(['中华人民共和国水运部']);
  });

  it('titles the order with the 规章 its preamble promulgates', () => {
    expect(one(page).title).toBe('内河码头安全管理规定');
  });

  it('reads the signature date standing after the preamble on its line, and the 施行 date', () => {
    const d = one(page);
    expect(d.dateSigned).toBe('2009-05-20');
    expect(d.effectiveDate).toBe('2009-07-01');
  });

  it('still reads a 令 printed on its own lines with the title under the signature', () => {
    const d = one(`某某市人民政府令
第 12 号
《某某市河道采砂管理办法》已经2020年3月2日市人民政府第5次常务会议通过,现予公布,自2020年5月1日起施行。
市 长 李某某
2020年3月10日
某某市河道采砂管理办法
第一条 为了加强河道采砂管理,制定本办法。`);
    expect(d.title).toBe('某某市河道采砂管理办法');
    expect(d.docNumber?.normalized).toBe('某某市人民政府令第12号');
    expect(d.dateSigned).toBe('2020-03-10');
  });
});

describe('a forum subject with a column tag over an order (`[资料] 某某规定`, `《某某局令》` / `第 2 号`)', () => {
  const page = `查看: 1366|回复: 0

[资料] 震后灾情速报管理规定

发表于 2012-8-11 18:29 | 显示全部楼层 |阅读模式
《中国某某局令》
第 2 号
 《震后灾情速报管理规定》,已于 1999 年 1 月 5 日 经中国某某局局务会议通过,现予发布,自发布之日起施行。
 局长 王某某
震后灾情速报管理规定
第一条 为了加强震后灾情速报的管理,制定本规定。
  第二条 本规定适用于地震发生后的灾情速报工作。`;

  it('leaves the tag out of the title', () => {
    expect(one(page).title).toBe('震后灾情速报管理规定');
  });

  it('reads the order number and its organ from the head in book-title marks', () => {
    const d = one(page);
    expect(d.docNumber?.normalized).toBe('中国某某局令第2号');
    expect(d.issuers).toEqual(['中国某某局']);
    expect(d.dateSigned).toBeNull();
  });
});

describe('a 公报 titled with a footnote mark and its serial (`…普查公报[1](第一号)`), a dash subtitle, two organs and a date', () => {
  it('titles the 公报 without mark, serial or subtitle, signed by both organs', () => {
    const d = one(`2021-05-14 10:59:10
第五次全国农业普查公报[1](第一号)
——第五次全国农业普查工作基本情况
国家某某局
国务院第五次全国农业普查领导小组办公室
2021年5月11日
根据《中华人民共和国统计法》和《国务院关于开展第五次全国农业普查的通知》(国发〔2019〕30号)要求,我国进行了第五次全国农业普查[2]。普查工作圆满完成。`);
    expect(d.title).toBe('第五次全国农业普查公报');
    expect(d.issuers).toEqual(['国家某某局', '国务院第五次全国农业普查领导小组办公室']);
    expect(d.dateSigned).toBe('2021-05-11');
    expect(d.cites).toEqual(['国发〔2019〕30号']);
  });

  it('does not take a gazette\'s masthead (`某某市人民政府公报`) for a title', () => {
    const d = one(`某某市人民政府公报
某某市人民政府关于加强河道管理的通知
某政发〔2021〕5号
各区人民政府,市政府各部门:
现就加强河道管理通知如下。
某某市人民政府
2021年4月2日`);
    expect(d.title).toBe('某某市人民政府关于加强河道管理的通知');
  });
});

describe('a document-sharing site\'s copy: the title only in the file-name heading (`….docx`), the text in numbered chunks', () => {
  it('titles the document from the file name without its extension; a number that lost its brackets gives none', () => {
    const d = one(`某某部办公厅关于开展2023年“5·19某某日”活动的通知.docx
《某某部办公厅关于开展2023年“5·19某某日”活动的通知.docx》由会员分享,可在线阅读,更多相关《某某部办公厅关于开展2023年“5·19某某日”活动的通知.docx(5页珍藏版)》请在某某文库上搜索。
1、某某部办公厅关于开展2023年519某某日”活动的通知办某发202358号各省、自治区、直辖市某某厅(局):2023年5月19日是第13个“某某日”。为更好引导和促进某某业发展,某某部决定开展2023年“519某某日”活动。现将有关事项通知如下:一、活动主题美好生活
2、某某部在某某省设立主会场,其余省(区、市)设立分会场。各分会场围绕主题开展活动,分会场活动方案由各地自行制定。
3、一31`);
    expect(d.title).toBe('某某部办公厅关于开展2023年“5·19某某日”活动的通知');
    expect(d.issuers).toEqual(['某某部办公厅']);
    expect(d.docNumber).toBeNull();
  });
});

describe('an untitled copy from the addressee list: a seal holder under the signing office, a plan that intends to revise rules', () => {
  const page = `某某部、某某委、某某局:
经国务院某某工作部际联席会议同意,现将《某某建设年度推进计划》印发给你们,请认真贯彻执行。
特此通知。
国务院某某工作部际联席会议办公室
(国家某某局代章)
2021年12月27日
某某建设年度推进计划
为贯彻落实《某某建设纲要》,制定本计划。
一、完善制度
1.推进修订《某某法实施细则》《某某规定》,推进制定《某某管理办法》。
2.推进修改《某某条例》《某某集体管理条例》《某某登记办法》。(某某局负责)`;

  it('signs with the office over the seal holder\'s line', () => {
    const d = one(page);
    expect(d.issuers).toEqual(['国务院某某工作部际联席会议办公室']);
    expect(d.dateSigned).toBe('2021-12-27');
    expect(d.title).toBe('某某建设年度推进计划');
  });

  it('amends nothing: the plan only intends to revise the rules it names', () => {
    expect(one(page).amends).toEqual([]);
  });

  it('still amends what a decision revises (`决定修改《…》`, `一、修改《…》`)', () => {
    const d = one(`某某市人民政府关于修改部分规章的决定
某某市人民政府令第30号
市人民政府决定修改《某某市河道管理办法》。
一、修改《某某市河道管理办法》第三条。
某某市人民政府
2020年1月2日`);
    expect(d.amends.map((t) => t.title)).toContain('某某市河道管理办法');
  });
});

describe('a copy flattened without spaces that opens with its 文号 glued to the salutation, under a site label', () => {
  it('reads the own number (never as a cite with the label as its code, nor the label as a title) and the date run onto the last sentence', () => {
    const d = one(`论文部分内容阅读
委办字[2001]75号各省、自治区、直辖市某某委(办):各省、自治区、直辖市某某委(办)是两级政府管理体制的重要组成部分,在完成各项任务中,具有不可替代的作用。我委就若干工作提出了具体意见,经委领导批准,现印发给你们,请结合本部门的实际研究贯彻。在贯彻中有何问题和建议,请及时向我委办公厅反映。二○○一年五月十日
Commission on Science for All provinces, autonomous regions. May 10, 2001`);
    expect(d.docNumber?.normalized).toBe('委办字〔2001〕75号');
    expect(d.title).toBe('');
    expect(d.cites).toEqual([]);
    expect(d.dateSigned).toBe('2001-05-10');
  });
});
