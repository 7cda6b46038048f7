import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/** Held-out round forty-four's classes (names made up). */

describe('a page that prints its notice a second time after a cut', () => {
  it('holds one document', () => {
    const head = `江川市农业局办公室关于开展“三条河”沿岸禁养区内养殖场
关停情况督查的通知
有关县区农业局:
为进一步推动我市农业面源污染治理工作,现将有关事项通知如下:`;
    const docs = parsePage(`${head}
一、督查内容
对市级河长制“三条河”沿
${head}
一、督查内容
对市级河长制“三条河”沿岸禁养区内养殖场关停情况开展督查。
江川市农业局办公室
2014年6月3日`);
    expect(docs).toHaveLength(1);
    expect(docs[0].title).toBe('江川市农业局办公室关于开展“三条河”沿岸禁养区内养殖场关停情况督查的通知');
  });
});

describe('an organ named with a quoted campaign that holds a 、', () => {
  it('is one issuer, from the title', () => {
    const d = onePage(`云岭省“千村示范、万村整治”工作协调小组办公室关于公布2020年度考核结果的通知
各市、县(市、区)农办:
现将2020年度考核结果公布如下。`);
    expect(d.issuers).toEqual(['云岭省“千村示范、万村整治”工作协调小组办公室']);
  });
});

describe('a byline row of the page', () => {
  it('tells the day the page was posted, which reads a run-together signing date one way', () => {
    const d = onePage(`作者: | 信息来源: | 发布日期:2019-02-06 10:37

江川市人民政府关于印发《江川市人民政府工作规则》的通知
各县、区人民政府,市政府各部门:
《江川市人民政府工作规则》已经市政府全体会议审议通过,现予印发,请遵照执行。

2019127
(此件公开发布)`);
    expect(d.dateSigned).toBe('2019-01-27');
  });
});

describe('a title with its salutation run straight onto its kind word', () => {
  it('is a head, after an untitled notice whose signing date lost its year', () => {
    const docs = parsePage(`各旅行社、各有关单位,游客朋友们:
根据气象部门分析预判,受此次冰冻雨雪天气影响的核心景区暂停开放。
江川山风景名胜区管理委员会
年2月24日
关于灵山景区恢复对外开放的通知各旅行社、各相关单位及各位游客:
因天气好转,受雨雪天气影响关闭的灵山景区,已具备安全开放条件。`);
    expect(docs.map((d) => d.title)).toEqual(['', '关于灵山景区恢复对外开放的通知']);
    expect(docs[0].issuers).toEqual(['江川山风景名胜区管理委员会']);
  });
});

describe('a portal\'s field values printed without their labels', () => {
  it('reads a date over `废止` as the day the document ceased to be in force', () => {
    const d = onePage(`江川区人民政府办公室关于印发江川区重污染天气应急预案的通知
11370104597024629Y-A/2023-6526360
江政办字〔2023〕21号
区政府办公室
2023-12-15
2023-12-15
2024-11-20
废止

江川区人民政府办公室
关于印发江川区重污染天气应急预案的通知
江政办字〔2023〕21号
各街道办事处,区政府各部门:
《江川区重污染天气应急预案》已经区政府同意,现印发给你们,请认真贯彻执行。`);
    expect(d.validUntil).toBe('2024-11-20');
    expect(d.docNumber?.normalized).toBe('江政办字〔2023〕21号');
  });
});
