import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round twenty: the classes that failed on held-out real texts from the northern and western provinces
 * (test/fixtures/real-holdout h20-01–h20-20, since development texts 620–639), each written out as a page of its kind prints it (names made up).
 */

describe("a law page's fields: `执行日期` beside a `生效日期:1900-1-1` placeholder", () => {
  it('reads the 执行日期 as the 施行 date and the 1900 placeholder as none', () => {
    const d = one(`首页 >> 法律资讯
青川市人民政府办公室关于公布第三批市级文物保护单位的通知
发文单位:青川市人民政府办公室
发布日期:2009-3-12
执行日期:2009-3-12
生效日期:1900-1-1
各县、区人民政府,市政府各部门:
市政府同意市文化局提出的第三批市级文物保护单位名单,现予以公布,请认真做好保护工作。
二○○九年三月十二日`);
    expect(d.title).toBe('青川市人民政府办公室关于公布第三批市级文物保护单位的通知');
    expect(d.effectiveDate).toBe('2009-03-12');
  });

  it('never takes the placeholder alone as a date', () => {
    const d = one(`青川市人民政府办公室关于公布第三批市级文物保护单位的通知
生效日期:1900-1-1
各县、区人民政府,市政府各部门:
市政府同意市文化局提出的第三批市级文物保护单位名单,现予以公布,请认真做好保护工作。
二○○九年三月十二日`);
    expect(d.effectiveDate).toBeNull();
  });
});

describe("a newspaper's page: its issue date on the first line, a short title (`断交通告`), two organs signing on one line", () => {
  const page = `2024年05月11日
第03版:要闻

封路通告

因县道某某路改建施工需要,为保证施工质量和安全,决定对县道某某路(K2+100-K2+600)路段封闭施工,过往车辆请绕行。

特此通告

青山县公安交通警察大队 青山县交通运输局

2024年5月10日`;

  it('reads the title, both organs and the signing date', () => {
    const d = one(page);
    expect(d.title).toBe('封路通告');
    expect(d.issuers).toEqual(['青山县公安交通警察大队', '青山县交通运输局']);
    expect(d.dateSigned).toBe('2024-05-10');
  });

  it('never takes a closing formula for the title', () => {
    const d = one(`2024年05月11日
为保证施工质量和安全,决定对县道某某路(K2+100-K2+600)路段封闭施工,过往车辆请绕行。
特此通告
青山县交通运输局
2024年5月10日`);
    expect(d.title).not.toBe('特此通告');
  });
});

describe("a site's bare place glued before a head that names the same place (`江州江州市某区人民政府关于…`)", () => {
  it('drops the site place from the title and the issuer', () => {
    const d = one(`江州江州市青山区人民政府关于2024年禁止燃放烟花爆竹的通告
查看隐藏内容(*)需先登录
为加强烟花爆竹安全管理,维护公共安全,依据有关规定,经区人民政府研究,决定对本区禁止燃放烟花爆竹相关事项通告如下:一、全区禁止燃放。`);
    expect(d.title).toBe('江州市青山区人民政府关于2024年禁止燃放烟花爆竹的通告');
    expect(d.issuers).toEqual(['江州市青山区人民政府']);
  });
});

describe("an organ named by two places joined with a dash (`某山—某峰国家级自然保护区管理局`)", () => {
  it("is the signature's issuer over the title's shorter name", () => {
    const d = one(`白石-青峰山自然保护区管理局关于加强冬季森林防火工作的通知
白石保发〔2020〕12号
各保护站:
近期气温偏高,火险等级持续升高,为切实做好自然保护区森林防火工作,请各保护站按照要求抓好落实。
特此通知
江川白石—青峰山国家级自然保护区管理局
2020年12月1日`);
    expect(d.issuers).toEqual(['江川白石—青峰山国家级自然保护区管理局']);
    expect(d.dateSigned).toBe('2020-12-01');
  });
});
