import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round twelve: the classes that failed on held-out real texts from places and sites the development set
 * did not have (test/fixtures/real-holdout h12-01–h12-18, since development texts 380–397), each written out as a page
 * of its kind prints it (names made up).
 */

describe('a page titled only by the kind word on a line of its own, over the addressee line', () => {
  const page = (kind: string, addressee: string) => `${kind}
${addressee}
2020年9月28日至10月8日期间,我县将举办某某文化旅游节,为确保活动期间道路交通安全、有序、畅通,根据《中华人民共和国道路交通安全法》等相关规定,现将有关情况通告如下:
1、大中型货车一律绕行某某公路。
2、危化品车辆通过某某大道行驶。
某某县公安局
2020年9月22日`;

  for (const [kind, title] of [
    ['通告', '通告'],
    ['通 告', '通告'],
    ['公告', '公告'],
    ['通知', '通知'],
  ]) {
    it(`takes ${JSON.stringify(kind)} as the title and keeps the signature's organ and date`, () => {
      const d = one(page(kind, '尊敬的市民、广大驾驶员:'));
      expect(d.title).toBe(title);
      expect(d.issuers).toEqual(['某某县公安局']);
      expect(d.dateSigned).toBe('2020-09-22');
    });
  }

  it('does not take the kind word when a title stands above it', () => {
    const d = one(`某某县公安局关于实行临时交通管制的
通告
各有关单位:
2020年9月28日至10月8日期间,我县将举办某某文化旅游节,为确保活动期间道路交通安全、有序、畅通,现将有关情况通告如下:
某某县公安局
2020年9月22日`);
    expect(d.title).toBe('某某县公安局关于实行临时交通管制的通告');
  });
});

describe("a mirror of an account's post: the head stands below the site's blurb, a news heading and a lead paragraph", () => {
  const page = `专栏名称: 某某网
某某网是由某某县融媒体中心主办的新媒体,是某某县融媒矩阵媒体平台之一,是某某县的新闻宣传阵地、信息发布平台、民生服务窗口、形象展示中心。
目录
相关文章推荐
某某发布  ·  某某入选!协会公布最新名单 ·  18 小时前
51好读  ›  专栏  ›  某某网

某某县人民政府通告

某某网  · 公众号  ·  · 2025-01-22 15:50

正文

2025年春节即将到来,燃放烟花爆竹容易危及人身安全,引发火灾事故。 请广大居民自觉遵守某某县人民政府发布的《关于禁止燃放烟花爆竹和禁止焚烧香纸冥币的通告》 ,让大家度过一个欢乐祥和的新年节日。

某某县人民政府关于禁止燃放烟花爆竹

和禁止焚烧香纸冥币的通告

为了保障公共安全和人身、财产安全,减少环境污染,根据《中华人民共和国治安管理处罚法》《烟花爆竹安全管理条例》等法律法规规定,现通告如下:

一、某某镇城区范围内全年禁止燃放烟花爆竹。`;

  it('takes the head below the lead paragraph, its broken title joined, its issuer from the title', () => {
    const d = one(page);
    expect(d.title).toBe('某某县人民政府关于禁止燃放烟花爆竹和禁止焚烧香纸冥币的通告');
    expect(d.issuers).toEqual(['某某县人民政府']);
  });

  it('does not take a 关于 title cited in a sentence, nor a title under the signature, as the head', () => {
    const d = one(`2025年春节即将到来,燃放烟花爆竹容易危及人身安全,引发火灾事故,请广大居民自觉遵守相关规定,让大家度过一个欢乐祥和的新年节日。

各乡镇人民政府:

现将《某某县关于禁止燃放烟花爆竹的实施意见》印发给你们,请认真贯彻执行。

某某县人民政府

2025年1月2日

某某县关于禁止燃放烟花爆竹的实施意见

为了保障公共安全和人身、财产安全,减少环境污染,制定本意见。`);
    expect(d.title).toBe('某某县关于禁止燃放烟花爆竹的实施意见');
  });
});

describe("a portal's metadata row run together, its 发布机构 value running into a label the reader does not know", () => {
  const page = (row: string) => `规范性文件

关于印发《某某区实施草原生态保护补助奖励政策实施方案》的通知

${row}
文  号 某区财农〔2023〕45号 主题分类 生态保护 失效日期
著录日期 生效日期

某某区各相关单位、各乡镇人民政府:

为认真贯彻落实草原生态保护补助奖励机制,结合我区实际,制定了《某某区实施草原生态保护补助奖励政策实施方案》,经区人民政府审批同意,现印发你们,请认真贯彻执行。`;

  for (const row of [
    '索 引 号 010600106/2023-00071 发布机构 某某区政府办公室 公开日 2023-07-04',
    '索 引 号 010600106/2023-00071 发布机构 某某区政府办公室 登载日 2023-07-04',
  ]) {
    it(`takes the field's organ as the issuer (${row.slice(row.indexOf('发布机构'))})`, () => {
      const d = one(page(row));
      expect(d.issuers).toEqual(['某某区政府办公室']);
      expect(d.docNumber?.normalized).toBe('某区财农〔2023〕45号');
    });
  }
});
