import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round twenty-eight: the classes that failed on held-out real texts of national bodies and province-level
 * departments (test/fixtures/real-holdout h28-01–h28-17, since development texts 740–756), each written out as a page of
 * its kind prints it (names made up).
 */

describe('a 公告 serial printed with the title in brackets after it (`某某总署公告2021年第45号(关于…的公告)`)', () => {
  it('titles the document by the bracketed title; the serial is no 文号', () => {
    const d = one(`江川省粮食局公告2021年第45号(关于公布2021年粮油收购品种目录的公告)
www.example.gov.cn 2021-05-19
为便于收购企业正确申报品种,根据《江川省粮油收购管理办法》有关规定,现将2021年粮油收购品种目录予以公布。
本公告自2021年6月1日起实施。
特此公告。
江川省粮食局
2021年5月15日`);
    expect(d.title).toBe('关于公布2021年粮油收购品种目录的公告');
    expect(d.docNumber).toBeNull();
    expect(d.issuers).toEqual(['江川省粮食局']);
    expect(d.dateSigned).toBe('2021-05-15');
    expect(d.effectiveDate).toBe('2021-06-01');
  });

  it('and the other way round (`关于…的公告(某某局公告2021年第45号)`): the serial after the title is no part of it', () => {
    const d = one(`关于公布2021年粮油收购品种目录的公告(江川省粮食局公告2021年第45号)
发布时间:2021-05-19
为便于收购企业正确申报品种,根据《江川省粮油收购管理办法》有关规定,现将2021年粮油收购品种目录予以公布。
特此公告。
江川省粮食局
2021年5月15日`);
    expect(d.title).toBe('关于公布2021年粮油收购品种目录的公告');
    expect(d.docNumber).toBeNull();
  });
});

describe('a law site\'s 局令: heading `《某标准》(局令第18号)`, the order\'s number in Chinese numerals, a Chinese-numeral date', () => {
  const page = `部门规章

《某某数据编码标准》(局令第18号)

发布时间:2015-06-23 11:17:44  浏览:912  来源:

[发布:2005.03.02 实施:2005.05.01 时效性:现行有效]

国家某某局令
第十八号

  《某某数据编码标准》(XB 0003-2005)经2005年2月10日国家某某局局务会议审议通过,现予发布,自2005年5月1日起施行。

              局长   张某某

                               二○○五年三月二日

附:《某某数据编码标准》(XB 0003-2005)`;

  it('titles the document by the 规章 the heading names, without the bracketed short order number', () => {
    const d = one(page);
    expect(d.title).toBe('某某数据编码标准');
    expect(d.issuers).toEqual(['国家某某局']);
    expect(d.dateSigned).toBe('2005-03-02');
    expect(d.effectiveDate).toBe('2005-05-01');
  });

  it('reads `第十八号` under `国家某某局令` as the order\'s number 18', () => {
    expect(one(page).docNumber?.normalized).toBe('国家某某局令第18号');
  });
});

describe('a joint title that counts its organs (`某委员会等10部门` / `关于…的通知`)', () => {
  it('keeps the count line as the title\'s first part; the signing organs are the issuers', () => {
    const d = one(`江川省发展和改革委员会等3部门
关于印发江川省特色小镇创建清单的通知
江发改规划〔2021〕12号
省直各部门,各市(州)人民政府:
现将清单印发给你们,请按照国家有关要求做好特色小镇规范健康发展工作。
江川省发展和改革委员会
江川省自然资源厅
江川省商务厅
2021年12月31日`);
    expect(d.title).toBe('江川省发展和改革委员会等3部门关于印发江川省特色小镇创建清单的通知');
    expect(d.docNumber?.raw).toBe('江发改规划〔2021〕12号');
    expect(d.issuers).toEqual(['江川省发展和改革委员会', '江川省自然资源厅', '江川省商务厅']);
  });

  it('over a 文号 that lost its year and number (a forum copy): the count line still opens the title', () => {
    const d = one(`江川省发展和改革委员会等3部门
关于印发江川省特色小镇创建清单的通知
江发改规划〔〕号
省直各部门,各市(州)人民*府:
为贯彻国务院办公厅有关通知精神,推动全省特色小镇规范健康高质量发展,在各地推荐的基础上,认定11个特色小镇纳入创建清单。现将清单印发给你们。
江川省发展和改革委员会
江川省自然资源厅
江川省商务厅
年12月31日`);
    expect(d.title).toBe('江川省发展和改革委员会等3部门关于印发江川省特色小镇创建清单的通知');
    expect(d.docNumber).toBeNull();
    expect(d.issuers).toEqual(['江川省发展和改革委员会', '江川省自然资源厅', '江川省商务厅']);
  });

  it('on one line too (`某局等七部门关于印发…的通知`), over a 文号 and a salutation', () => {
    const d = one(`江川县教育局等七部门关于印发江川县近视防控工作方案的通知
江教〔2021〕171号
各乡镇人民政府、县直有关单位:
现将方案印发给你们,请认真抓好贯彻落实。
江川县教育局
江川县卫生健康局
2021年11月22日`);
    expect(d.title).toBe('江川县教育局等七部门关于印发江川县近视防控工作方案的通知');
    expect(d.docNumber?.raw).toBe('江教〔2021〕171号');
  });
});

