import { describe, expect, it } from 'vitest';
import { findCnDates, PRINTED_DATE } from '../domain/cn-date';
import { findDocNumbers, findOrderNumbers } from '../domain/docnumber';
import { onePage, parsePage } from './test-support';

/**
 * Dates printed in Chinese numerals (`二〇二三年五月二十六日`), as older documents and 规章 histories print them: every place
 * the parser reads an Arabic date (a 规章's history under its title, a law site's date line, a cleanup list's dated
 * histories, a decision's items, effective clauses, a flattened signature) reads them too, and a date's characters are
 * never taken into a 文号's or 令's code. (Names made up; `npm run score:parse -- --copy hanzi-dates` holds the real pages.)
 */

describe('the one source for a printed date (PRINTED_DATE)', () => {
  it('matches what the date reader reads, Arabic or Chinese numerals, and never starts inside a run of numerals', () => {
    const re = new RegExp(PRINTED_DATE, 'g');
    const text = '（一九九二年七月二十五日通过，2004年2月26日公布，二00七年九月三十日修正，二〇二三年十二月三十一日起，十二〇二三年五月六日）';
    const matched = [...text.matchAll(re)].map((m) => m[0]);
    expect(matched).toEqual(['一九九二年七月二十五日', '2004年2月26日', '二00七年九月三十日', '二〇二三年十二月三十一日']);
    expect(matched.map((m) => findCnDates(m)[0]?.iso)).toEqual(['1992-07-25', '2004-02-26', '2007-09-30', '2023-12-31']);
  });
});

describe('a 规章 page whose history under the title is dated in Chinese numerals', () => {
  it('reads the 令 that published it and its date', () => {
    const d = onePage(`江川省河道采砂管理办法

江川省人民政府

（一九九二年七月二十五日省人民政府第一三七次常务会议通过，一九九二年十月二十二日省人民政府令第18号发布

第一条 为加强河道采砂管理，制定本办法。`);
    expect(d.docNumber?.normalized).toBe('江川省人民政府令第18号');
    expect(d.dateSigned).toBe('1992-10-22');
  });

  it('reads when it takes effect from the same history', () => {
    const d = onePage(`江川市控制和查处违法建设办法

(二〇〇八年六月三十日江川市人民政府第38次常务会议审议通过二〇〇八年七月二十五日江川市人民政府令第189号公布自二〇〇八年九月一日起施行)

第一条为加强城乡规划管理，制定本办法。`);
    expect(d.docNumber?.normalized).toBe('江川市人民政府令第189号');
    expect(d.dateSigned).toBe('2008-07-25');
    expect(d.effectiveDate).toBe('2008-09-01');
  });

  it('reads a history that lost its opening bracket and says 自公布之日起施行', () => {
    const d = onePage(`江川省人民政府关于修改《江川省城市市容管理办法》等3件规章的决定
二〇〇四年二月十六日江川省人民政府第30次常务会议审议通过  二〇〇四年二月二十六日江川省人民政府令第171号公布  自公布之日起施行)
为适应行政许可法的实施，省人民政府决定对下列规章作如下修改。`);
    expect(d.docNumber?.normalized).toBe('江川省人民政府令第171号');
    expect(d.dateSigned).toBe('2004-02-26');
    expect(d.effectiveDate).toBe('2004-02-26');
  });

  it('reads a law site\'s line of the date and the issuer under the title', () => {
    const d = onePage(`江川货物集装化用具管理办法
一九九〇年三月十日，江川运输部
第一条 为加强集装化用具的管理，制定本办法。`);
    expect(d.dateSigned).toBe('1990-03-10');
  });
});

describe('a cleanup list whose entries\' histories are dated in Chinese numerals', () => {
  const PAGE = `江川部关于现行有效规章目录的公告
一、现行有效规章（2件）
1.江川河道采砂收费管理办法（一九九〇年六月二十日江川部、江川物价局江财〔1990〕16号发布）
2.江川浮桥建设管理办法（一九九〇年八月三十一日江川部江政〔1990〕17号发布，一九九七年十二月二十三日江川部令第9号修正）
江川部
2010年8月1日`;

  it('reads every entry with the number it was published by', () => {
    const d = onePage(PAGE);
    expect(d.cleanup?.items).toEqual([
      { decision: '继续有效', title: '江川河道采砂收费管理办法', docNumber: '江财〔1990〕16号' },
      { decision: '继续有效', title: '江川浮桥建设管理办法', docNumber: '江政〔1990〕17号' },
    ]);
  });

  it('never cites a number with the date\'s tail in its organ code', () => {
    expect(onePage(PAGE).cites.filter((c) => /[年月日]/.test(c))).toEqual([]);
  });
});

