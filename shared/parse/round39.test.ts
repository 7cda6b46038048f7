import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round thirty-nine's classes (names made up). */

describe('a reply page: a heading, then the reply\'s own head', () => {
  it('reads the own head under the 文号 (a class mark after it), not the heading joined to it', () => {
    const d = onePage(`对县十七届人大三次会议第63号建议的答复

来源: 江川县人民政府 发布时间: 2019-11-28 14:57 浏览次数: 1

               江交函议复字〔2019〕6号(A)类

                                 对县人大第十七届第三次会议第63号建议的

                                                答  复

张三代表:

  您在第十七届人民代表大会第三次会议上提出的《关于尽快维修长湘公路的建议》已收悉,现答复如下:`);
    expect(d.title).toBe('对县人大第十七届第三次会议第63号建议的答复');
    expect(d.docNumber?.normalized).toBe('江交函议复字〔2019〕6号');
  });

  it('keeps the organ line that lost a glyph over the head, the heading naming the organ whole', () => {
    const d = onePage(`江川县发展和改革委员会关于县政协十届一次会议第6.11号提案的复函

日期:2022-07-13

江川县发展和改革员会

关于县政协次会议6.11提案的复函

李四委员:

  您提出关于加快建设生态博物馆的提案收悉。现答复如下:首先感谢您对生态博物馆的重视。`);
    expect(d.title).toBe('江川县发展和改革员会关于县政协次会议6.11提案的复函');
  });

  it('names the organ giving its 会办意见 on a 建议', () => {
    const d = onePage(`云岭省文化和旅游厅对省十四届人大二次会议0948号建议的会办意见
云岭省交通运输厅:
  王五代表提出的关于加快旅游公路建设的建议收悉,现将我厅会办意见函告如下:`);
    expect(d.issuers).toEqual(['云岭省文化和旅游厅']);
  });

  it('reads the 文号 of a portal\'s `发 文 号` field', () => {
    const d = onePage(`江川区人民政府关于同意南园街道部分社区行政管辖范围优化调整的批复
  • 文件类型:
  • 发 文 号:江府函〔2020〕169号
  • 责任部门:
南园街道办事处:
  你单位《关于提请审议社区行政管辖范围优化调整的请示》(江南园工委〔2020〕37号)收悉。经研究,现批复如下:`);
    expect(d.docNumber?.normalized).toBe('江府函〔2020〕169号');
    expect(d.cites).toEqual(['江南园工委〔2020〕37号']);
  });
});
