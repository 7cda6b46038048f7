import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Pages run onto one line by a copy (a scraper, a mirror, a forum repost; `score:parse -- --copy flatten`): nothing but a
 * space stands between a portal's heading, the title and the text. Names made up.
 */

describe('a page flattened onto one line: what ends before the title', () => {
  it('ends a portal breadcrumb at its last item, so the title after it is a line of its own', () => {
    const d = one(
      '当前位置:某某县人民政府 > 政务公开 > 文章详情 某某县人民政府办公室关于成立某某县政务公开工作领导小组的通知 发布时间:2018-09-04 00:00 来源:某某县政府 各乡镇人民政府,县人民政府有关部门: 为全面推进我县政务公开工作,县政府决定成立领导小组。现将有关事项通知如下: 一、主要职责 (一)研究制定落实措施。 某某县人民政府办公室 2018年9月3日',
    );
    expect(d.title).toBe('某某县人民政府办公室关于成立某某县政务公开工作领导小组的通知');
    expect(d.issuers).toEqual(['某某县人民政府办公室']);
  });

  it('reads a breadcrumb whose last item is two words the same way', () => {
    const d = one(
      '您所在的位置:首页 > 公示公告 公示公告 重要通知 某某市人民政府关于调整某某湿地保护区范围的批复 发布时间:2023.10.13 某某区人民政府: 你区《关于调整某某湿地保护区范围的请示》收悉。经研究,现批复如下: 一、同意调整某某湿地保护区范围。 二、请做好相关工作。 某某市人民政府 2023年10月10日',
    );
    expect(d.title).toBe('某某市人民政府关于调整某某湿地保护区范围的批复');
  });

  it("ends a portal's field about the page (作者, 来源, 发布时间) where its value ends, before and after a title", () => {
    const d = one(
      '更新时间:2023-01-07 21:58:03作者:某某百科 某某市人民政府关于公布继续实行烟花爆竹禁止燃放区域的通告 为持续改善城市空气质量,保障公共安全,根据《某某市燃放烟花爆竹管理条例》规定,现将禁止燃放的区域通告如下: 一、禁止燃放区域为某某路以北。 二、禁止燃放区范围内禁止销售烟花爆竹。 某某市人民政府 2023年1月6日',
    );
    expect(d.title).toBe('某某市人民政府关于公布继续实行烟花爆竹禁止燃放区域的通告');
    const e = one(
      '您当前的位置:首页 > 政务公开 > 议案提案 关于提请审议某某开发区调整区划增设安庆、富民街道办事处的议案 发布时间:2019-01-09 14:21来源: 区政协常委会: 近日,某某开发区致函,请求调整区划。现提请审议。 某某区人民政府 2019年1月8日',
    );
    expect(e.title).toBe('关于提请审议某某开发区调整区划增设安庆、富民街道办事处的议案');
  });
});

describe('a short page flattened onto its only line', () => {
  it('takes the title before the first sentence of an undated notice without 文号', () => {
    const d = one(
      '某某县人民政府森林防火禁火令 近期,天气干燥,森林火险等级高,极易引发森林火灾。为有效预防森林火灾发生,县政府决定在全县范围内禁止一切野外用火。 违令者依法追究责任。',
    );
    expect(d.title).toBe('某某县人民政府森林防火禁火令');
    expect(d.issuers).toEqual(['某某县人民政府']);
  });

  it('takes a 关于 title before the text of a notice without addressee', () => {
    const d = one(
      '关于某某市重点公路项目施工路段禁行的通告 根据公路建设需要,经市政府批准,对以下道路进行封闭施工: 1.某某路中修工程; 2.某某路中修工程;为保证交通安全,上述道路在封闭施工期间禁止通行。 特此通告。',
    );
    expect(d.title).toBe('关于某某市重点公路项目施工路段禁行的通告');
  });

  it('leaves a short line of words apart by spaces in a page of many lines as it is', () => {
    const d = one('某某县人民政府关于做好秸秆禁烧工作的通知\n各乡镇人民政府:\n请按 要求做好秸秆禁烧工作,确保不发生焚烧现象。\n某某县人民政府\n2023年5月6日');
    expect(d.title).toBe('某某县人民政府关于做好秸秆禁烧工作的通知');
    expect(d.dateSigned).toBe('2023-05-06');
  });
});

