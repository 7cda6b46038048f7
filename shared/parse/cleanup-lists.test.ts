import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24: cleanup results whose lists are printed (development texts 185–191, scored on arrival). Each class
 * that failed is written out as a page of its kind prints it (names made up).
 */

describe('a page heading that runs the 令 number and the title together', () => {
  // (188, 189: a law site's heading `…部令第57号 …部关于…的决定` above the 令 and the decision)
  const PAGE = `中华人民共和国某某部令第57号 某某部关于废止和修改部分部门规章的决定

来源:某站 时间:2017-12-15

某某部关于废止和修改部分部门规章的决定

中华人民共和国某某部令第57号       2017-12-15

  《某某部关于废止和修改部分部门规章的决定》已经2017年11月24日某某部部务会议审议通过,现予发布。

部长某某某

2017年12月15日

某某部关于废止和修改部分部门规章的决定

  某某部对部门规章进行了全面清理。经清理,某某部决定:`;

  it('takes the title without the number, and the number as the document\'s own', () => {
    const d = one(PAGE);
    expect(d.title).toBe('某某部关于废止和修改部分部门规章的决定');
    expect(d.docNumber?.normalized).toBe('中华人民共和国某某部令第57号');
    expect(d.issuers).toEqual(['某某部']);
    expect(d.dateSigned).toBe('2017-12-15');
  });
});

describe('a title that names its issuer by the short name of the organ the 令 names in full', () => {
  // (189: `科技部关于废止部分规章的决定` under `科学技术部令第23号` and the site's `科学技术部`)
  it('gives the organ\'s full name', () => {
    const d = one(`某某技术部令第23号 某技部关于废止部分规章的决定
某某技术部
某某技术部令第23号 某技部关于废止部分规章的决定
《某技部关于废止部分规章的决定》已经2025年7月21日某某技术部部务会议审议通过,现予公布,自公布之日起施行。
部 长 某某某
2025年7月30日
某技部关于废止部分规章的决定
某技部全面清理现行有效规章,决定废止2部规章。
1. 某某基因工程安全管理办法(1993年12月24日某某委员会令第17号公布)
2. 某某计划管理暂行规定(2001年1月20日某某技术部令第4号公布)
本决定自公布之日起施行。`);
    expect(d.title).toBe('某技部关于废止部分规章的决定');
    expect(d.issuers).toEqual(['某某技术部']);
    expect(d.docNumber?.normalized).toBe('某某技术部令第23号');
    expect(d.cleanup?.counts).toEqual({ 废止: 2 });
    expect(d.abolishes).toEqual([
      { title: '某某基因工程安全管理办法', docNumber: '某某委员会令第17号' },
      { title: '某某计划管理暂行规定', docNumber: '某某技术部令第4号' },
    ]);
  });
});

describe("a document-sharing site's heading with the year before the issuer", () => {
  // (187: `2018年某某部关于…的决定` over the decision's own title, printed in a flattened run)
  const PAGE = `购物车
我的足迹

2018年某某部关于修改和废止部分规章、规范性文件的决定

加入Vip免费下载 立即下载
某某部关于修改和废止 部分规章、规范性 文件的决定 为了依法保障改革措 施落实,某某部对规章和规范性文件进行了全面清理。经 过清理,某某部决定: 一、对18部规章和4部规范性文件的部分条款予以修改 。(附件1) 二、对3部规章和36部规范性文件予以废止。(附件 2) 本决定自公布之日起施行。`;

  it('drops the year: the title and its issuer are the decision\'s', () => {
    const d = one(PAGE);
    expect(d.title).toBe('某某部关于修改和废止部分规章、规范性文件的决定');
    expect(d.issuers).toEqual(['某某部']);
  });

  it('counts documents of two kinds under one decision together (18部规章和4部规范性文件)', () => {
    expect(one(PAGE).cleanup?.counts).toEqual({ 修改: 22, 废止: 39 });
  });

  it('keeps a year that is part of a title', () => {
    expect(one(`2018年全县安全生产工作要点
各乡镇人民政府:
现将要点印发给你们。`).title).toBe('2018年全县安全生产工作要点');
  });
});

describe('a count that two decisions share', () => {
  it('is not given to either (5件规章及规范性文件作如下修改和废止)', () => {
    const d = one(`某某省人民政府关于修改和废止5件规章及规范性文件的决定
经过清理,省人民政府决定对5件规章及规范性文件作如下修改和废止:
(一)省政府令第33号发布的《某某省流动就业管理规定》予以废止。
某某省人民政府
2005年7月3日`);
    expect(d.cleanup?.counts).toEqual({});
    expect(d.cleanup?.items).toEqual([{ decision: '废止', title: '某某省流动就业管理规定', docNumber: '某某省人民政府令第33号' }]);
  });

  it('nor when the decisions stand before it (关于修改和废止5件…的决定, printed again as a heading)', () => {
    const d = one(`某某省人民政府关于修改和废止5件规章及规范性文件的决定
某某省人民政府
某某省人民政府令第133号
《某某省人民政府关于修改和废止5件规章及规范性文件的决定》已经2005年7月2日省人民政府常务会议通过,现予公布,自2005年8月1日起施行。
省长 某某某
二○○五年七月三日
某某省人民政府关于修改和废止5件规章及规范性文件的决定
经过清理,省人民政府决定作如下修改和废止:
(一)省政府令第33号发布的《某某省流动就业管理规定》予以废止。
某某省人民政府
2005年7月3日`);
    expect(d.cleanup?.counts).toEqual({});
  });
});

