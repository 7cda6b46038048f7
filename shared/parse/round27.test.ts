import { describe, expect, it } from 'vitest';
import { parsePage as parse } from './test-support';

/**
 * Issue 24, round twenty-seven: the class still failing on held-out real texts from new places once the classes of rounds
 * twenty-four to twenty-six were read (test/fixtures/real-holdout h27-01–h27-21, since development texts 760–780), written
 * out as a page of its kind prints it (names made up).
 */

describe('a 领导小组 office signing with its name broken over two lines at `应对…疫情` / `工作领导小组办公室`', () => {
  const page = (upper: string, lower: string) => `江川县全域封控管理通告(新闻)
  江川县应对新冠肺炎疫情工作领导小组办公室
  关于进行全域封控管理的通告
  广大居民朋友们:
  自4月1日22:00时起,对全域进行封控管理。
  本通告自发布之日起执行。
  ${upper}
  ${lower}
  2022年4月1日`;

  it('signs with the whole name, the 应 of 应对 no sentence\'s', () => {
    const [d] = parse(page('江川县应对新冠肺炎疫情', '工作领导小组办公室'));
    expect(d.issuers).toEqual(['江川县应对新冠肺炎疫情工作领导小组办公室']);
    expect(d.dateSigned).toBe('2022-04-01');
  });

  it('so does an 应急 指挥部 broken the same way', () => {
    const [d] = parse(page('江川县突发公共卫生事件应急', '指挥部办公室'));
    expect(d.issuers).toEqual(['江川县突发公共卫生事件应急指挥部办公室']);
  });

  it('a body sentence that asks (`全县群众应当配合`) over the organ stays out of its name', () => {
    const [d] = parse(page('江川县群众应积极配合', '江川县人民政府'));
    expect(d.issuers).toEqual(['江川县人民政府']);
  });
});
