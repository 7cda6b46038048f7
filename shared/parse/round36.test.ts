import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round thirty-six's classes (names made up). */

describe('a 街道 named by its short name', () => {
  it('is the issuer its title names (`某某街道关于…的公告`)', () => {
    const d = onePage(`首页 > 互动 > 意见征集
江川街道关于《东门社区居委会更名西门社区居委会》公开征求意见的公告
  为规范社区名称管理,更好地为辖区居民群众服务,江川街道拟将东门社区居委会更名为西门社区居委会,社区更名后管辖范围和办公地址不变。
  一、决策程序。江川街道严格按程序规定,履行决策程序。`);
    expect(d.issuers).toEqual(['江川街道']);
  });
});

describe('a signature whose day was left blank for the seal (`2020年4月 日`)', () => {
  it('gives no 成文日期, and its organ still signs (not the title\'s `市人民政府`)', () => {
    const d = onePage(`市人民政府关于印发江川市突发事件总体应急预案的通知
各乡镇人民政府、办事处,市政府各部门:
  修订后的《江川市突发事件总体应急预案》已经市政府常务会议审议通过,现印发给你们,请认真组织实施。
江川市人民政府
2020年4月 日
江川市突发事件总体应急预案`);
    expect(d.issuers).toEqual(['江川市人民政府']);
    expect(d.dateSigned).toBeNull();
  });
});

describe('an untitled copy whose attachment is a 工作安排', () => {
  it('takes the attachment\'s title printed under the signature', () => {
    const d = onePage(`区政府各委、办、局,各街道办事处:
现将《2022年区政府重点工作安排》印发给你们,请认真分解,落实责任,加快推进,确保完成。
江川市江川区人民政府
2022年3月8日
2022年区政府重点工作安排
根据市委、市政府决策部署,按照区委工作要求,2022年区政府重点工作具体安排如下:
一、全力以赴稳增长,推动区域经济高质量发展`);
    expect(d.title).toBe('2022年区政府重点工作安排');
    expect(d.dateSigned).toBe('2022-03-08');
  });
});

describe('a joint head of seven departments over four lines, two organs run together on the first', () => {
  it('names every organ in printed order and titles the document with all of them', () => {
    const d = onePage(`云岭省住房和城乡建设厅云岭省文化厅
云岭省文物局 云岭省财政厅
云岭省自然资源厅 云岭省农业厅
云岭省旅游局
关于公布第三批云岭省传统村落名录的通知
云建村镇〔2015〕34号
各州(市)住房城乡建设局、文化局、财政局:
  经专家委员会评审认定,决定将江川村等96个村落列入第三批云岭省传统村落名录,现予以公布。`);
    expect(d.issuers).toEqual(['云岭省住房和城乡建设厅', '云岭省文化厅', '云岭省文物局', '云岭省财政厅', '云岭省自然资源厅', '云岭省农业厅', '云岭省旅游局']);
    expect(d.title).toBe('云岭省住房和城乡建设厅云岭省文化厅云岭省文物局云岭省财政厅云岭省自然资源厅云岭省农业厅云岭省旅游局关于公布第三批云岭省传统村落名录的通知');
    expect(d.docNumber?.normalized).toBe('云建村镇〔2015〕34号');
  });
});

describe('a reply to a deputy\'s 建议 whose head is broken after the session it names', () => {
  it('joins the two lines into the title', () => {
    const d = onePage(`首页 - 政府信息公开 - 市民政局
对市十届人大一次会议

第3号建议的答复

张三代表:
  您提出的关于城区新建道路命名的建议收悉,现答复如下:首先感谢您对我市地名工作的关心和支持。`);
    expect(d.title).toBe('对市十届人大一次会议第3号建议的答复');
  });
});
