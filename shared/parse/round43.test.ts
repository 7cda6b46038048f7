import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round forty-three's classes (names made up). */

describe('an order of a 指挥部, its heading broken over two lines over its serial', () => {
  const PAGE = `[权威发布]江川县新型冠状病毒感染的肺炎疫情
防控工作应急指挥部令
(第1号)
各乡镇,县直各部门:
现就我县新型冠状病毒感染的肺炎疫情防控工作下达如下命令:
一、自2020年1月28日中午12时起,全县公交线路全部暂停运营。
二、暂停春节期间全县一切庙会等民俗活动。
江川县新型冠状病毒感染的肺炎疫情防控工作应急指挥部
2020年1月27日`;

  it('is titled with its heading and numbered by its serial', () => {
    const d = onePage(PAGE);
    expect(d.title).toBe('江川县新型冠状病毒感染的肺炎疫情防控工作应急指挥部令');
    expect(d.docNumber?.normalized).toBe('江川县新型冠状病毒感染的肺炎疫情防控工作应急指挥部令第1号');
    expect(d.issuers).toEqual(['江川县新型冠状病毒感染的肺炎疫情防控工作应急指挥部']);
    expect(d.dateSigned).toBe('2020-01-27');
  });

  it('reads the heading on one line so too', () => {
    const d = onePage(PAGE.replace('疫情\n防控', '疫情防控').replace('[权威发布]', ''));
    expect(d.title).toBe('江川县新型冠状病毒感染的肺炎疫情防控工作应急指挥部令');
    expect(d.docNumber?.normalized).toBe('江川县新型冠状病毒感染的肺炎疫情防控工作应急指挥部令第1号');
  });
});

describe('a 领导小组办公室 whose name the head breaks over two lines above 关于', () => {
  it('is one organ, and the head opens with it', () => {
    const d = onePage(`江川经开区应对新型冠状病毒肺炎
疫情防控工作领导小组办公室
关于部分娱乐场所暂停营业的
紧急通知
各镇街、区直有关部门:
为维护全区疫情防控成果,现将有关要求通知如下:
从即日起,全区范围内娱乐场所暂停营业,恢复营业时间另行通知。`);
    expect(d.title).toBe('江川经开区应对新型冠状病毒肺炎疫情防控工作领导小组办公室关于部分娱乐场所暂停营业的紧急通知');
    expect(d.issuers).toEqual(['江川经开区应对新型冠状病毒肺炎疫情防控工作领导小组办公室']);
  });
});

describe('a letterhead naming in full the organ the title names without its city', () => {
  it('gives the issuer as the letterhead prints it, over a 文号 the copy damaged', () => {
    const d = onePage(`云岭市江川区人民政府文件

江川政发〔20188

江川区人民政府关于印发
江川区人民政府工作规则的通知

各街道办事处,各委、办、局:
    现将《江川区人民政府工作规则》印发给你们,请遵照执行。`);
    expect(d.title).toBe('江川区人民政府关于印发江川区人民政府工作规则的通知');
    expect(d.issuers).toEqual(['云岭市江川区人民政府']);
  });
});

describe('a portal row of two cells, each a label run into its value, the second ending in a kind word', () => {
  it('is page fields, no part of the title', () => {
    const d = onePage(`索引号000014349/2023-44601
发文字号江政发〔2023〕24号 发文时间2023-09-08
发文机关江川县人民政府办公室 主题词工作规则
标题江川县人民政府关于印发江川县人民政府工作规则的通知

江川县人民政府关于印发江川县人民政府工作规则的通知
各镇人民政府,县直各部门:
《江川县人民政府工作规则》已经县政府研究同意,现印发给你们,请认真贯彻落实。
江川县人民政府
2023年8月10日`);
    expect(d.title).toBe('江川县人民政府关于印发江川县人民政府工作规则的通知');
    expect(d.docNumber?.normalized).toBe('江政发〔2023〕24号');
  });
});

describe('an organ named with a campaign in quotes', () => {
  it.each(['江川县“抗疫保卫战”指挥部', '江川县“扫黄打非”工作领导小组办公室'])('%s signs', (organ) => {
    const d = onePage(`公告内容如下:
1.除生病就医、核酸检测等必需出门外,全县城乡居民一律禁止离开家门。
2.对拒不服从指挥部要求的,坚决依法依规处理。
${organ}
2021年1月19日`);
    expect(d.issuers).toEqual([organ]);
  });
});

describe('a page flattened without spaces, a plan\'s title run into its preamble', () => {
  it('is titled with the text before the preamble', () => {
    const d = onePage(
      '江川县2018年政务公开工作要点实施方案为深入贯彻落实云岭省人民政府办公厅关于印发2018年全省政务公开工作要点的通知,不断提升政务公开的质量和实效,结合本县实际,制定本方案。一、工作目标紧紧围绕县委县政府改革发展重点任务,进一步加大全县政务公开力度。',
    );
    expect(d.title).toBe('江川县2018年政务公开工作要点实施方案');
  });
});
