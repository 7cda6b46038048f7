import { describe, expect, it } from 'vitest';
import { onePage as one, parsePage as parse } from './test-support';

/**
 * A 文号 whose year a producer prints in round or lenticular brackets (`某政发（2023）5号`, `某政发(2023)5号`,
 * `某政发【2023】5号`: Word files and portals without 〔〕) is the same number as `某政发〔2023〕5号`, wherever the parser
 * reads numbers: the document's own, cited, abolished, in a cleanup list, an order's. It is reported as printed.
 * A bracketed remark that is no number (`（2023年）`, `（试行）`, a year alone) stays part of its line (names made up).
 */

const FORMS: [string, string, string][] = [
  ['round', '（', '）'],
  ['ASCII round', '(', ')'],
  ['lenticular', '【', '】'],
];
/** The page with every 〔〕 printed in the given brackets. */
const as = (page: string, open: string, close: string): string => page.replace(/〔/g, open).replace(/〕/g, close);

describe.each(FORMS)('a 文号 with its year in %s brackets', (_name, open, close) => {
  const read = (page: string) => one(as(page, open, close));
  const readAll = (page: string) => parse(as(page, open, close));

  it('reads the own number under the title, reported as printed', () => {
    const d = read(`某某县人民政府关于印发某某县城市道路管理办法的通知
某政发〔2023〕12号
各乡镇人民政府,县政府各部门:
现将《某某县城市道路管理办法》印发给你们,请认真贯彻执行。
某某县人民政府
2023年5月6日`);
    expect(d.title).toBe('某某县人民政府关于印发某某县城市道路管理办法的通知');
    expect(d.docNumber?.normalized).toBe('某政发〔2023〕12号');
    expect(d.docNumber?.raw).toBe(`某政发${open}2023${close}12号`);
  });

  it('reads the own number printed after the title in brackets, and keeps the title whole', () => {
    // (010: `…印发《关于…的实施意见》的通知(某办发〔2017〕2号)` over the body)
    const d = read(`当前位置: 首页 > 政务公开 > 政策法规

中共某某市委办公室某某市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(某办发〔2017〕2号)

各县市区委、人民政府,市直各单位:
《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意,现印发给你们,请结合实际认真贯彻执行。
中共某某市委办公室
某某市人民政府办公室
2017年1月10日`);
    expect(d.title).toBe('中共某某市委办公室某某市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知');
    expect(d.docNumber?.normalized).toBe('某办发〔2017〕2号');
  });

  it('reads a number glued after the title of a repost', () => {
    // (651: `关于…的公告某府通〔2023〕3号` on one line)
    const d = read(`关于防空警报试鸣的公告某府通〔2023〕3号
根据《中华人民共和国人民防空法》的有关规定,我市定于9月18日上午10时30分组织全市防空警报试鸣。
特此公告。
某某市人民政府
2023年8月25日`);
    expect(d.title).toBe('关于防空警报试鸣的公告');
    expect(d.docNumber?.normalized).toBe('某府通〔2023〕3号');
  });

  it('reads the number of a page\'s field row', () => {
    // (549: `[ 发文字号 ]某府办〔2023〕17号 [ 发布机构 ]…`)
    const d = read(`[ 索引号 ]11500384008682034F/2023-00019 [ 发文字号 ]某府办〔2023〕17号 [ 发布机构 ]某某区政府办公室 [ 成文日期 ]2023-04-25 [ 发布日期 ]2023-05-04

某某市某某区人民政府办公室关于做好2023年代表建议和委员提案办理工作的通知

各乡镇人民政府、街道办事处,区政府各部门:
为切实做好2023年代表建议和委员提案办理工作,现将有关事项通知如下。`);
    expect(d.docNumber?.normalized).toBe('某府办〔2023〕17号');
    expect(d.dateSigned).toBe('2023-04-25');
  });

  it('takes the own number from the download a head lost it to, and never cites it', () => {
    // (247: the head's copy cut the number short, `某县政发〔20226`; the attachment's name holds it whole)
    const d = read(`某某县人民政府禁火令

日期:2022-09-11 来源: 某某县司法局

某县政发〔20226

某某县人民政府

为保护人民群众生命财产和森林资源安全,县人民政府决定发布禁火令。
一、禁火期:自即日起至2023年4月30日。
某某县人民政府
2022年9月9日
1_ABDR—2022—00004某某县人民政府禁火令(某县政发〔2022〕6号).docx`);
    expect(d.docNumber?.normalized).toBe('某县政发〔2022〕6号');
    expect(d.cites).toEqual([]);
  });

  it('abolishes a document named with its number in brackets inside brackets, and only that one', () => {
    // (201: `《…的通告》(某政通〔2022〕2号)同时废止` — the bracketed number is the abolished document's, no item of its own)
    const d = read(`某某县人民政府关于公布烟花爆竹燃放区域及时间的通告
根据《某某市烟花爆竹经营燃放管理规定》,现将有关事项通告如下:
本通告自2024年10月1日起施行,2022年12月1日施行的《某某县人民政府关于全域禁止经营和燃放烟花爆竹的通告》(某政通〔2022〕2号)同时废止。
某某县人民政府
2024年8月31日`);
    expect(d.abolishes).toEqual([{ title: '某某县人民政府关于全域禁止经营和燃放烟花爆竹的通告', docNumber: '某政通〔2022〕2号' }]);
    expect(d.cites).toEqual([]);
  });

  it('lists a cleanup entry by the number its history names after the organs, and cites none of them', () => {
    // (186: `1.某办法(1990年6月20日某某部、财政部某财〔1990〕16号发布)2.…` run together on one line)
    const d = read(`某某部关于现行有效规章和规范性文件目录的公告

某某部关于现行有效规章和规范性文件目录的公告2010年第50号根据《国务院办公厅关于做好规章清理工作有关问题的通知》(国办发〔2010〕28号),现将某某部现行有效的规章和规范性文件目录予以公告。

一、现行有效规章(3件)1.河道采砂收费管理办法(1990年6月20日某某部、财政部、国家物价局某财〔1990〕16号发布)2.黄河下游浮桥建设管理办法(1990年8月31日某某部某政〔1990〕17号发布,1997年12月25日某某部某政资〔1997〕537号修正)3.某某方案编报审批管理规定(1995年5月30日某某部令第5号发布,2005年7月8日某某部令第24号修正)`);
    expect(d.cleanup?.items).toEqual([
      { decision: '继续有效', title: '河道采砂收费管理办法', docNumber: '某财〔1990〕16号' },
      { decision: '继续有效', title: '黄河下游浮桥建设管理办法', docNumber: '某政〔1990〕17号' },
      { decision: '继续有效', title: '某某方案编报审批管理规定', docNumber: '某某部令第5号' },
    ]);
    expect(d.cites).toEqual(['国办发〔2010〕28号']);
  });

  it('reads an order number printed with its year in brackets under the issuer', () => {
    // (001: `某某省人民政府` / `政府令〔2010〕第15号`)
    const d = read(`某某省人工影响天气管理规定

某某省人民政府

某某省人工影响天气管理规定

政府令〔2010〕第15号

《某某省人工影响天气管理规定》已经2010年12月14日省政府第76次常务会议通过,现予公布,自2011年2月1日起施行。
省长 某某某
二〇一〇年十二月二十日`);
    expect(d.docNumber?.normalized).toBe('某某省人民政府令第15号');
  });

  it('takes a 转发 page\'s forwarded document with its number after its title', () => {
    // (056: a 转发 notice without title above the 批复 it forwards, `…的批复(国函〔2009〕125号)`)
    const docs = readAll(`各区、县人民政府,各委、局:
现将《国务院关于同意某某市调整部分行政区划的批复》(国函〔2009〕125号)转发给你们,望认真贯彻执行。
某某市人民政府
二○○九年十一月八日
国务院关于同意某某市调整部分行政区划的批复(国函〔2009〕125号)
某某市人民政府:
你市《关于调整某某市部分行政区划的请示》(某政报〔2009〕39号)收悉。现批复如下:
同意撤销某某市甲区、乙区,设立某某市新区。
中华人民共和国国务院
二○○九年十月二十一日`);
    const reply = docs.find((d) => d.title === '国务院关于同意某某市调整部分行政区划的批复');
    expect(reply?.docNumber?.normalized).toBe('国函〔2009〕125号');
    expect(reply?.cites).toEqual(['某政报〔2009〕39号']);
  });
});

