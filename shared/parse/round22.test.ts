import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round twenty-two: the classes that failed on held-out real texts from new places (test/fixtures/real-holdout
 * h22-01–h22-08, since development texts 670–677), each written out as a page of its kind prints it (names made up).
 */

describe('a portal table whose rows print `label: | value |` cells (`索 引 号: | 1234/2019-1 | 发文字号: | … |`)', () => {
  it('reads each cell as its label\'s value; the 索引号 is never the title', () => {
    const d = one(`索 引 号: | 11000000123456789X/2019-00012 | 发文字号: | 江文发〔2019〕7号 |
---|---|---|---|
发布机构: | 省文化局 | 公文时效: | 长期公开 |
名 称: | 转发文化部《关于博物馆藏品登记的通知》的通知 |
各市文化局:
现将文化部《关于博物馆藏品登记的通知》转发你们,请按照要求及时组织辖区内博物馆上报藏品登记信息。
江川省文化局
2019年4月2日`);
    expect(d.title).toBe('转发文化部《关于博物馆藏品登记的通知》的通知');
    expect(d.docNumber?.raw).toBe('江文发〔2019〕7号');
    expect(d.cites).toEqual([]);
  });
});

describe('a browser-plugin prompt above the heading (`此页面上的内容需要较新版本的 Adobe Flash Player。`)', () => {
  it('is page furniture: the heading under it titles the document', () => {
    const d = one(`执法公示专栏

此页面上的内容需要较新版本的 Adobe Flash Player。

获取 Adobe Flash Player

通知公告

您当前的位置: 首页 > 通知公告

江川省审计厅关于某县审计违法案件的通报

时间:2022-06-02浏览次数:?

审计署检查组于今年对某县进行了检查。`);
    expect(d.title).toBe('江川省审计厅关于某县审计违法案件的通报');
    expect(d.issuers).toEqual(['江川省审计厅']);
  });
});

describe('a 行政许可 决定书 titled without 关于 or issuer, under a flattened table naming its 所属机构', () => {
  it('titles the document by the 决定书 heading and names the table\'s 所属机构 as issuer', () => {
    const d = one(`当前位置:首页 > 政府信息公开 > 许可决定

准予某村泵站取水许可决定书

索引号 640000099/2021-00001 文号 发布日期 2021-08-02
公开方式 主动公开 所属机构 自治区林业厅 责任部门
有效性 有效

准予某村泵站取水许可决定书

某村村民委员会:
你村的申请收悉,经审查,该申请符合法定条件,决定准予取水许可,具体批准事项如下:`);
    expect(d.title).toBe('准予某村泵站取水许可决定书');
    expect(d.issuers).toEqual(['自治区林业厅']);
  });
});

describe('a reply to a 建议 titled `对…的答复` and broken over two lines under its 文号 line', () => {
  it('joins both lines into the title', () => {
    const d = one(`江商办字[2015]第3号
对江川省第九届人民代表大会
第一次会议第207号建议的答复
李四代表:
您提出的关于加快园区建设的建议收悉,现答复如下:`);
    expect(d.title).toBe('对江川省第九届人民代表大会第一次会议第207号建议的答复');
    expect(d.docNumber?.normalized).toBe('江商办字〔2015〕3号');
  });
});
