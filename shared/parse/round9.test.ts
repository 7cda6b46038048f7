import { describe, expect, it } from 'vitest';
import { findDocNumbers } from '../domain/docnumber';
import { onePage as one, parsePage as parse } from './test-support';

/**
 * Issue 24, round nine: the classes that failed on held-out real texts from places and sites the development set
 * did not have (test/fixtures/real-holdout h9-01–h9-27, since development texts 320–346), each written out as a
 * page of its kind prints it (names made up).
 */

describe("a portal's metadata row run onto one line, its 文号 label spaced to align the table", () => {
  const page = (label: string) => `首页 >> 公开信息内容

某某县人民政府关于调整某某县畜禽养殖禁养区的决定

索引号:11532328015177503N-/2024-0605015 公文目录:规范性文件 发文日期:2024年06月05日 主题词: ${label}:某政规〔2024〕1号 成文日期:2024年06月05日 发布机构:某某县政府办

某政2024〕1

各乡镇人民政府、县级有关部门:

为加强生态环境保护,促进畜禽养殖合理布局,对某某县畜禽养殖禁养区进行部分调整。

本决定自公布之日起执行。

某某县人民政府

2024年6月5日`;

  for (const label of ['文  号', '文 号', '文\u3000号', '文号']) {
    it(`gives the document its own number when the head's is broken, and never cites it (${JSON.stringify(label)})`, () => {
      const d = one(page(label));
      expect(d.title).toBe('某某县人民政府关于调整某某县畜禽养殖禁养区的决定');
      expect(d.docNumber?.normalized).toBe('某政规〔2024〕1号');
      expect(d.cites).toEqual([]);
      expect(d.dateSigned).toBe('2024-06-05');
    });
  }

  it('reads a spaced 发布机构 label in such a row as the issuer field, not as words of the body', () => {
    const d = one(`索引号:0001/2024-01 发文日期:2024年06月05日 发 布 机 构:某某县人民政府 文  号:某政规〔2024〕2号 主题词:

各乡镇人民政府、县级有关部门:

为加强生态环境保护,促进畜禽养殖合理布局,对某某县畜禽养殖禁养区进行部分调整,现将有关事项决定如下。`);
    expect(d.docNumber?.normalized).toBe('某政规〔2024〕2号');
    expect(d.issuers).toEqual(['某某县人民政府']);
    expect(d.body?.join('')).not.toContain('机构');
  });
});

describe("a county's 命令 numbered as a government order with a bracketed year", () => {
  const page = `好消息!某某非洲猪瘟疫区正式解除封锁!

据某某县人民政府门户网消息,某某县人民政府发布《某某县人民政府关于封锁非洲猪瘟疫区的命令》,全文如下:

疫区封锁令

某某县人民政府关于封锁非洲猪瘟疫区的命令

某某县人民政府令〔2019〕第1号

2019年7月5日,经自治区动物疫病预防控制中心确诊,我县某某镇某某猪场发生非洲猪瘟疫情,为迅速扑灭疫情,根据《中华人民共和国动物防疫法》第三十一条,特发布本封锁令:

一、从即日起对疫区实行封锁。`;

  it('keys its number as an order number (series and serial), the year kept as its year', () => {
    const d = one(page);
    expect(d.title).toBe('某某县人民政府关于封锁非洲猪瘟疫区的命令');
    expect(d.docNumber?.normalized).toBe('某某县人民政府令第1号');
    expect(d.docNumber?.year).toBe(2019);
    expect(d.cites).toEqual([]);
  });

  it('and such an order named in another document is no 文号 citation', () => {
    const d = one(`某某县人民政府关于解除非洲猪瘟疫区封锁的命令

某某县人民政府令〔2019〕第2号

根据《某某县人民政府关于封锁非洲猪瘟疫区的命令》(某某县人民政府令〔2019〕第1号)和某农发〔2019〕12号文件,经验收合格,决定解除封锁。`);
    expect(d.docNumber?.normalized).toBe('某某县人民政府令第2号');
    expect(d.cites).toEqual(['某农发〔2019〕12号']);
  });

  it('leaves a 文号 whose agency code ends in 政令 a 文号', () => {
    const d = one(`某某市人民政府关于某某事项的通知

某政令〔1997〕29号

各区、县(市)人民政府,市政府各部门:

现将有关事项通知如下。`);
    expect(d.docNumber?.normalized).toBe('某政令〔1997〕29号');
  });
});

