import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/** Held-out round forty-five's classes (names made up). */

describe('a law site\'s status run onto the title, and its own notes on later decisions', () => {
  it('keeps neither in the title, the 文号 or the cites', () => {
    const d = onePage(`江川市人民政府关于禁止非法猎捕野生动物的通告【全文废止】

江川市人民政府关于禁止非法猎捕野生动物的通告全文废止
江政发〔2020〕12号

LAWSITE.NET®提示:根据《江川市人民政府关于公布规范性文件清理结果的决定》(江政发〔2023〕15号规定,继续有效

各县区人民政府,市政府各部门:
为强化公共卫生安全保障,根据《云岭省人民政府办公厅关于加强野生动物保护的通知》(云政办发〔2020〕12号)精神,现通告如下:`);
    expect(d.title).toBe('江川市人民政府关于禁止非法猎捕野生动物的通告');
    expect(d.docNumber?.normalized).toBe('江政发〔2020〕12号');
    expect(d.cites).toEqual(['云政办发〔2020〕12号']);
  });
});

describe('a news post in short lines: an organ `发布` over the notice\'s title in 《》', () => {
  it('is titled with the notice, not the post\'s next line', () => {
    const d = onePage(`2月28日
江川市农业农村局发布
《关于实施江川市水域禁渔期制度的通告》
通告中明确规定
3月1日0时起江川进入禁渔期
详细通告如下
为顺利开展我市水域禁渔期工作,特通告如下:
一、禁渔时间为3月1日0时至6月30日24时。
江川市农业农村局
2025年2月28日`);
    expect(d.title).toBe('关于实施江川市水域禁渔期制度的通告');
    expect(d.issuers).toEqual(['江川市农业农村局']);
  });
});

describe('a recognition notice closing its decision with `有效期5年`', () => {
  it('ends five years after its 成文日期', () => {
    const d = onePage(`各市州农业农村局:
按照《云岭省绿色农产品生产基地认定管理办法》要求,经专家评审和社会公示,正式认定江川水果基地等48个基地为云岭省绿色农产品生产基地(名单见附件),有效期5年。
请各地加强对认定基地的建设与管理。
云岭省农业农村厅
2025年8月27日`);
    expect(d.validUntil).toBe('2030-08-26');
  });

  it('a licence\'s period in a rule stays the licence\'s', () => {
    const d = onePage(`各市州农业农村局:
经研究,现将有关事项通知如下:
一、生产许可证有效期5年。
云岭省农业农村厅
2025年8月27日`);
    expect(d.validUntil).toBeNull();
  });
});

describe('a forum thread reposting a 公示', () => {
  it('is titled by the thread\'s subject, its buttons no title', () => {
    const d = onePage(`主题: 正在公示!江川拟被命名省级森林城市!

  • 半夏时光
楼主回复
  • 阅读:213
  • 回复:0
  • 发表于:2022/1/21 9:50:41

依据省关注森林活动执行委员会有关规定,现将拟命名名单公示如下。
公示期为2022年1月13日至2022年1月19日。
云岭省关注森林活动执行委员会
2022年1月12日`);
    expect(d.title).toBe('正在公示!江川拟被命名省级森林城市!');
    expect(d.issuers).toEqual(['云岭省关注森林活动执行委员会']);
  });
});

describe('a news lead naming the notice in 《》, `全文如下:` straight over its salutation', () => {
  it('gives the notice\'s title', () => {
    const d = onePage(`云岭启动低温雨雪冰冻灾害Ⅳ级应急响应
本报讯 2月21日,云岭应急管理官微发布《云岭省低温雨雪冰冻灾害应急指挥部关于启动低温雨雪冰冻灾害Ⅳ级应急响应的通知》。全文如下:
各市州低温雨雪冰冻灾害应急指挥部:
根据气象预报和当前天气形势,省指挥部决定启动低温雨雪冰冻灾害Ⅳ级应急响应。
云岭省低温雨雪冰冻灾害应急指挥部
2024年2月21日`);
    expect(d.title).toBe('云岭省低温雨雪冰冻灾害应急指挥部关于启动低温雨雪冰冻灾害Ⅳ级应急响应的通知');
    expect(d.dateSigned).toBe('2024-02-21');
  });
});

describe('a copy cut in the head of a second notice printed after the first one\'s signature', () => {
  it('holds that notice too, issued by the organ over its cut title', () => {
    const docs = parsePage(`关于进一步加强江川市中心城区货车洗车入城管理的通告
为加强城市管理,现就有关事项通告如下:
一、各类货车需清洗后方可进入中心城区。
江川市市容环境卫生管理局
2023年4月30日
江川市公安局交通警察支队
关于调整优化中心城区货`);
    expect(docs).toHaveLength(2);
    expect(docs[0].issuers).toEqual(['江川市市容环境卫生管理局']);
    expect(docs[1].issuers).toEqual(['江川市公安局交通警察支队']);
    expect(docs[1].title).toBe('');
  });
});
