import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round thirty: the classes that failed on held-out real texts of local producers of the south and east
 * (test/fixtures/real-holdout h30-01–h30-15, since development texts 800–814), written out as a page of their kind prints
 * them (names made up).
 */

describe('a signature date printed with one unit glyph for another (`2025年2年28日`: 年 for 月)', () => {
  const page = `某某镇人民政府关于某某路段实行封闭施工的通告
因某某路段路基失稳,某某镇人民政府决定对该路段进行封闭施工,现将有关事项通告如下:
一、封闭时间:2025年3月1日至2025年5月31日。
特此通告!
某某县某某镇人民政府
2025年2年28日`;

  it('reads the one date the numbers make, and the organ signing over it', () => {
    const d = one(page);
    expect(d.dateSigned).toBe('2025-02-28');
    expect(d.issuers).toEqual(['某某县某某镇人民政府']);
  });

  it('reads `2025年2月28月` (月 for 日) so too, and nothing from numbers that make no date', () => {
    expect(one(page.replace('2025年2年28日', '2025年2月28月')).dateSigned).toBe('2025-02-28');
    expect(one(page.replace('2025年2年28日', '2025年2年30日')).dateSigned).toBeNull();
  });
});

describe('an event\'s organising committee (`…组委会`) signing an untitled copy', () => {
  it('reads the committee as the issuer', () => {
    const d = one(`为确保某某县2025年龙舟赛期间群众出行安全,经研究决定对赛事区域周边路段实施临时管控,现将管控事项通告如下:
一、管控时间:2025年5月29日7:30至17:00
二、请参与活动的广大群众自觉配合安保工作人员指挥,请勿拥挤。
特此通告。
某某县端午节龙舟赛组委会
2025年5月26日
来源:某某县融媒体中心
作者:某某县端午节龙舟赛组委会`);
    expect(d.title).toBe('');
    expect(d.issuers).toEqual(['某某县端午节龙舟赛组委会']);
    expect(d.dateSigned).toBe('2025-05-26');
  });
});

describe('a plan printed alone after a portal table whose `名称` field gives its title, its contents list before the text', () => {
  const page = `索引号: | 0011/202503-00025 | 组配分类: | 应急处置 |
发布机构: | 某某县某某镇人民政府 | 主题分类: | 其他 |
名称: | 某某县食品安全应急处置方案 | 文号: | 无 |
发文日期: | 2025-03-14 17:14 | 发布日期: | 2025-03-14 17:14 |
1 总则
1.1 编制目的
1.2 编制依据
2 组织机构与职责
2.1 县指挥部
6 应急响应
6.1分级响应及措施
6.2 响应级别调整
1 总则
1.1 编制目的
建立健全应对食品安全事故运行机制,有效预防、积极应对食品安全事故,高效组织应急处置工作,最大限度地减少危害。
1.2 编制依据
依据《中华人民共和国突发事件应对法》《中华人民共和国食品安全法》等法律、法规,制定本预案。`;

  it('titles the plan from the field, never from a numbered contents line (`6.1分级响应及措施`); dates it from the `发文日期` field that prints a time after its date', () => {
    const d = one(page);
    expect(d.title).toBe('某某县食品安全应急处置方案');
    expect(d.issuers).toEqual(['某某县某某镇人民政府']);
    expect(d.dateSigned).toBe('2025-03-14');
  });
});

describe('a `名称` field naming a notice that `落实修订` a plan, over a copy that starts at the addressee line', () => {
  it('titles the copy with the field (the notice), not the plan named under the signature', () => {
    const d = one(`发布机构: | 某某市某某镇人民政府 | ||||
文号: | 某政发〔2025〕3号 | ||||
成文日期: | 2025-03-19 | ||||
名称: | 关于落实修订2025年某某镇防汛抗旱应急预案的通知 |
各村、各企业事业单位:
汛期即将临近,为了保证人民生命财产安全,切实做好2025年度防汛防旱工作,特制定本预案,请各单位认真落实。
附:2025年某某镇防汛抗旱应急预案
某某市某某镇人民政府
2025年3月19日
2025年某某镇防汛抗旱应急预案
一、基本概况`);
    expect(d.title).toBe('关于落实修订2025年某某镇防汛抗旱应急预案的通知');
    expect(d.docNumber?.normalized).toBe('某政发〔2025〕3号');
    expect(d.dateSigned).toBe('2025-03-19');
  });
});

describe('a mirror that wrote the page\'s spaces as `?`: a copy starting at the addressee, two organs signing over a padded date', () => {
  const page = `????各乡镇党委和人民政府,县委各部委办局,各人民团体:
《某某县惠民殡葬实施方案》已经县委、县人民政府同意,现印发给你们,请结合实际,认真抓好贯彻落实。
?
中共某某县委办公室????
某某县人民政府办公室?公室
???????????????????????2020年12月4日
某某县惠民殡葬实施方案
为认真贯彻落实《某某省人民政府办公厅关于进一步加强殡葬管理工作的通知》(某政办发〔2019〕43号),制定本方案。`;

  it('reads one document titled by the attached 方案, signed by both organs (the `?公室` residue no part of the second)', () => {
    const d = one(page);
    expect(d.title).toBe('某某县惠民殡葬实施方案');
    expect(d.issuers).toEqual(['中共某某县委办公室', '某某县人民政府办公室']);
    expect(d.dateSigned).toBe('2020-12-04');
    expect(d.cites).toEqual(['某政办发〔2019〕43号']);
  });

  it('keeps a question mark inside a sentence', () => {
    const d = one(`某某县人民政府关于征求意见的公告
各位居民:
这样命名是否合适?请提出意见。
某某县人民政府
2024年5月24日`);
    expect(d.body?.join('')).toContain('是否合适?请提出意见');
  });
});
