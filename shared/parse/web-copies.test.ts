import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/**
 * Other ways a web copy prints a page the parser reads (the `signature-line`, `number-heading` and `posting-line` copies of
 * the development set): the signature's organ and date on one line, a portal heading with the 文号 or the 令's number before
 * the title. Names made up.
 */

describe('a signature whose organ and date a web copy runs onto one line', () => {
  it('keeps the joint issuers printed above it, one per line', () => {
    const d = onePage(`中共江川县委办公室 江川县人民政府办公室
关于印发《江川县乡村振兴责任制实施细则》的通知
各乡镇党委、人民政府:
  现将《江川县乡村振兴责任制实施细则》印发给你们,请结合实际认真贯彻落实。
中共江川县委办公室
江川县人民政府办公室　2023年3月8日`);
    expect(d.issuers).toEqual(['中共江川县委办公室', '江川县人民政府办公室']);
    expect(d.dateSigned).toBe('2023-03-08');
  });

  it('joins an organ name broken over two lines before the date', () => {
    const d = onePage(`通　告
  为切实做好疫情防控工作,保障人民群众生命安全和身体健康,现将有关事项通告如下:
  一、进入公共场所须佩戴口罩。
江川县新冠肺炎疫情防控
工作领导小组办公室　2020年2月1日`);
    expect(d.issuers).toEqual(['江川县新冠肺炎疫情防控工作领导小组办公室']);
    expect(d.dateSigned).toBe('2020-02-01');
  });

  it('titles an untitled copy by the attachment printed under that signature line', () => {
    const docs = parsePage(`各乡镇人民政府,县级相关部门:
  现将《江川县高标准农田建设项目管理实施办法》印发给你们,请遵照执行。
江川县人民政府办公室　2021年11月23日
江川县高标准农田建设项目管理实施办法
第一章 总则
第一条 为加强全县高标准农田建设项目管理,规范建设行为,确保建设质量,制定本办法。`);
    expect(docs.map((d) => d.title)).toEqual(['江川县高标准农田建设项目管理实施办法']);
    expect(docs[0].dateSigned).toBe('2021-11-23');
  });
});

describe('a portal heading with a number before the title', () => {
  it('does not let a heading printed twice without its issuer win over the head that names it', () => {
    const d = onePage(`江政规〔2025〕7号 关于划定秸秆禁烧区的通告
江政规〔2025〕7号关于划定秸秆禁烧区的通告
江川县人民政府关于划定秸秆禁烧区的通告
  为进一步改善环境空气质量,保障人民群众身体健康,结合本县实际,决定划定秸秆禁烧区,特通告如下:
  一、禁止露天焚烧秸秆。
江川县人民政府
2025年11月11日`);
    expect(d.title).toBe('江川县人民政府关于划定秸秆禁烧区的通告');
    expect(d.docNumber?.normalized).toBe('江政规〔2025〕7号');
  });

  it('still reads the date from the 规章\'s history line under a heading that printed its 令 number', () => {
    const d = onePage(`云岭省人民政府令第18号 云岭省外商投资企业用地管理办法
云岭省外商投资企业用地管理办法
(1992年7月25日省人民政府第一三七次常务会议通过, 1992年10月22日省人民政府令第18号发布)
  第一条 为加强本省外商投资企业的用地管理,鼓励外商投资,保护外商投资企业的合法权益,根据有关规定,结合本省实际情况,制定本办法。
  第二条 本办法所称外商投资企业,是指中外合资经营企业。`);
    expect(d.title).toBe('云岭省外商投资企业用地管理办法');
    expect(d.docNumber?.normalized).toBe('云岭省人民政府令第18号');
    expect(d.dateSigned).toBe('1992-10-22');
  });
});

