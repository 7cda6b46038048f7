import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round thirty-two: the classes that failed on held-out real texts of producers of every level in the south and
 * east and of national bodies (test/fixtures/real-holdout h32-01–h32-15, since development texts 840–854), written out as a
 * page of their kind prints them (names made up).
 */

describe('a news site\'s heading of the title and a subtitle after `|`, over a copy without salutation', () => {
  const page = (heading: string) => `当前位置:某某新闻网>正文
${heading}
来源:某某县交通运输局    作者:    编辑:某某    时间:2024-06-16 22:11:23
一、禁航背景
根据气象部门预报,16日晚至20日全县过程累计雨量超120毫米,为保障人民群众生命财产安全,决定实施临时禁航。
二、禁航时间与水域
禁航时间:2024年6月17日-19日。
某某县交通运输局
2024 年 6 月 16 日`;

  it('titles the document with the kind-word title before the bar, not the headline after it', () => {
    const d = one(page('禁航通告|禁航期间 禁止任何船舶在禁航水域内航行'));
    expect(d.title).toBe('禁航通告');
    expect(d.issuers).toEqual(['某某县交通运输局']);
    expect(d.dateSigned).toBe('2024-06-16');
  });

  it('takes a whole title before the bar so too', () => {
    expect(one(page('某某县交通运输局关于汛期临时禁航的通告|禁航期间 禁止任何船舶航行')).title).toBe('某某县交通运输局关于汛期临时禁航的通告');
  });

  it('keeps a heading whose part before the bar is no title (an account\'s column) as it was read', () => {
    expect(one(page('某某资讯|禁航期间 禁止任何船舶在禁航水域内航行')).title).not.toBe('某某资讯');
  });
});

describe('a portal row that runs a category cell into the own number (`… 其他` / `某文旅发〔2020〕13号 有效`)', () => {
  const page = `某省某某厅关于确认第六批保护单位的通知
2026-03-03 16:59 某某省文化和旅游厅
MB1568036/2026-07614 其他
发布机构 某某省文化和旅游厅 发文日期 2026-03-03
某文旅发〔2020〕13号 有效
文件名称 某省某某厅关于确认第六批保护单位的通知
各市、州文化和旅游局:
为进一步明确保护责任,经研究,确认以下单位为第六批保护单位,现予公布。
某某省文化和旅游厅
2020年6月5日`;

  it('reads the number with its validity mark as the own 文号, never as a cite with the cell as its code', () => {
    const d = one(page);
    expect(d.docNumber?.normalized).toBe('某文旅发〔2020〕13号');
    expect(d.cites).toEqual([]);
    expect(d.dateSigned).toBe('2020-06-05');
  });
});