describe('bracketed remarks that are no 文号', () => {
  it('keeps a year in brackets, 试行 and a year alone as part of the title, with no number read from them', () => {
    const d = one(`某某县人民政府关于印发某某县城乡建设用地管理办法（试行）的通知
各乡镇人民政府,县政府各部门:
现将《某某县城乡建设用地管理办法（试行）》《某某县2023年重点项目清单（2023年）》《某某县工作要点（2023）》印发给你们,请认真贯彻执行。
某某县人民政府
2023年5月6日`);
    expect(d.title).toBe('某某县人民政府关于印发某某县城乡建设用地管理办法（试行）的通知');
    expect(d.docNumber).toBeNull();
    expect(d.cites).toEqual([]);
    expect(d.body.join('\n')).toContain('《某某县工作要点（2023）》');
  });
});

describe('a page printing numbers in both forms', () => {
  it('reads each number as the same 文号 and reports each with the brackets the page prints it in', () => {
    const d = one(`某某县人民政府关于印发某某县城市道路管理办法的通知
某政发〔2023〕12号
各乡镇人民政府,县政府各部门:
根据《某某市城市道路管理办法》(某市政发（2019）7号),现将《某某县城市道路管理办法》印发给你们,请认真贯彻执行。原《某某县城市道路管理暂行办法》(某政发【2015】8号)同时废止。
某某县人民政府
2023年5月6日`);
    expect(d.docNumber?.raw).toBe('某政发〔2023〕12号');
    expect(d.cites).toEqual(['某市政发〔2019〕7号']);
    expect(d.abolishes.map((a) => a.docNumber)).toEqual(['某政发〔2015〕8号']);
    const body = d.body.join('\n');
    expect(body).toContain('(某市政发（2019）7号)');
    expect(body).toContain('(某政发【2015】8号)');
  });
});

describe('a number a paragraph break cuts', () => {
  it('is reported in the brackets the page prints, on both sides of the break', () => {
    // (053: `…(某发（` / `2018 ） 22` / `号)精神…`, a PDF copy breaking a cited number over blank lines)
    const d = one(`某某省人民政府关于印发某某省打赢蓝天保卫战三年行动计划的通知
各市、县人民政府,省人民政府各委、厅:
为认真贯彻落实《国务院关于印发打赢蓝天保卫战三年行动计划的通知》(国发（

2018 ） 22

号)精神,现将行动计划印发给你们,请认真贯彻执行。
某某省人民政府
2018年7月29日`);
    expect(d.cites).toEqual(['国发〔2018〕22号']);
    expect(d.body.join('')).not.toMatch(/[〔〕]/);
  });
});
