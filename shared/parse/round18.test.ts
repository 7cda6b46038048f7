import { describe, expect, it } from 'vitest';
import { onePage as one, parsePage as parse } from './test-support';

/**
 * Issue 24, round eighteen: the classes that failed on held-out real texts from the northern and western provinces
 * (test/fixtures/real-holdout h18-01–h18-20, since development texts 570–589), each written out as a page of its kind
 * prints it (names made up).
 */

describe("a portal's day of posting before the title (`5月9日,某区关于…的通告`)", () => {
  it('is no part of the title', () => {
    const d = one(`3月9日,某新区关于调整部分区域管控措施的通告 |
广大市民朋友:
根据当前防控形势,经研判,现将有关事项通告如下:
自3月9日起,某街道某小区解除管控措施。
某新区疫情防控指挥部
2022年3月9日`);
    expect(d.title).toBe('某新区关于调整部分区域管控措施的通告');
    expect(d.issuers).toEqual(['某新区疫情防控指挥部']);
  });
});

describe('an organ whose announcement is titled with its name and serial, no signature copied', () => {
  it('`某省…指挥部公告(第五号)` is issued by that 指挥部', () => {
    const d = one(`当前位置: 首页>公告栏

某省应对突发疫情工作指挥部公告(第五号)

发表时间: 2020-02-02

为了进一步做好防控工作,现向全社会提出以下要求:
一、暂停各类聚集活动。
二、外来人员主动登记。`);
    expect(d.title).toBe('某省应对突发疫情工作指挥部公告');
    expect(d.issuers).toEqual(['某省应对突发疫情工作指挥部']);
  });

  it('`某县…领导小组办公室拟认定…公示` is issued by that office', () => {
    const d = one(`某县现代农业园区建设工作领导小组办公室拟认定第二批县级现代农业园区公示

时间:2021-08-25 18:00

依据有关规定,经评议,现将某县某某现代农业园区等5个园区名单公示如下,接受社会监督。
某县某某现代农业园区
某县某某茶叶现代农业园区`);
    expect(d.issuers).toEqual(['某县现代农业园区建设工作领导小组办公室']);
  });
});

describe('a copy starting at the salutation or the body, signed over a date no 成文日期 is read from', () => {
  it('a date that lost its year (`年11月3日`): the organ above still signs, no date', () => {
    const d = one(`各乡镇人民政府,县政府有关部门:
根据上级通知,11月3日至6日我县将出现一次重污染天气过程。经研究,即时起启动Ⅱ级应急响应。
请各部门严格落实各项应急措施。
某某县人民政府办公室
年11月3日
推荐文章`);
    expect(d.issuers).toEqual(['某某县人民政府办公室']);
    expect(d.dateSigned).toBeNull();
  });

  it('a date run together that reads two ways with its 日 kept (`2021118日`): the organ above still signs, no date', () => {
    const d = one(`根据当前防控形势,县政府决定,从即日起启动一级响应。各级各部门要迅速落实以下措施:

   一、对全县交通场站实施设卡管控。

特此通告。

某某县人民政府

2021118日`);
    expect(d.issuers).toEqual(['某某县人民政府']);
    expect(d.dateSigned).toBeNull();
  });
});

describe("an epidemic organ's name broken over two signature lines at its disease's name (`…感染的肺炎` / `疫情防控指挥部办公室`)", () => {
  it('is one organ', () => {
    const d = one(`广大居民朋友:
3月2日,县疫情防控指挥部排查出密接人员,已第一时间开展流调溯源等工作。请广大居民不必恐慌,以官方发布的信息为准。
某某县新型冠状病毒感染的肺炎
疫情防控指挥部办公室
2022年3月2日`);
    expect(d.issuers).toEqual(['某某县新型冠状病毒感染的肺炎疫情防控指挥部办公室']);
    expect(d.dateSigned).toBe('2022-03-02');
  });
});