describe('a 令 flattened onto one line', () => {
  const PREAMBLE =
    '《某某市行政许可听证程序规定》已经2004年6月29日市政府第十八次常务会议通过,现予发布,自2004年7月1日起施行。 市长 某某某 二○○四年六月二十九日 某某市行政许可听证程序规定 第一条 为规范行政许可听证程序,制定本规定。 第二条 本规定自2004年7月1日起施行。';

  it('reads its number between spaces, after the title printed again in 《》', () => {
    const d = one(`《某某市行政许可听证程序规定》 某某市人民政府令第28号 ${PREAMBLE}`);
    expect(d.title).toBe('某某市行政许可听证程序规定');
    expect(d.docNumber?.normalized).toBe('某某市人民政府令第28号');
  });

  it('reads its number in brackets or spaced out (`某某市人民政府令(第28号)`, `某府令第 28 号`)', () => {
    expect(one(`某某市行政许可听证程序规定 某某市人民政府令(第28号) ${PREAMBLE}`).docNumber?.normalized).toBe('某某市人民政府令第28号');
    expect(one(`某某市行政许可听证程序规定 某某市人民政府 某府令第 28 号 ${PREAMBLE}`).docNumber?.normalized).toBe('某某市人民政府令第28号');
  });
});

describe('several organs heading a joint title, run onto one line', () => {
  const TEXT = '各有关单位: 为做好相关工作,现将有关事项通知如下: 一、加强组织领导。 二、抓好贯彻落实。';

  it('keeps ministries with no place in their names together (`财政部 科技部 教育部 发展改革委关于…`)', () => {
    const d = one(`当前位置:首页 > 政策文件 财政部 科技部 教育部 发展改革委关于进一步做好科研项目资金管理工作的通知 财教〔2017〕6号 ${TEXT} 财政部 科技部 教育部 发展改革委 2017年3月1日`);
    expect(d.title.replace(/\s/g, '')).toBe('财政部科技部教育部发展改革委关于进一步做好科研项目资金管理工作的通知');
    expect(d.issuers).toEqual(['财政部', '科技部', '教育部', '发展改革委']);
  });

  it('keeps organs named by an abbreviated place together (`市教委 市民政局 市财政局关于…`)', () => {
    const d = one(`市教委 市民政局 市财政局关于印发某某专项治理行动方案的通知 某教委〔2018〕9号 ${TEXT} 市教委 市民政局 市财政局 2018年5月2日`);
    expect(d.title.replace(/\s/g, '')).toBe('市教委市民政局市财政局关于印发某某专项治理行动方案的通知');
  });

  it("leaves a site's organ apart from another place's title", () => {
    const d = one(`甲县人民政府 乙市教育局关于做好校园周边综合治理工作的通知 乙教〔2020〕7号 ${TEXT} 乙市教育局 2020年4月1日`);
    expect(d.title).toBe('乙市教育局关于做好校园周边综合治理工作的通知');
  });
});

describe('a numbered heading run into the list under it', () => {
  it('ends `一、废止3件部门规章` before the first abolished item, so every item is read', () => {
    const d = one(
      '某某部关于废止和修改部分部门规章的决定 为落实改革工作部署,某某部对部门规章进行了清理。经审议,决定: 一、废止3件部门规章 废止《某某科技工作管理办法》(某某部令第1号,1990年3月28日发布)。 废止《某某成果鉴定办法》(某某部令第2号,1990年7月3日发布)。 废止《某某内部审计工作规定》(某某部令第3号,1990年8月25日发布)。 二、修改1件部门规章 修改《某某考级管理办法》(某某部令第31号,2004年7月1日发布) 将第四条修改为“某某部负责考级的管理工作”。 本决定自公布之日起施行。',
    );
    expect(d.abolishes.map((a) => a.title)).toEqual(['某某科技工作管理办法', '某某成果鉴定办法', '某某内部审计工作规定']);
  });
});

describe("a portal's field list run onto one line", () => {
  it('reads each field apart at its label (发文字号:, 标题:), the cells between bars', () => {
    const d = one(
      '字体大小:【大】 【中】 【小】 索引号:01236931-5/2015-00029 | | 发文字号:某政办发〔2015〕92号 | 发文时间:2015-12-31 | 发文机关:某某市人民政府办公厅 | 主题词:火灾应急预案 | 标题:某某市人民政府办公厅关于印发某某市火灾应急预案的通知 | 某某市人民政府办公厅关于印发某某市火灾应急预案的通知 各乡镇人民政府,市直各有关单位: 现将《某某市火灾应急预案》印发给你们,请认真贯彻执行。 某某市人民政府办公厅 2015年12月31日',
    );
    expect(d.title).toBe('某某市人民政府办公厅关于印发某某市火灾应急预案的通知');
    expect(d.docNumber?.normalized).toBe('某政办发〔2015〕92号');
  });
});