describe("a department's letterhead over its 文号 and a title without issuer", () => {
  const page = `关于启动县城区出租车燃油价格与运价联动机制的通知
某某彝族自治县发展改革和经济贸易局文件
某发改经价〔2014〕3号
关于启动县城区出租车燃油价格与
运价联动机制的通知
某某出租汽车有限公司、某某出租汽车有限责任公司:
根据国家发展和改革委员会《关于提高成品油价格的通知》(发改电〔2011〕113号文件和某某彝族自治县发展改革和经济贸易局《关于调整某某县城区出租车营运价格的通知》(某发改经价〔2009〕33号)文件规定,现将有关事项通知如下:
一、县城区出租车营运价格严格遵照某发改经价〔2009〕33号文件规定执行。
某某彝族自治县发展改革和经济贸易局`;

  it('takes the letterhead as the issuer', () => {
    const d = one(page);
    expect(d.title).toBe('关于启动县城区出租车燃油价格与运价联动机制的通知');
    expect(d.docNumber?.normalized).toBe('某发改经价〔2014〕3号');
    expect(d.issuers).toEqual(['某某彝族自治县发展改革和经济贸易局']);
  });

  it('cites a number whose agency code holds 经 (`发改经价`) whole', () => {
    expect(one(page).cites).toEqual(['发改电〔2011〕113号', '某发改经价〔2009〕33号']);
  });

  it('still reads 经 before a number as the verb (`经某政函〔2019〕5号批复同意`)', () => {
    const d = one(`某某县人民政府关于某某项目的通知

某政发〔2020〕3号

各乡镇人民政府:

该项目已经某政函〔2019〕5号批复同意,并经某发改经价〔2019〕7号核定价格,现将有关事项通知如下。`);
    expect(d.cites).toEqual(['某政函〔2019〕5号', '某发改经价〔2019〕7号']);
  });
});

describe('an agency code that holds a title word (`发改规划`)', () => {
  it('is cited whole, while a title line run into a 文号 below it is still cut off', () => {
    expect(findDocNumbers('《关于开展试验区工作的通知》(发改规划〔2019〕1947号)').map((d) => d.normalized)).toEqual(['发改规划〔2019〕1947号']);
    expect(findDocNumbers('某某县义务教育实施方案\n高政办字〔2021〕35号').map((d) => d.normalized)).toEqual(['高政办字〔2021〕35号']);
  });
});

describe('a head of issuer and title on two lines under a portal table', () => {
  const hant = `索引號 | 11500228733955875Q/2024-00005 | 發文字號 | |
主題分類 | 應急管理 | 體裁分類 | 預案 |
發布機構 | 某某區某某鎮政府 | 有效性 | |
標題 | 重慶市某某區某某鎮人民政府自然災害救助應急預案 | ||
成文日期 | 2024-03-05 | 發布日期 | 2024-03-05 |
重慶市某某區某某鎮人民政府
自然災害救助應急預案
一、總則
(一)編制目的
為健全完善自然災害應急救助體系和運行機制,規范應急救助行為,提高應急救助能力,最大限度地減少人民群眾生命和財產損失,確保受災人員基本生活。`;

  it('joins the issuer line to the title and takes it as the issuer (traditional characters)', () => {
    const d = one(hant);
    expect(d.title).toBe('重慶市某某區某某鎮人民政府自然災害救助應急預案');
    expect(d.issuers).toEqual(['重慶市某某區某某鎮人民政府']);
    expect(d.dateSigned).toBe('2024-03-05');
  });

  it('joins them on a page printed in simplified characters too, without the table', () => {
    const d = one(`当前位置:首页 > 应急管理
某某市某某区某某镇人民政府
自然灾害救助应急预案
一、总则
(一)编制目的
为健全完善自然灾害应急救助体系和运行机制,规范应急救助行为,提高应急救助能力,最大限度地减少人民群众生命和财产损失。`);
    expect(d.title).toBe('某某市某某区某某镇人民政府自然灾害救助应急预案');
    expect(d.issuers).toEqual(['某某市某某区某某镇人民政府']);
  });
});

describe('a law site printing the title, its issuer field, then the title again', () => {
  it('keeps the issuer out of the title', () => {
    const d = one(`园林绿化管理办法
某某市人民政府
园林绿化管理办法
第一条 为了促进城市绿化事业的发展,改善生态环境,根据有关法律法规,结合本市实际,制定本办法。`);
    expect(d.title).toBe('园林绿化管理办法');
    expect(d.issuers).toEqual(['某某市人民政府']);
  });
});

describe('a title naming its issuer short (`市政府`) under a portal table naming it in full', () => {
  const page = (organ: string, field: string) => `首页 > 政府信息公开 > 某州市人民政府

索 引 号:014150827/2019-00324

发布机构:${field}

名    称:${organ}关于某区某街道部分道路桥梁地名的复函

文    号:某府地名函〔2019〕85号

发文日期:2019年9月6日

${organ}关于某区某街道部分道路桥梁地名的复函

某府地名函〔2019〕85号

某区人民政府某街道办事处:

你们上报的《关于申请部分道路桥梁地名命名的函》(某办发〔2019〕80号)收悉。根据地名管理法规的相关规定,同意命名。

特此函复。`;

  it('takes the full name from the 发布机构 field', () => {
    const d = one(page('市政府', '某州市人民政府'));
    expect(d.title).toBe('市政府关于某区某街道部分道路桥梁地名的复函');
    expect(d.issuers).toEqual(['某州市人民政府']);
    expect(d.cites).toEqual(['某办发〔2019〕80号']);
  });

  it('and for its office (`市政府办公室`)', () => {
    expect(one(page('市政府办公室', '某州市人民政府办公室')).issuers).toEqual(['某州市人民政府办公室']);
  });

  it('keeps the short name when the field names another organ', () => {
    expect(one(page('市政府', '某州市自然资源和规划局')).issuers).toEqual(['市政府']);
  });
});