describe('a head printed twice, its issuer line over the first print only', () => {
  it('keeps the issuer line in the title of a 转发 notice', () => {
    const d = one(`某某学院就业网
某省人民政府办公厅
转发省教育厅等部门
关于做好2012年中等职业学校
招生工作的意见的通知
转发省教育厅等部门
关于做好2012年中等职业学校
招生工作的意见的通知
某政办发〔2012〕8号
各市人民政府,省政府各部门:
省教育厅等部门《关于做好2012年中等职业学校招生工作的意见》已经省政府同意,现转发给你们,请认真贯彻执行。
某省人民政府办公厅
二○一二年三月二日`);
    expect(d.title).toBe('某省人民政府办公厅转发省教育厅等部门关于做好2012年中等职业学校招生工作的意见的通知');
    expect(d.issuers).toEqual(['某省人民政府办公厅']);
  });
});

describe('a first sentence printed with spaced commas (`根据…有关规定 , 经…研判 , …决定:`) under the title', () => {
  it('gives no title of its pieces; the heading with its serial in brackets is the title', () => {
    const d = one(`关于调整部分地区风险等级的通告(第6号)
根据国务院联防联控机制有关规定 , 经专家组综合评估研判 , 省联防联控领导小组办公室决定:
自即日起 , 某某镇某村调整为中风险区。
请广大居民朋友树牢风险防范意识 , 强化个人防护。
某省新冠肺炎疫情联防联控领导小组办公室
2022年3月9日`);
    expect(d.title).toBe('关于调整部分地区风险等级的通告');
    expect(d.issuers).toEqual(['某省新冠肺炎疫情联防联控领导小组办公室']);
    expect(d.dateSigned).toBe('2022-03-09');
  });
});

describe("a news site's headline over a lead that names the document in 《》, the document's head printed below the lead", () => {
  it('takes the head, not the headline', () => {
    const d = one(`2021-10-16 21:36:15 | 某某新闻网

某市12个村在列!省级美丽乡村名单公示

近日,某省网站发布了《某省农业农村厅办公室关于拟认定100个候选村为省级美丽乡村的公示》。其中,某市12个村在列。

某省农业农村厅办公室

关于拟认定100个候选村为省级美丽乡村的公示

根据有关通知要求,经各市推荐、专家评审,拟认定100个候选村为省级美丽乡村,现予以公示。

某省农业农村厅办公室

2021年10月13日`);
    expect(d.title).toBe('某省农业农村厅办公室关于拟认定100个候选村为省级美丽乡村的公示');
    expect(d.issuers).toEqual(['某省农业农村厅办公室']);
    expect(d.dateSigned).toBe('2021-10-13');
  });
});

describe("a second organ's numbered 通告 printed straight after the first document's signature", () => {
  it('is a document of its own, issued by the organ its title names', () => {
    const docs = parse(`某州某某疫情防控工作指挥部通告

(第3号)

为统筹做好疫情防控工作,现将有关事项通告如下:

一、外省来州人员到所在社区登记。

二、本通告自公布之日起施行。

某州某某疫情防控工作指挥部

2020年2月10日

某县某某疫情防控工作指挥部通告

第2号

为切实做好火灾防范工作,服务保障全县疫情防控大局,现就有关事项通告如下:

一、定点医疗机构做好消防安全工作。`);
    expect(docs.map((d) => d.title)).toEqual(['某州某某疫情防控工作指挥部通告', '某县某某疫情防控工作指挥部通告']);
    expect(docs[0].issuers).toEqual(['某州某某疫情防控工作指挥部']);
    expect(docs[0].dateSigned).toBe('2020-02-10');
    expect(docs[1].issuers).toEqual(['某县某某疫情防控工作指挥部']);
    expect(docs[1].dateSigned).toBeNull();
  });
});

describe("a page's heading that ends in no kind word, over the page's posting line", () => {
  it('is the title (a stray `?` before it dropped)', () => {
    const d = one(`?某县延长集中供热时间至4月10日
发布时间:2022-03-30
按照城市供热管理规定,我县供暖截止日期为每年3月31日。因气温偏低,经县政府研究决定,延长供暖时间至4月10日。
某县人民政府
2022年3月30日`);
    expect(d.title).toBe('某县延长集中供热时间至4月10日');
    expect(d.issuers).toEqual(['某县人民政府']);
    expect(d.dateSigned).toBe('2022-03-30');
  });
});
