import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round seventeen: the classes that failed on held-out real texts from the southern and eastern provinces
 * (test/fixtures/real-holdout h17-01–h17-21, since development texts 544–564), each written out as a page of its kind
 * prints it (names made up).
 */

describe("a reply under a portal's record of the 建议 it answers, addressed to a deputy", () => {
  it('finds `…建议的答复函` below the record, over `某某某代表:`', () => {
    const d = one(`建议号:88号
提案人:李某某
内 容:
某镇中心小学因集镇扩建、居民增多而使生源增加,目前校区的学生平均占用建设面积远远达不到国家标准要求,需另寻地点新建搬迁,建议给以立项解决。
承办单位:教育局
交办日期:2016年2月9日
办理情况
某县教育局关于某县第十六届人大四次会议第88号建议的答复函
李某某代表:
你提出的“关于某镇小学校搬迁的建议”,已交我们研究办理,现答复如下:
某镇小学搬迁已列入教育发展规划,待选址确定、项目批准后即可实施建设。
某县教育局
2016年5月9日`);
    expect(d.title).toBe('某县教育局关于某县第十六届人大四次会议第88号建议的答复函');
    expect(d.issuers).toEqual(['某县教育局']);
    expect(d.dateSigned).toBe('2016-05-09');
  });
});

describe("a note on the comments a draft drew (`…(征求意见稿)的反馈情况`)", () => {
  it('is a document titled so', () => {
    const d = one(`某某县人民政府《关于禁止露天烧烤的通告》(征求意见稿)的反馈情况

某某县人民政府 发布时间: 2025-03-11 10:20

某某县人民政府《关于禁止露天烧烤的通告》(征求意见稿)的反馈情况

为进一步改善县城区空气质量,县人民政府决定在县城区禁止露天烧烤。我局于2025年2月1日至2025年3月1日将《关于禁止露天烧烤的通告》(征求意见稿)全文公布,公开征求意见。期间,我局没有收到相关意见。

                                               某某县人民政府

                                               2025年3月11日`);
    expect(d.title).toBe('某某县人民政府《关于禁止露天烧烤的通告》(征求意见稿)的反馈情况');
    expect(d.issuers).toEqual(['某某县人民政府']);
    expect(d.dateSigned).toBe('2025-03-11');
  });
});

describe("a portal's banner over its table of fields, a title naming no issuer below", () => {
  it('keeps the banner out of the title and takes the `发布机构` field as the issuer', () => {
    const d = one(`无障碍浏览 长者模式 政府信箱 加入收藏
某县人民政府
索引号 01526292-7-/2020-0401001 发布机构 某县某镇人民政府
公开目录 水利 发布日期 2020-04-01
主题词 水利、水务
某镇全面推行河长制的实施方案

为贯彻落实《关于全面推行河长制的意见》的要求,结合我镇实际,进一步深化落实河长制工作,加大河道管理保护力度,特制定本实施方案。

一、总体要求`);
    expect(d.title).toBe('某镇全面推行河长制的实施方案');
    expect(d.issuers).toEqual(['某县某镇人民政府']);
  });
});

describe('a reply titled `某局对…建议的答复`, copied onto one line without a signer', () => {
  it('takes the organ before 对 as the issuer', () => {
    const d = one(`某县某局对县十七届人大三次会议第012号建议的答复 王某某等代表: 你们提出的“关于加快某河治理”的建议收悉,现答复如下: 首先感谢你们对我们工作的关心与支持。某河治理工程已获批立项,预计今冬即可开工建设。 顺致 身体健康! 2019年8月2日 |
新春走基层:某县街头年味浓
某县文学社社报2023年第2期目录`);
    expect(d.title).toBe('某县某局对县十七届人大三次会议第012号建议的答复');
    expect(d.issuers).toEqual(['某县某局']);
    expect(d.dateSigned).toBe('2019-08-02');
  });
});

describe('an earlier document named in 《》 declared void (`…《某某通告》作废`)', () => {
  it('abolishes it, and a 作废 without a named document abolishes nothing', () => {
    const d = one(`2024年某市龙舟赛于6月6日在某河段举行,为确保活动顺利举行,依据《中华人民共和国内河交通安全管理条例》等相关规定,决定对比赛水域进行交通管制,现将有关事项通知如下:
一、管制时间:2024年6月6日8时至17时,禁止所有船舶通行。
二、逾期未领取的通行证作废。
原5月20日发布的《航行通告》作废。
某市交通运输局
2024年6月1日`);
    expect(d.issuers).toEqual(['某市交通运输局']);
    expect(d.abolishes).toEqual([{ title: '航行通告', docNumber: null }]);
  });
});