describe('items named in sentences: the decision word, the title, then its number and date in brackets', () => {
  // (188: `废止《某办法》(某部令第1号,1990年3月28日发布)。` one per line under `一、废止3件部门规章`)
  const PAGE = `某某部关于废止和修改部分部门规章的决定
某某部对部门规章进行了全面清理。经清理,某某部决定:
一、废止2件部门规章
废止《某某科技工作管理办法》(某某部令第1号,1990年3月28日发布)。
废止《某某成果鉴定办法》(某某部令第2号,1990年7月3日发布)。
二、修改1件部门规章
修改《某某考级管理办法》(某某部令第31号,2004年7月1日发布)
将第四条修改为“某某部负责全国考级的监督管理工作。”
某某部
2017年12月15日`;

  it('lists each under its heading, abolishes the 废止 ones and amends the 修改 one', () => {
    const d = one(PAGE);
    expect(d.cleanup?.counts).toEqual({ 废止: 2, 修改: 1 });
    expect(d.cleanup?.items).toEqual([
      { decision: '废止', title: '某某科技工作管理办法', docNumber: '某某部令第1号' },
      { decision: '废止', title: '某某成果鉴定办法', docNumber: '某某部令第2号' },
      { decision: '修改', title: '某某考级管理办法', docNumber: '某某部令第31号' },
    ]);
    expect(d.abolishes).toEqual([
      { title: '某某科技工作管理办法', docNumber: '某某部令第1号' },
      { title: '某某成果鉴定办法', docNumber: '某某部令第2号' },
    ]);
    expect(d.amends).toEqual([{ title: '某某考级管理办法', docNumber: '某某部令第31号' }]);
  });
});

describe('items that name the number a document was published by before its title', () => {
  // (185: `（一）某政发〔1992〕255号文件发布的《某办法》第六条…修改为` / `（三）省政府令第33号发布的《某规定》予以废止`)
  const PAGE = `某某省人民政府令第133号
《某某省人民政府关于修改和废止5件规章及规范性文件的决定》已经2005年7月2日省人民政府常务会议通过,现予公布,自2005年8月1日起施行。
省长 某某某
二○○五年七月三日
某某省人民政府关于修改和废止5件规章及规范性文件的决定
省人民政府对现行有效的规章及规范性文件进行了全面核查。根据核查结果,省人民政府决定对5件规章及规范性文件作如下修改和废止:
一、规章
(一)某政发〔1992〕255号文件发布的《某某省实施〈学校卫生工作条例〉办法》第六条第二款修改为:“竣工验收应当有卫生部门参加。”第三十四条删除。
(二)省政府令第117号发布的《某某省种畜禽管理办法》第九条第一款修改为:“报省畜牧主管部门备案。”
(三)省政府令第33号发布的《某某省流动就业管理规定》予以废止。
二、规范性文件
(一)某政办发〔2000〕235号文件发布的《某某省旧机动车流通管理实施细则》第七条、第十六条中有关审批的规定删除。`;

  it('reads each item with the decision its own words give, the number with its issuer', () => {
    const d = one(PAGE);
    expect(d.docNumber?.normalized).toBe('某某省人民政府令第133号');
    expect(d.cleanup?.items).toEqual([
      { decision: '修改', title: '某某省实施〈学校卫生工作条例〉办法', docNumber: '某政发〔1992〕255号' },
      { decision: '修改', title: '某某省种畜禽管理办法', docNumber: '某某省人民政府令第117号' },
      { decision: '废止', title: '某某省流动就业管理规定', docNumber: '某某省人民政府令第33号' },
      { decision: '修改', title: '某某省旧机动车流通管理实施细则', docNumber: '某政办发〔2000〕235号' },
    ]);
    expect(d.abolishes).toEqual([{ title: '某某省流动就业管理规定', docNumber: '某某省人民政府令第33号' }]);
    expect(d.amends.map((a) => a.docNumber)).toEqual(['某政发〔1992〕255号', '某某省人民政府令第117号', '某政办发〔2000〕235号']);
  });

  it('cites none of the listed numbers (a list mark `（一）` before a 文号 is not part of its agency)', () => {
    expect(one(PAGE).cites).toEqual([]);
  });
});

