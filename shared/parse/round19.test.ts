import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round nineteen: the classes that failed on held-out real texts from the southern and eastern provinces
 * (test/fixtures/real-holdout h19-01–h19-21, since development texts 590–610), each written out as a page of its kind
 * prints it (names made up).
 */

describe("an organ's series header over a notice's title (`中华人民共和国某海事局航行通告 2008年第5号`), no signature copied", () => {
  it('names the issuer', () => {
    const d = one(`中华人民共和国某某海事局航行通告 2008年第5号
某港某某水域施放焰火的通告
各有船、有关单位:
经核准,某公司拟在某水域施放焰火,现就有关通航安全事宜通告如下:
一、作业时间:2008年6月18日20:30至21:00。`);
    expect(d.title).toBe('某港某某水域施放焰火的通告');
    expect(d.issuers).toEqual(['中华人民共和国某某海事局']);
  });
});

describe("the kind word alone as the title, a portal's posting lines under it (`2022-09-09 16:49`, `浏览次数:`, `信息来源:…`)", () => {
  it('is the title', () => {
    const d = one(`通 知
2022-09-09 16:49
浏览次数:
信息来源:机关
各村、社区:
近期,我镇秸秆露天焚烧现象较多,现要求各村加大宣传力度,严防死守。
某某市某某镇人民政府
2022年9月9日`);
    expect(d.title).toBe('通知');
    expect(d.issuers).toEqual(['某某市某某镇人民政府']);
    expect(d.dateSigned).toBe('2022-09-09');
  });
});

describe('a 渔港监督 signing its 航行通告 under a portal field naming another organ', () => {
  it('signs (the signature wins over the field)', () => {
    const d = one(`发布机构 | 海洋局 | 发文日期 | 2022-12-05 |
标 题 | 关于在某港航道设置航标施工的航行通告 | |
关于在某港航道设置航标施工的航行通告
各有关单位、船舶:
因某港航道设置航标,为确保过往船舶的航行安全,现将有关事项通告如下:
一、施工日期:2022年12月6日至2022年12月30日。
中华人民共和国某某渔港监督
2022年12月5日`);
    expect(d.issuers).toEqual(['中华人民共和国某某渔港监督']);
    expect(d.dateSigned).toBe('2022-12-05');
  });
});

describe("a 预案's cover: the title, the compiler and a date run together (`20214`), then `目 录`", () => {
  it('is titled with the 预案, the cover lines joined into no title', () => {
    const d = one(`某市防汛应急预案

某市防汛防风指挥部

20214

目 录
1总则- 1 -
1.1编制目的- 1 -

1总则
1.1编制目的
为做好防汛工作,最大限度减少灾害损失,保障人民群众生命财产安全,制定本预案。`);
    expect(d.title).toBe('某市防汛应急预案');
  });
});

describe("a 预案's cover under its title: the compiling organ, a date that lost its day (`20214`), over portal fields naming another organ and a date", () => {
  it('is issued by the cover\'s organ and signs no date (the field\'s date is not taken over it)', () => {
    const d = one(`标题:某市防汛应急预案
索引号:0001/2021-00017 发文机关:某市应急管理局 成文日期:2021年10月21日 文 号:某防指〔2021〕2号

某市防汛应急预案

某市防汛防风指挥部

20214

目 录
1总则- 1 -

1总则
为做好防汛工作,最大限度减少灾害损失,保障人民群众生命财产安全,制定本预案。`);
    expect(d.title).toBe('某市防汛应急预案');
    expect(d.issuers).toEqual(['某市防汛防风指挥部']);
    expect(d.dateSigned).toBeNull();
  });
});