describe('a decision that abolishes or amends 规章 whose items are dated in Chinese numerals', () => {
  it('abolishes each item published without a number', () => {
    const d = onePage(`江川省人民政府关于废止部分省人民政府规章的决定
经过清理，省人民政府决定：
一、废止下列规章
（一）《江川省著名商标认定与保护办法》（二〇〇一年三月十九日省人民政府公布）
（二）《江川省水上交通安全管理办法》（一九九五年十二月三十日省人民政府公布）
本决定自公布之日起施行。`);
    expect(d.abolishes.map((a) => a.title)).toEqual(['江川省著名商标认定与保护办法', '江川省水上交通安全管理办法']);
  });

  it('abolishes an item dated in Chinese numerals among items numbered by a 令 in Arabic', () => {
    const d = onePage(`为做好规章清理工作，经省人民政府同意，决定废止和修改部分省政府规章。
一、废止3部省政府规章
(一)《江川省按比例安排残疾人就业规定》(1999年省政府令第2号)。
(二)《江川省犬类管理规定》(一九八七年十月十三日公布,2006年省政府令第11号修正)。
(三)《江川省排污费征收管理办法》(2004年省政府令第1号,2012年省政府令第1号修正)。
二、对1部省政府规章的部分条款予以修改
(一)将《江川省农业植物检疫实施办法》第五条修改为:“…”`);
    expect(d.abolishes.map((a) => a.title)).toEqual(['江川省按比例安排残疾人就业规定', '江川省犬类管理规定', '江川省排污费征收管理办法']);
  });

  it('amends each item whose history (`…第N号令发布`) is dated in Chinese numerals', () => {
    const d = onePage(`江川市人民政府关于修改《江川市机动车市场管理暂行规定》等3项规章部分条款的决定
江川市人民政府决定对下列规章作如下修改：
一、江川市机动车市场管理暂行规定（1994年5月1日江川市人民政府第10号令发布）
1.第五条修改为：“市场由工商部门登记。”
二、江川市劳动就业服务企业管理实施办法（一九九三年八月二十五日江川市人民政府第11号令发布，根据二〇〇七年十一月二十三日江川市人民政府第200号令修改）
1.第七条修改为：“企业合并，应当签订协议。”
三、江川市人才招聘管理办法（一九九八年九月十一日江川市人民政府第12号令发布）
1.第九条修改为：“招聘应当公开。”
本决定自公布之日起施行。`);
    expect(d.amends.map((a) => a.title)).toEqual(['江川市机动车市场管理暂行规定', '江川市劳动就业服务企业管理实施办法', '江川市人才招聘管理办法']);
  });

  it('does not amend the decision itself by the history under its title', () => {
    const d = onePage(`江川市人民政府令 第171号
《江川市人民政府关于修改〈江川市城镇职工生育保险办法〉等2件政府规章的决定》已于二〇〇四年九月十四日经市政府常务会议审议通过，现予公布，自公布之日起施行。
市 长 张三
二○○四年九月二十九日
江川市人民政府
关于修改《江川市城镇职工生育保险办法》等2件政府规章的决定
(二〇〇四年九月二十九日江川市人民政府令第171号发布)
根据《中华人民共和国行政许可法》，市政府决定对《江川市城镇职工生育保险办法》等2件规章作如下修改：
一、江川市城镇职工生育保险办法
(一)第十三条修改为:“…”
二、江川市城市供水管理办法
(一)第八条修改为:“…”`);
    expect(d.amends.filter((a) => a.docNumber !== null && /171/.test(a.docNumber))).toEqual([]);
  });
});

describe('a 文号 or 令 number printed right after a date in Chinese numerals', () => {
  it('takes none of the date into the organ code', () => {
    expect(findDocNumbers('二〇一〇年八月三十一日江川部江政〔1990〕17号发布').map((d) => d.normalized)).toEqual(['江川部江政〔1990〕17号']);
    expect(findDocNumbers('二月二十五日江川部江政资〔1997〕537号').map((d) => d.normalized)).toEqual(['江川部江政资〔1997〕537号']);
    expect(findDocNumbers('一九八〇年四月二十六日桂政发[1980]94号').map((d) => d.normalized)).toEqual(['桂政发〔1980〕94号']);
    expect(findOrderNumbers('二〇〇四年九月二十九日江川市人民政府令第171号发布').map((d) => d.normalized)).toEqual(['江川市人民政府令第171号']);
  });

  it('keeps a code that opens with a numeral or with 日 (`三明政`, `日照政发`)', () => {
    expect(findDocNumbers('根据三明政〔2020〕3号和日照政发〔2019〕5号').map((d) => d.normalized)).toEqual(['三明政〔2020〕3号', '日照政发〔2019〕5号']);
  });
});

describe('effective clauses and flattened signatures dated in Chinese numerals', () => {
  it('reads a note that says what passed it and the day it takes effect', () => {
    const d = onePage(`江川市养犬管理规定
（一九九四年一月五日江川市人民代表大会常务委员会第六次会议通过 一九九四年二月一日起施行）
第一条 为加强养犬管理，制定本规定。`);
    expect(d.effectiveDate).toBe('1994-02-01');
  });

  it('reads the date of a whole document glued onto one line, its organ run into the date', () => {
    const d = onePage(
      '江川县人民政府办公室关于印发江川县农村集体资产管理办法的通知江政办发[2019]12号各乡镇人民政府，县直各部门：现将《江川县农村集体资产管理办法》印发给你们，请认真遵照执行。江川县人民政府办公室二〇一九年三月五日江川县农村集体资产管理办法第一条为加强农村集体资产管理，制定本办法。第二条本办法自发布之日起施行。',
    );
    expect(d.dateSigned).toBe('2019-03-05');
  });

  it('reads a 公告 flattened onto one line that ends with its organ and a date in Chinese numerals', () => {
    const docs = parsePage(
      '江川市疫情防控工作指挥部第三号公告 一、暂停各类宴请，如公众聚餐、寿宴、婚宴等活动。 二、暂停广场舞等群众性文化活动。 三、请广大市民积极提供联防联控线索，对疫情相关情况积极向所在地政府反映，各村（社区）要加强排查，确保逐级落实到位。 四、各基层单位要加强宣传引导，争取广大群众的理解和支持。 江川市疫情防控工作指挥部 二〇二〇年一月二十七日 |',
    );
    expect(docs.map((d) => d.title)).toEqual(['江川市疫情防控工作指挥部第三号公告']);
    expect(docs[0].dateSigned).toBe('2020-01-27');
  });
});