describe('items whose history in brackets is dated, numbered per year, or has no number', () => {
  // (190: `（一）《某规定》(1989年省政府令第4号,1998年省政府令第11号修正)`; a page that starts at the body)
  it('takes the number the item was published by, not the ones that amended it', () => {
    const d = one(`为做好衔接工作,省政府对省政府规章进行了深入清理。经过清理,现决定:
一、废止4部省政府规章
(一)《某某省乡镇渡口安全管理办法》(1989年省政府令第4号,1998年省政府令第11号修正)。
(二)《某某省犬类管理规定》(1987年10月13日公布,2006年省政府令第11号修正)。
(三)《某某省体育竞赛管理规定》(2000年省政府令第6号,2012年省政府令第1号修正)。
(四)《某某省相对集中处罚权规定》(2010年省政府令第4号)
二、对2部省政府规章的部分条款予以修改
(一)将《某某省植物检疫实施办法》第十五条修改为:“应向省植物检疫机构提出申请。”`);
    expect(d.cleanup?.counts).toEqual({ 废止: 4, 修改: 2 });
    // (orders numbered per year: 1989 and 2010 each have a 第4号, two documents)
    expect(d.cleanup?.items).toEqual([
      { decision: '废止', title: '某某省乡镇渡口安全管理办法', docNumber: '省政府令第4号' },
      { decision: '废止', title: '某某省犬类管理规定', docNumber: null },
      { decision: '废止', title: '某某省体育竞赛管理规定', docNumber: '省政府令第6号' },
      { decision: '废止', title: '某某省相对集中处罚权规定', docNumber: '省政府令第4号' },
      { decision: '修改', title: '某某省植物检疫实施办法', docNumber: null },
    ]);
    expect(d.abolishes.map((a) => a.title)).toEqual(['某某省乡镇渡口安全管理办法', '某某省犬类管理规定', '某某省体育竞赛管理规定', '某某省相对集中处罚权规定']);
  });

  // (191: `（一）《某办法》(2001年3月19日省人民政府公布)` under `一、废止下列省人民政府规章`, no count printed)
  it('reads an item published without a number, in a decision that says it comes from a cleanup', () => {
    const d = one(`某某省人民政府令

第289号

《某某省人民政府关于废止和修改部分省人民政府规章的决定》已经2018年6月10日省人民政府常务会议通过,现予公布,自公布之日起施行。

省 长  某某某

2018年7月10日

某某省人民政府关于废止和修改部分省人民政府规章的决定

省人民政府对省本级现行有效规章进行了清理。经过清理,现决定:

一、废止下列省人民政府规章

(一)《某某省著名商标认定与保护办法》(2001年3月19日省人民政府公布)

(二)《某某省水上交通安全管理办法》(1995年12月30日省人民政府公布)

二、对下列省人民政府规章作出修改

(一)对《某某省规范性文件管理办法》作出修改。`);
    expect(d.cleanup?.items).toEqual([
      { decision: '废止', title: '某某省著名商标认定与保护办法', docNumber: null },
      { decision: '废止', title: '某某省水上交通安全管理办法', docNumber: null },
      { decision: '修改', title: '某某省规范性文件管理办法', docNumber: null },
    ]);
    expect(d.abolishes.map((a) => a.title)).toEqual(['某某省著名商标认定与保护办法', '某某省水上交通安全管理办法']);
    expect(d.amends.map((a) => a.title)).toEqual(['某某省规范性文件管理办法']);
  });
});

describe('a list of documents that remain in force, its entries run together on one line', () => {
  // (186: `一、现行有效规章(52件)1.某办法(1990年6月20日某部、某局某财〔1990〕16号发布)2.…`)
  const PAGE = `某某部关于现行有效规章和规范性文件目录的公告

某某部关于现行有效规章和规范性文件目录的公告2010年第50号根据《国务院办公厅关于做好规章清理工作有关问题的通知》(国办发〔2010〕28号),现将某某部现行有效的规章和规范性文件目录予以公告。

一、现行有效规章(4件)1.河道采砂收费管理办法(1990年6月20日某某部、财政部、国家物价局某财〔1990〕16号发布)2.黄河下游浮桥建设管理办法(1990年8月31日某某部某政〔1990〕17号发布,1997年12月25日某某部某政资〔1997〕537号修正)3.某某方案编报审批管理规定(1995年5月30日某某部令第5号发布,2005年7月8日某某部令第24号修正)4.某某工程质量管理规定(1997年12月21日某某`;

  it('lists each entry as remaining in force, with the number it was published by', () => {
    const d = one(PAGE);
    expect(d.title).toBe('某某部关于现行有效规章和规范性文件目录的公告');
    expect(d.cleanup?.counts).toEqual({ 继续有效: 4 });
    expect(d.cleanup?.items).toEqual([
      { decision: '继续有效', title: '河道采砂收费管理办法', docNumber: '某财〔1990〕16号' },
      { decision: '继续有效', title: '黄河下游浮桥建设管理办法', docNumber: '某政〔1990〕17号' },
      { decision: '继续有效', title: '某某方案编报审批管理规定', docNumber: '某某部令第5号' },
      { decision: '继续有效', title: '某某工程质量管理规定', docNumber: null },
    ]);
    expect(d.abolishes).toEqual([]);
  });

  it('cites the basis, not the numbers in the entries\' histories', () => {
    expect(one(PAGE).cites).toEqual(['国办发〔2010〕28号']);
  });
});