describe('a news site\'s column tag before the title', () => {
  it.each([
    ['a 办法', '【政策文件】江川县城市绿化管理办法', '江川县城市绿化管理办法'],
    ['a kind word alone', '【通知公告】通告', '通告'],
    ['a title with a year', '【政务公开】源城区2016年度地质灾害防治方案', '源城区2016年度地质灾害防治方案'],
  ])('%s: the tag is no part of it', (_kind, heading, title) => {
    const d = onePage(`${heading}
  为加强管理,保障人民群众生命财产安全,根据有关法律法规,结合本县实际,制定本办法,现予公布施行。
  第一条 本办法自发布之日起施行。
江川县人民政府
2016年3月1日`);
    expect(d.title).toBe(title);
  });
});

describe('a column tag or a column\'s name where a news page prints its heading', () => {
  it('strips the tag from a heading over the salutation', () => {
    const d = onePage(`【政策文件】2022年区政府重点工作安排
区政府各委、办、局,各街道办事处:
  现将《2022年区政府重点工作安排》印发给你们,请认真分解,落实责任,加快推进,确保完成。
江川市江川区人民政府
2022年3月8日`);
    expect(d.title).toBe('2022年区政府重点工作安排');
  });

  it('takes no column named by two kinds (`通知公告`) for the title of an untitled copy', () => {
    const d = onePage(`通知公告
各有关单位:
  为切实做好冬季安全防范工作,保障人民群众生命财产安全,现将有关事项通知如下:
江川县应急管理局
2023年12月1日`);
    expect(d.title).toBe('');
  });
});

describe('a page run onto one line', () => {
  it('ends a breadcrumb at its last item though the item holds brackets', () => {
    const d = onePage(
      '首页 > 政务公开 > 政府文件 > 区政府(办公室)文件 江川区人民政府关于同意南园街道部分社区行政管辖范围优化调整的批复 江府函〔2020〕169号 南园街道办事处: 你单位《关于提请审议社区行政管辖范围优化调整的请示》收悉。经研究,现批复如下:同意调整。 江川区人民政府 2020年12月8日',
    );
    expect(d.title).toBe('江川区人民政府关于同意南园街道部分社区行政管辖范围优化调整的批复');
  });

  it('reads a 文号 with a reply\'s class mark before the title as a piece of its own', () => {
    const d = onePage(
      '政府信息公开 江交函议复字〔2019〕6号(A)类 对县人大第十七届第三次会议第63号建议的答复 张三代表: 您在县人大会议上提出的《关于尽快维修长湘公路的建议》已收悉,现答复如下:一、加强养护。 江川县交通运输局 2019年5月5日',
    );
    expect(d.title).toBe('对县人大第十七届第三次会议第63号建议的答复');
    expect(d.docNumber?.normalized).toBe('江交函议复字〔2019〕6号');
  });
});

/**
 * A page flattened onto one line whose site furniture — a clause of its own (`进入移动版,省流量,体验好`), the office's phone
 * numbers — runs, a space apart, before the head: the head starts at the organ or at 关于, the furniture no part of it; an
 * organ printed before the head stays its issuer. Names made up.
 */
describe('site furniture run before a head on a flattened line', () => {
  const body = '各乡镇人民政府,县直各部门: 为切实做好元宵节期间大气污染防治工作,现将有关事项通知如下: 一、全县范围内禁止燃烧木柴。';
  it.each([
    ['进入移动版,省流量,体验好 江川县大气污染防治工作领导小组办公室', '江川县大气污染防治工作领导小组办公室关于全县禁止燃烧木柴的通知'],
    ['(0877)8011234 (0877)8015678(传真) 邮政编码652600 江川县大气污染防治工作领导小组办公室', '江川县大气污染防治工作领导小组办公室关于全县禁止燃烧木柴的通知'],
  ])('%s', (before, title) => {
    const d = onePage(`${before} 关于全县禁止燃烧木柴的 通 知 ${body} 江川县大气污染防治工作领导小组办公室 2019年2月13日`);
    expect(d.title).toBe(title);
    expect(d.issuers).toEqual(['江川县大气污染防治工作领导小组办公室']);
  });

  it('keeps an issuer printed a space before 关于', () => {
    const d = onePage(`江川县人民政府办公室 关于全县禁止燃烧木柴的通知 ${body} 江川县人民政府办公室 2019年2月13日`);
    expect(d.title).toBe('江川县人民政府办公室关于全县禁止燃烧木柴的通知');
  });
});

