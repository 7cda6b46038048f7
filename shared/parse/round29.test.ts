import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round twenty-nine: the classes that failed on held-out real texts of local producers of the north and west
 * (test/fixtures/real-holdout h29-01–h29-07, since development texts 790–796), written out as a page of their kind prints
 * them (names made up).
 */

describe('a signature date that lost its 月 and 日 after the year (`2017年1215`), standing under the body with no organ over it', () => {
  const page = `某某县人民政府办公室
关于印发某某县河道保洁行动方案的通知
各乡(镇)政府、政府各部门:
现将《某某县河道保洁行动方案》印发给你们,请结合实际,认真贯彻执行。

2019年1126

抄送:县委各部门,县人大、县政协办公室。
某某县人民政府办公室 2019年1126日印发`;

  it('reads the one date the digits make (11月26日) as the 成文日期, not the 版记\'s 印发 line', () => {
    expect(one(page).dateSigned).toBe('2019-11-26');
  });

  it('reads no date from digits that make two (`2019年111`: 1月11日 or 11月1日)', () => {
    expect(one(page.replace(/2019年1126\n/, '2019年111\n')).dateSigned).toBeNull();
  });

  it('reads no date from a figure under a body line that is no sentence\'s end (`2019年1126` in a list of counts)', () => {
    const d = one(`某某县人民政府办公室关于报送河道数据的通知
各乡(镇)政府:
现将有关数据通知如下,各地按下列数字核对
2019年1126
某某县人民政府办公室`);
    expect(d.dateSigned).toBeNull();
  });
});

describe('a portal row whose labels stand between spaces without colons (`成文时间 2007-08-24 发布日期 … 文号 …`)', () => {
  it('reads the 成文时间 as the 成文日期 of a copy cut before its signature (not the 发布日期)', () => {
    const d = one(`索 引 号 001122/2007-00012 公文种类 通知 发布机构 某某市人民政府办公室
成文时间 2007-08-24 发布日期 2007-08-27 文号 某府办函〔2007〕12号
某某市人民政府办公室关于落实煤矿关闭任务的通知
某府办函〔2007〕12号
各县(区)人民政府,市级有关部门:
按照省政府要求,现将有关事项通知如下。
一、关闭时间`);
    expect(d.title).toBe('某某市人民政府办公室关于落实煤矿关闭任务的通知');
    expect(d.docNumber?.normalized).toBe('某府办函〔2007〕12号');
    expect(d.dateSigned).toBe('2007-08-24');
  });
});