describe('a part of a document abolished (`《某意见》(…)确定的…名单即行废止`)', () => {
  it('abolishes no document: the list the 意见 fixed ends, not the 意见', () => {
    const d = one(`关于印发江川省特色小镇创建清单的通知
江发改规划〔2021〕12号
各市(州)人民政府:
现将清单印发给你们。清单印发之日起,省政府办公厅《关于推进特色小镇建设的指导意见》(江政办发〔2017〕3号)确定的省级特色小镇名单即行废止。
江川省发展和改革委员会
2021年12月31日`);
    expect(d.abolishes).toEqual([]);
  });

  it('with the cited number\'s year in round brackets inside the bracket (`(某办发（2017）3号)`) as well', () => {
    const d = one(`关于印发江川省特色小镇创建清单的通知
江发改规划〔2021〕12号
各市(州)人民政府:
现将清单印发给你们。清单印发之日起,省政府办公厅《关于推进特色小镇建设的指导意见》(江政办发（2017）3号)确定的省级特色小镇名单即行废止。
江川省发展和改革委员会
2021年12月31日`);
    expect(d.abolishes).toEqual([]);
  });

  it('while `《某办法》(某政发〔2019〕3号)同时废止` still abolishes the 办法', () => {
    const d = one(`关于印发江川省特色小镇管理办法的通知
江发改规划〔2021〕12号
各市(州)人民政府:
现将办法印发给你们。本办法自印发之日起施行,《江川省特色小镇暂行管理办法》(江政发〔2019〕3号)同时废止。
江川省发展和改革委员会
2021年12月31日`);
    expect(d.abolishes).toEqual([{ title: '江川省特色小镇暂行管理办法', docNumber: '江政发〔2019〕3号' }]);
  });
});

describe('a site\'s filing number in its footer (`网药械信息备字(2023)第00464号`, an ICP 证 number)', () => {
  it('is no cite', () => {
    const d = one(`关于明确药品批准证明文件效力的通知
各省、自治区、直辖市药品监督管理局:
现就有关问题明确如下,请遵照执行。
某某药品监督管理局办公室
2013年1月7日
电信与信息服务业务经营许可证编号:京ICP证140722号 药品医疗器械网络信息服务备案(京)网药械信息备字(2023)第00464号网络备案:京ICP备12039121号-1`);
    expect(d.cites).toEqual([]);
  });
});

describe('a law site\'s table whose cells slipped (`【时 效 性】 | 某食药监办[2006]423号 |`, `【文 号】 | 上海 |`)', () => {
  it('reads the 文号 standing alone in another label\'s cell as the own number', () => {
    const d = one(`【时 效 性】 | 江食药监办[2006]423号 | 【颁布日期】 | |
【颁布单位】 | 【实施日期】 | 109100 | |
【法规层次】 | 107 | 【文 号】 | 江川 |
【关 键 字】 |
各分局、各处室、各直属单位:
我局制定了《江川市整顿和规范药品市场秩序专项行动方案》,现印发给你们,请遵照执行。
特此通知。
江川市食品药品监督管理局
二○○六年六月二十八日`);
    expect(d.docNumber?.normalized).toBe('江食药监办〔2006〕423号');
    expect(d.issuers).toEqual(['江川市食品药品监督管理局']);
  });
});
