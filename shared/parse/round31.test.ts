import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round thirty-one: the classes that failed on held-out real texts of producers below the national level in the
 * north and west (test/fixtures/real-holdout h31-01–h31-18, since development texts 820–837), written out as a page of
 * their kind prints them (names made up).
 */

describe('a portal\'s list of fields whose labels run into their values without a colon (`• 标  题关于…`)', () => {
  const page = `  • 发文机关某某区管委会
  • 成文日期2021-03-02
  • 标  题关于印发《某某区防汛应急预案》的通知
  • 发文字号某管文〔2021〕12号
  • 发布时间2021-03-05
各乡(镇)人民政府,区直各部门:
现将《某某区防汛应急预案》印发给你们,请结合实际认真贯彻实施。
某某市某某区管委会
2021年3月2日
某某区防汛应急预案
1 总则`;

  it('reads the `标题` field without its label: the title of a copy that starts at the addressee line', () => {
    const d = one(page);
    expect(d.title).toBe('关于印发《某某区防汛应急预案》的通知');
    expect(d.docNumber?.normalized).toBe('某管文〔2021〕12号');
    expect(d.dateSigned).toBe('2021-03-02');
  });

  it('reads a label without spaces (`标题关于…`) so too', () => {
    expect(one(page.replace('标  题', '标题')).title).toBe('关于印发《某某区防汛应急预案》的通知');
  });
});

describe('a head whose title lost its closing `》` before `的通知`, under its organ\'s line, over the addressee line', () => {
  const page = `关于印发《某某区突发事件总体应急预案》的通知
发表时间:2021-12-14 发布者:管理员
某某市某某区管理委员会
关于印发《某某区突发事件总体应急预案的通知
各乡(镇)人民政府,区直各部门:
现将《某某区突发事件总体应急预案》印发给你们,请结合实际认真贯彻实施。
某某市某某区管理委员会
2020年12月7日
某某区突发事件总体应急预案`;

  it('is the head, read as printed with its organ\'s line (not the page heading above it)', () => {
    const d = one(page);
    expect(d.title).toBe('某某市某某区管理委员会关于印发《某某区突发事件总体应急预案的通知');
    expect(d.issuers).toEqual(['某某市某某区管理委员会']);
    expect(d.dateSigned).toBe('2020-12-07');
  });

  it('is no head when nothing under it opens a document (a line broken inside the marks runs on)', () => {
    const d = one(`某某县人民政府关于印发《某某县农村集体资产
管理暂行办法》的通知
各乡镇人民政府:
现将《某某县农村集体资产管理暂行办法》印发给你们,请认真贯彻执行。
某某县人民政府
2021年5月6日`);
    expect(d.title).toBe('某某县人民政府关于印发《某某县农村集体资产管理暂行办法》的通知');
  });
});

describe('a portal heading that prints the own 文号 before the title, over the head that prints none', () => {
  const page = (heading: string) => `索引号: 00000000-8/2023-01700 公开方式: 主动公开
发布机构: 某某县人民政府 组配分类: 某政办字
${heading}
来源:某某县人民政府 发布时间:2023-05-27 11:47 浏览次数:
分享
某某县人民政府办公室
关于印发某某县旅游安全事件应急预案的通知
各乡、镇人民政府,县直有关部门:
《某某县旅游安全事件应急预案》已经县政府同意,现印发给你们,请认真贯彻执行。
某某县人民政府办公室
2023年5月27日`;

  it('gives the head the heading\'s number (a space or none between them)', () => {
    for (const heading of ['某政办字〔2023〕27号 关于印发某某县旅游安全事件应急预案的通知', '某政办字〔2023〕27号关于印发某某县旅游安全事件应急预案的通知']) {
      const d = one(page(heading));
      expect(d.title).toBe('某某县人民政府办公室关于印发某某县旅游安全事件应急预案的通知');
      expect(d.docNumber?.normalized).toBe('某政办字〔2023〕27号');
      expect(d.cites).toEqual([]);
    }
  });

  it('gives none from a heading naming another document', () => {
    expect(one(page('某政办字〔2023〕27号 关于印发某某县地震应急预案的通知')).docNumber).toBeNull();
  });
});

describe('a signature date run together that reads two ways, under a page whose `成文日期` field names one of them', () => {
  const page = (posted: string) => `[ 索引号 ] 0000/2020-00048 [ 发文字号 ] 某管文〔2020〕64号
[ 成文日期 ] 2020-12-07 [ 发布日期 ] ${posted}
某某区管理委员会关于印发某某区总体应急预案的通知
各乡(镇)人民政府,区直各部门:
现将《某某区总体应急预案》印发给你们,请结合实际认真贯彻实施。
                                   2020127
某某区总体应急预案`;

  it('reads no 成文日期 when the posting date leaves both readings (1月27日, 12月7日): the field is not read over the signature', () => {
    expect(one(page('2020-12-08')).dateSigned).toBeNull();
  });

  it('reads the one reading the posting date leaves, as before', () => {
    expect(one(page('2020-02-01')).dateSigned).toBe('2020-01-27');
  });
});