describe("a portal heading printing the title without issuer above the document's issuer-line head", () => {
  const page = `首页
>
新闻资讯
>
正文

关于印发某某区农村集体经营性建设用地入市细则(试行)的通知

关于印发某某区农村集体经营性建设用地入市细则(试行)的通知

某安政 [2020] 12号

某某区人民政府

关于印发某某区农村集体经营性建设用地入市细则(试行)的通知

 

各乡镇人民政府,各街道办事处,区直各单位:

《某某区农村集体经营性建设用地入市细则(试行)》已经区政府研究通过,现印发给你们,请认真贯彻执行。

                            2020年8月19日

某某区农村集体经营性建设用地入市细则(试行)

第一章  总 则

第一条  根据《关于开展国家城乡融合发展试验区工作的通知》(发改规划〔2019〕1947号)等文件精神,结合我区实际,制定本细则。`;

  it('is one document: the head with its issuer, the heading’s 文号, the date and the cite', () => {
    const d = one(page);
    expect(d.title).toBe('某某区人民政府关于印发某某区农村集体经营性建设用地入市细则(试行)的通知');
    expect(d.docNumber?.normalized).toBe('某安政〔2020〕12号');
    expect(d.issuers).toEqual(['某某区人民政府']);
    expect(d.dateSigned).toBe('2020-08-19');
    expect(d.cites).toEqual(['发改规划〔2019〕1947号']);
  });

  it('keeps two documents whose titles differ beyond the issuer', () => {
    const docs = parse(`关于印发某某区农村集体经营性建设用地入市细则(试行)的通知

某安政〔2020〕12号

各乡镇人民政府:

现印发给你们,请认真贯彻执行。

某某区人民政府办公室

关于印发某某区宅基地管理办法的通知

各乡镇人民政府:

现印发给你们,请认真贯彻执行。`);
    expect(docs.map((d) => d.title)).toEqual([
      '关于印发某某区农村集体经营性建设用地入市细则(试行)的通知',
      '某某区人民政府办公室关于印发某某区宅基地管理办法的通知',
    ]);
  });
});

describe("a bracketed date under a 预案's title", () => {
  const page = (date: string) => `当前位置: 首页 > 政务公开 > 应急管理
某某市防汛抗旱应急预案
  • 2017-02-14 12:24
  • 发布机构:某某市应急办
  • 【字体:

某某市防汛抗旱应急预案

${date}

1  总则

1.1  编制目的

做好水旱灾害突发事件防范与处置工作,使水旱灾害处于可控状态,最大程度地减少人员伤亡和财产损失,保障社会经济全面、协调、可持续发展。`;

  for (const date of ['(2015年3月13日)', '（2015年3月13日）', '( 2015年3月13日 )']) {
    it(`is the date the 预案 was issued (${date})`, () => {
      const d = one(page(date));
      expect(d.title).toBe('某某市防汛抗旱应急预案');
      expect(d.dateSigned).toBe('2015-03-13');
      expect(d.issuers).toEqual(['某某市应急办']);
    });
  }

  it('but a bracketed date deep in the body is not', () => {
    const d = one(page('1  说明').replace('保障社会经济', '(2015年3月13日)\n\n保障社会经济'));
    expect(d.dateSigned).toBeNull();
  });
});

describe('a body printed twice around its metadata table', () => {
  const body = `各镇街、各相关单位:
根据国家文物局要求,我区对第三次全国文物普查中已调查登记但尚未认定公布的不可移动文物进行核查,现将某某墓列入某某区不可移动文物名录。现予公布。
列入名录的不可移动文物受国家法律保护,各相关部门在规划建设中应充分考虑文物保护工作重要性,确保文物安全。
某某市某某区文化广电旅游体育局
2024年4月30日`;
  const page = `${body}
索引号: | 11440114MB2D283407/2024-00044 | 分类: | |
发布机构: | 某某市某某区文化广电旅游体育局 | 成文日期: | 2024-04-30 |
名称: | 关于公布某某区不可移动文物补充名录的通知 | ||
文号: | 发布日期: | 2024-04-30 | |
主题词: |
${body}
主办单位:某某市某某区文化广电旅游体育局 联系方式:020-36990698`;

  it('is one document titled from the table, its body once', () => {
    const d = one(page);
    expect(d.title).toBe('关于公布某某区不可移动文物补充名录的通知');
    expect(d.issuers).toEqual(['某某市某某区文化广电旅游体育局']);
    expect(d.dateSigned).toBe('2024-04-30');
    expect(d.docNumber).toBeNull();
    expect((d.body ?? []).filter((p) => p.startsWith('各镇街'))).toHaveLength(1);
    expect((d.body ?? []).join('')).not.toContain('索引号');
  });

  it('a body without such a table after it keeps its lines that name fields', () => {
    const d = one(`${body}
名称:某某墓
地址:某某镇某某村`);
    expect(d.title).toBe('');
    expect((d.body ?? []).join('')).toContain('名称:某某墓');
  });
});