/**
 * A paste that puts an empty line after every line doubles every gap on the page: a 文号 two empty lines above the head on
 * a law site's page stands five below it then, and is still the head's own number. Names made up.
 */
describe('a page pasted with an empty line after every line', () => {
  const page = `您的位置: 首页 » 法律资料网 » 法律法规 »
关于印发江川县困难家庭住房保障办法实施细则的通知
时间:2024-07-09 21:02:23 来源: 法律资料网
云南省江川县人民政府


江府办[2005]42号



关于印发江川县困难家庭住房保障办法实施细则的通知


各乡镇人民政府,县直各单位:
  《江川县困难家庭住房保障办法实施细则》已经县人民政府同意,现印发给你们,请认真贯彻执行。
江川县人民政府办公室
二〇〇五年六月二十日`;

  it.each([
    ['as printed', page],
    ['with an empty line after every line', page.replace(/\n/g, '\n\n')],
  ])('reads the 文号 %s', (_, text) => {
    const d = onePage(text);
    expect(d.docNumber?.normalized).toBe('江府办〔2005〕42号');
    expect(d.title).toBe('关于印发江川县困难家庭住房保障办法实施细则的通知');
  });
});

/**
 * A news site's repost: its own headline, a dateline, and a lead naming the document in 《》 that announces the text
 * (`全文如下：`) over the page it copied — a portal's table of fields, the head. The lead is no body: the table and the head
 * under it are read as on the page. Names made up.
 */
describe('a news lead announcing the page it reposts', () => {
  it('leaves the table\'s 文号 and the head to be read', () => {
    const d = onePage(`重磅！最新通知来了，事关你我
2021-09-28 09:30　来源：某某日报
　　近日，江川县人民政府办公室发布《江川县人民政府办公室关于印发《江川县过渡期统筹整合使用财政涉农资金管理办法》的通知》，全文如下：
江川县人民政府办公室关于印发《江川县过渡期统筹整合使用财政涉农资金管理办法》的通知
索引号 | xzfgzbmzfb/2021-3740 | 公开目录: | 县政府办文件 |
文号 | 江政办发〔2021〕88号 | 成文日期: | 2021年09月28日 |
有效性 | 有效 | 公开日期: | 2021-09-30 01:40 |
政策解读: |
|
为贯彻落实有关文件精神,经县政府常务会议审定同意,现将《江川县过渡期统筹整合使用财政涉农资金管理办法》印发给你们,请遵照执行。
江川县人民政府办公室
2021年9月28日
江川县过渡期统筹整合使用财政涉农
资金管理办法
第一条 为规范涉农资金管理,制定本办法。`);
    expect(d.title).toBe('江川县人民政府办公室关于印发《江川县过渡期统筹整合使用财政涉农资金管理办法》的通知');
    expect(d.docNumber?.normalized).toBe('江政办发〔2021〕88号');
  });
});

describe('a title set alone in 【】', () => {
  it('is the title, no gazette section label, however short', () => {
    const d = onePage(`【江川市暂住人口治安管理办法】
江川市人民政府
颁布日期:1999.02.13
实施日期:1999.03.01
《江川市暂住人口治安管理办法》已经市人民政府第11次常务会议审议通过,现予发布,自1999年3月1日起施行。
第一条 为加强暂住人口管理,保障暂住人口的合法权益,制定本办法。`);
    expect(d.title).toBe('江川市暂住人口治安管理办法');
  });
});
