import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round thirty-five's classes (names made up). */

const REPORT = `  2022年,全县上下深入学习贯彻党的二十大精神,全县经济运行总体平稳,转型升级步伐加快,发展动能持续增强,民生保障有力有效。
  一、综合
  初步核算,全年全县实现生产总值169.57亿元,按不变价格计算,比上年增长4.0%。`;

describe('a signature whose second organ\'s name is broken over two lines', () => {
  it('keeps the organ signing above it', () => {
    const d = onePage(`  根据第七次全国人口普查结果,现将2020年11月1日零时江川县人口的基本情况予以公布。
江川县统计局
江川县人民政府第七次
全国人口普查领导小组办公室
2021年6月30日`);
    expect(d.issuers).toEqual(['江川县统计局', '江川县人民政府第七次全国人口普查领导小组办公室']);
    expect(d.dateSigned).toBe('2021-06-30');
  });
});

describe('a 公报 whose organs stand one per line under its title', () => {
  it('names both, the second letter-spaced', () => {
    const d = onePage(`政府信息公开 > 正文
江川县2022年国民经济和社会发展统计公报

江川县统计局

国 家 统 计 局 江 川 调 查 队

${REPORT}`);
    expect(d.title).toBe('江川县2022年国民经济和社会发展统计公报');
    expect(d.issuers).toEqual(['江川县统计局', '国家统计局江川调查队']);
  });

  it('takes no `--查阅更多…` link under the heading for the title', () => {
    const d = onePage(`当前位置     首页 > 即时新闻 > 正文

2022年云岭省国民经济和社会发展统计公报

2023年05月04日 09:44   来源:云岭省统计局

   --查阅更多2022年地方国民经济和社会发展统计公报

  云岭省统计局 国家统计局云岭调查总队

  2023年4月26日

${REPORT}`);
    expect(d.title).toBe('2022年云岭省国民经济和社会发展统计公报');
    expect(d.issuers).toEqual(['云岭省统计局', '国家统计局云岭调查总队']);
    expect(d.dateSigned).toBe('2023-04-26');
  });
});

describe('a head broken where a word ends, its upper half a place\'s event', () => {
  it('joins the halves', () => {
    const d = onePage(`江川县2025年社火展演

周边道路临时交通管制的通告

  为弘扬传统文化,丰富城乡群众文化生活,春节期间举办社火秧歌汇演。为确保活动顺利开展,现将有关事项通告如下:
  一、交通管制时间
江川县公安局交通警察大队
2025年1月20日`);
    expect(d.title).toBe('江川县2025年社火展演周边道路临时交通管制的通告');
  });
});

describe('a news headline naming the place before a colon, straight over the body', () => {
  it('is the only title the page prints', () => {
    const d = onePage(`江川县:部分道路实施临时交通管制
为确保我县2025年元宵节及民俗文化活动安全、有序进行,保障道路交通安全畅通,根据相关规定要求,现决定对活动行经街道采取临时交通管制措施。
一、活动内容、时间及地点
江川县公安局交通警察大队
2025年2月10日`);
    expect(d.title).toBe('江川县:部分道路实施临时交通管制');
  });
});

describe('a forum post titled with a headline that quotes a notice', () => {
  it('is titled by the notice it quotes', () => {
    const d = onePage(`在江川APP-江川生活圈
标题:
寒衣节,你文明祭扫了吗?28日,江川区全域内全时段全面禁烧
[打印本页]
作者:
江川小编
时间:
2019-10-24 09:12
标题:
寒衣节,你文明祭扫了吗?28日,江川区全域内全时段全面禁烧
亲爱的网友:
  缅怀先人、祭奠逝者是中华民族的传统民俗。农历十月初一寒衣节,有为逝去的先人“送寒衣”的习俗。
  当前,正值我区创建文明城区之际,为秉承传统,告别陋习,倡导文明祭扫新风尚,特向广大网友倡议:
江川区全面禁烧公告
  2019年10月28日农历十月初一为寒衣节,为净化环境,树立新风,文明祭祀,在江川区全域内全时段全面禁烧,现公告如下:
  1.区殡仪馆焚烧遗物间只焚烧逝者遗物和花圈。
江川区民政局
2019年10月21日`);
    expect(d.title).toBe('江川区全面禁烧公告');
    expect(d.issuers).toEqual(['江川区民政局']);
  });
});
