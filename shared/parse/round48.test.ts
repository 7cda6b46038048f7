import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round forty-eight's classes (names made up). */

const NOTICE = `关于做好冬季安全防范工作的通知
各有关单位:
  为切实做好冬季安全防范工作,现将有关事项通知如下:
  一、加强巡查,及时消除隐患。`;

describe('signing organs of round forty-eight', () => {
  it('a 大队 named by its zone, printed under its 支队, is one organ', () => {
    const d = onePage(`${NOTICE}
江川市公安局交通巡逻警察支队
高新技术产业开发区大队
2024年3月20日`);
    expect(d.issuers).toEqual(['江川市公安局交通巡逻警察支队高新技术产业开发区大队']);
  });

  it('an organ with its company\'s name in brackets, over a date that lost its year\'s first digits, signs undated', () => {
    const d = onePage(`${NOTICE}
云岭省盐务管理局(云岭省盐业总公司)

一一年三月十七日`);
    expect(d.issuers).toEqual(['云岭省盐务管理局']);
    expect(d.dateSigned).toBeNull();
  });

  it('an undated signature over the first words of a site\'s next block, where the copy ends', () => {
    const d = onePage(`${NOTICE}
江川市“四城同创”活动领导小组办公室
分享到:
获取优`);
    expect(d.issuers).toEqual(['江川市“四城同创”活动领导小组办公室']);
  });

  it.each(['中华全国供销合作总社', '全国爱卫会', '江川县草原生态保护补助奖励机制工作领导组', '江川高新区'])('%s is an organ', (organ) => {
    expect(onePage(`${organ}关于公布2011年示范社名单的通知
各有关单位:
现将名单公布如下。`).issuers).toEqual([organ]);
  });
});

describe('headings of round forty-eight', () => {
  it('a heading printing the title twice, and a `导读:` lead over the head, give the head', () => {
    const d = onePage(`江川关于县城区禁止露天烧烤的通告 江川关于县城区禁止露天烧烤的通告

来源: 最后更新:22-10-20 11:09:45

导读:江川禁止露天烧烤的区域:东至首阳山路,南至宝通街,西至北海路,北至英轩街。(禁止区域包含上述四条街道)

  关于县城区禁止露天烧烤的通告

  为进一步改善大气质量,维护城市容貌和环境卫生,根据有关法律、法规规定,现将城区禁止露天烧烤事宜通告如下:`);
    expect(d.title).toBe('关于县城区禁止露天烧烤的通告');
  });

  it('a site\'s topic before a colon is no part of the head', () => {
    const d = onePage(`江川市高新区企业奖励政策:江川高新区关于加快企业培育推动高质量发展的试行意见
为深入贯彻落实有关文件精神,结合江川市国际化创新型城市建设要求,制定本意见。`);
    expect(d.title).toBe('江川高新区关于加快企业培育推动高质量发展的试行意见');
  });
});
