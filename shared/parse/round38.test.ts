import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/** Held-out round thirty-eight's classes (names made up). */

describe('signatures', () => {
  it('joins an epidemic command\'s name broken right after 感染的', () => {
    const d = onePage(`全市各族群众:
  为有序做好本市在内地工作人员出疆工作,避免因人员流动而造成疫情扩散,现将有关事项公告如下:
  一、凡必须在2月29日前返回内地的居民,请到所在乡(镇)登记。
江川市新型冠状病毒感染的
肺炎疫情防控指挥部
2020年2月21日`);
    expect(d.issuers).toEqual(['江川市新型冠状病毒感染的肺炎疫情防控指挥部']);
  });

  it('reads a signing date with a bracketed note after it (`2015年2月14日(元容)`)', () => {
    const d = onePage(`关于下发云岭省主要农作物品种审定结果的通知
云农品审字〔2015〕1号
各州(市)种子管理站及相关单位:
  云岭省农作物品种审定委员会七届一次会议于2015年2月14日在昆明召开,会议审定通过了一批品种,现予下发。
云岭省农作物品种审定委员会办公室
2015年2月14日(元容)`);
    expect(d.issuers).toEqual(['云岭省农作物品种审定委员会办公室']);
    expect(d.dateSigned).toBe('2015-02-14');
  });
});

describe('numbers under a head', () => {
  it('reads a 公告\'s serial under its title (`第18号`) as no 令 number', () => {
    const d = onePage(`江川区人民政府
关于解除大林镇胜利村牛炭疽疫情及疫区封锁令的公告
第18号
  2018年8月12日,江川区大林镇胜利村发生牛炭疽疫情。经迅速采取有效措施,疫情得到有效控制,现决定解除封锁令。
  特此公告
2018年9月6日`);
    expect(d.docNumber).toBeNull();
  });

  it('cites no series number printed alone between the title and the salutation', () => {
    const d = onePage(`云岭省农业农村厅关于2023年第一批主要农作物品种引种备案的公告

  (云)引种〔2023〕第1号

各有关单位:
  根据《中华人民共和国种子法》和《主要农作物品种审定办法》(农业部令2016年第4号)相关规定,现将引种备案品种予以公告。
  特此公告。
  云岭省农业农村厅
  2023年8月16日`);
    expect(d.cites).toEqual([]);
  });
});

describe('pages', () => {
  it('reads a body printed before its title and again after it as one document', () => {
    const BODY = `各盟市林业和草原局及相关单位:
  根据《中华人民共和国种子法》的规定,现将由云岭省林业和草原局审定通过的草品种予以公告。
特此公告。
云岭省林业和草原局
2022年8月10日`;
    const docs = parsePage(`${BODY}\n云岭省林业和草原局关于2021年度云岭省草品种审定通过名录的公告\n${BODY}`);
    expect(docs.map((d) => d.title)).toEqual(['云岭省林业和草原局关于2021年度云岭省草品种审定通过名录的公告']);
  });

  it('titles a news page by its exclaiming headline under the column that ends in it', () => {
    const d = onePage(`新闻中心> 自然生态当先!江川发布公告6家矿山关闭退出
自然生态当先!江川发布公告6家矿山关闭退出
发布:世界石材网 www.example.com [ 发布时间 : 2021-01-06 ] 浏览次数:
  近日获悉,按照中央环保督察组反馈意见,江川市大园黄金有限责任公司等6家矿山范围涉及自然保护区需关闭退出,现将有关事项公告如下。`);
    expect(d.title).toBe('自然生态当先!江川发布公告6家矿山关闭退出');
  });

  it('takes no site menu run together for the title of an untitled copy', () => {
    const d = onePage(`便民资讯旅游天气路况推广寻人
全市各族群众:
  为有序做好本市在内地工作人员出疆工作,现将有关事项公告如下:
江川市疫情防控指挥部
2020年2月21日`);
    expect(d.title).toBe('');
  });
});
