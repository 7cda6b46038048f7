import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round ten: the classes that failed on held-out real texts from places and sites the development set did
 * not have (test/fixtures/real-holdout h10-01–h10-30, since development texts 400–429), each written out as a page of
 * its kind prints it (names made up).
 */

const titles = (ts: { title: string | null }[]) => ts.map((t) => t.title);

describe('a decision that 修改s some 规章 and 废止s others: each item has the decision of the part it stands under', () => {
  // (the amended 规章 printed with their changes under `(一)对《…》作如下修改:`, the 废止 heading run into the last
  // change's line and ended with a full stop, the last item run into the closing clause)
  const page = `某省人民政府关于修改、废止部分省政府规章的决定

一、对下列2件省政府规章予以修改。

(一)对《某省河道管理办法》作如下修改:

1.删去第三十一条。

2.将第三十四条改为第三十三条,修改为:“违反本办法规定的,由县级以上人民政府水行政主管部门责令改正。”

(二)对《某省〈失业保险条例〉实施办法》作如下修改:

1.删去第十四条第一款中的“和设区市的财政补贴”。二、对下列3件省政府规章予以废止。

1.《某省收费证管理办法》(2011年6月28日某省人民政府令第152号发布)

2.《某省统计登记管理办法》(2000年3月21日某省人民政府令第55号发布)

3.《某省室内装饰管理规定》(2002年1月11日某省人民政府令第75号发布)三、本决定自公布之日起施行。`;

  it('reads the three items under the 废止 heading as abolished, not amended', () => {
    const d = one(page);
    expect(titles(d.abolishes)).toEqual(['某省收费证管理办法', '某省统计登记管理办法', '某省室内装饰管理规定']);
    expect(d.abolishes.map((t) => t.docNumber)).toEqual(['某省人民政府令第152号', '某省人民政府令第55号', '某省人民政府令第75号']);
    expect(titles(d.amends).sort()).toEqual(['某省〈失业保险条例〉实施办法', '某省河道管理办法'].sort());
  });

  it('lists the items under their own decisions, with the counts the headings state', () => {
    const c = one(page).cleanup!;
    expect(c.counts).toEqual({ 修改: 2, 废止: 3 });
    const by = (d: string) => c.items.filter((it) => it.decision === d).map((it) => it.title);
    expect(by('废止')).toEqual(['某省收费证管理办法', '某省统计登记管理办法', '某省室内装饰管理规定']);
    expect(by('修改').sort()).toEqual(['某省〈失业保险条例〉实施办法', '某省河道管理办法'].sort());
  });
});

describe("a 政府令 decision whose history line lost its opening bracket, over a box-drawn table", () => {
  const page = `某省人民政府关于修改《某省城市市容和环境卫生管理办法》等30件规章的决定

来源:某某法制信息网 发布时间:2004-11-12 14:01

2004年2月16日某省人民政府第30次常务会议审议通过  2004年2月26日某省人民政府令第171号公布  自公布之日起施行)

    为了贯彻实施《中华人民共和国行政许可法》,省人民政府决定修改下列30件规章:

┌──┬────┬───────────────────────────┐
│序号│规章名称│
├──┼────┼───────────────────────────┤
            │将第十条“城市街道两侧的建筑物前,应当选用透景的围墙。”修改为:“城市街道两侧的建筑物前,应当选用透景半透景的围墙。”│
            ├───────────────────────────┤`;

  it('reads the 令 number, the date it was published and its 施行 from the history line', () => {
    const d = one(page);
    expect(d.docNumber?.normalized).toBe('某省人民政府令第171号');
    expect(d.dateSigned).toBe('2004-02-26');
    expect(d.effectiveDate).toBe('2004-02-26');
  });

  it('does not read the law a purpose clause names (为了贯彻实施《…》) as amended', () => {
    const d = one(page);
    expect(titles(d.amends)).toEqual(['某省城市市容和环境卫生管理办法']);
  });
});

describe('a portal field whose label joins two words with a slash, or opens a row with a label the reader lacks', () => {
  it('reads `备注/文号:` as the own 文号 (a joint notice of seven bodies signing two a line)', () => {
    const d = one(`• 索 引 号:QZ09015-0101-2021-00067
    • 备注/文号:某教〔2021〕171号
    • 发布机构:某县教育局
    某县教育局等七部门关于印发《某县儿童青少年近视综合防控工作实施方案》的通知
    时间:2021-12-02 17:04

    各乡镇人民政府、县直有关单位:

    为贯彻落实儿童青少年近视综合防控工作要求,结合我县实际,现将《某县儿童青少年近视综合防控工作实施方案》印发给你们,请认真抓好贯彻落实。

    某县教育局     某县卫生健康局

    某县财政局     某县市场监督管理局

    某县融媒体中心

    2021年11月22日`);
    expect(d.docNumber?.normalized).toBe('某教〔2021〕171号');
    expect(d.cites).not.toContain('某教〔2021〕171号');
    expect(d.issuers).toEqual(['某县教育局', '某县卫生健康局', '某县财政局', '某县市场监督管理局', '某县融媒体中心']);
  });

  it('reads `文号 :` in a row that opens with a longer label (`统一登记号:`)', () => {
    const d = one(`索引号: 4311240007/2022-32393 发文日期: 2021-07-25 发布机构: 某县人民政府
公开方式: 主动公开 公开范围: 面向社会 主题词:
统一登记号: XDR-2021-00008 信息时效性: 有效 文号 : 某政发〔2021〕12号
某县人民政府关于禁止在河道、水库等危险水域游泳、戏水的通告
当前,正值高温炎热季节,到河道、水库等危险水域游玩人员日渐增多,极易引发溺水事故。为保障人民群众生命安全,现就有关事项通告如下:
一、任何组织和个人不得擅自到危险水域开展游泳、戏水等活动。
某县人民政府
2021年7月25日`);
    expect(d.docNumber?.normalized).toBe('某政发〔2021〕12号');
    expect(d.cites).toEqual([]);
  });
});

describe("two organs' names each broken over two signature lines", () => {
  it('joins a name cut after its first words and a unit printed under its organ', () => {
    const d = one(`关于对某某大桥实行交通管控的公告

某某自治旗境内省道201线公路的某某大桥经技术状况评定为危桥。为了兼顾人民群众出行需要及通行安全需要,根据有关规定,决定从即日起对某某大桥进行交通管控。具体措施如下:

1.禁止大型客车以及大中型载重货车通行。

       某某某某达斡尔族自治旗交通运输
                  综合行政执法大队
         某某某某达斡尔族自治旗公安局
                    交通管理大队

                   2025年3月5日`);
    expect(d.issuers).toEqual(['某某某某达斡尔族自治旗交通运输综合行政执法大队', '某某某某达斡尔族自治旗公安局交通管理大队']);
    expect(d.dateSigned).toBe('2025-03-05');
  });
});

describe('a status tag before a title and a numbered list of bracketed fields', () => {
  it('drops `【现行有效】` from the title and reads the fields `1. [发文机关] …`', () => {
    const d = one(`当前位置: 首页 > 政务公开 > 政策文件
  1. [索引号]11S000/ZK-2018-000034
  2. [有效性] 现行有效
  3. [主题分类] 综合政务/应急管理
  4. [发文机关] 某某区某某镇人民政府
  5. [发文字号] 某镇政字〔2018〕36号
  6. [标题] 某某区某某镇人民政府突发事件应急预案
  7. [成文日期] 2018-06-29
  8. [发布日期] 2018-06-29
  9. [实施日期] 2018-06-29
  10. [失效日期]
【现行有效】某某区某某镇人民政府突发事件应急预案
  • 来源:某某区某某镇人民政府
  • 发布时间:2018-06-29 14:25

某镇政字〔2018〕36号

一、总则

(一)某某镇突发事件的现状、特点和发展趋势

某某镇位于某某区西南部的平原地带,是某某新城规划区的重要组成部分,辖区范围13.06平方公里,存在诸多产生突发事件的社会因素。`);
    expect(d.title).toBe('某某区某某镇人民政府突发事件应急预案');
    expect(d.docNumber?.normalized).toBe('某镇政字〔2018〕36号');
    expect(d.issuers).toEqual(['某某区某某镇人民政府']);
    expect(d.dateSigned).toBe('2018-06-29');
    expect(d.effectiveDate).toBe('2018-06-29');
  });

  for (const tag of ['【现行有效】', '[有效]', '【已废止】']) {
    it(`drops ${tag} before a title that opens with its issuer and has no 关于`, () => {
      const d = one(`${tag}某某县某某镇人民政府森林火灾应急预案

一、总则

(一)编制目的

为有效预防和及时处置森林火灾,最大限度减少森林火灾造成的损失,保障人民群众生命财产安全,结合本镇实际,制定本预案。

某某县某某镇人民政府

2020年1月1日`);
      expect(d.title).toBe('某某县某某镇人民政府森林火灾应急预案');
      expect(d.issuers).toEqual(['某某县某某镇人民政府']);
    });
  }
});

describe("a forum heading: a column tag and an account's `…发布` before the title", () => {
  it('takes the head below, not `[众观天下]某州发布关于…`', () => {
    const d = one(`查看: 927|回复: 1

[众观天下] 某州发布关于禁止在某某水库水域游泳的公告

[复制链接]
发表于 2024-7-25 08:40:59 | 显示全部楼层 |阅读模式 来自: 江苏某州
免责声明:本文仅代表作者个人观点,与某某网无关。其原创性以及文中陈述文字和内容未经本站证实,对本文以及其中全部或者部分内容、文字的真实性、完整性、及时性本站不作任何保证或承诺,请读者仅作参考,并请自行核实相关内容。
关于禁止在某某水库

水域游泳的公告

尊敬的市民、游客朋友:

正值酷暑,持续高温,到水库水域消暑纳凉的群众逐渐增多。为切实做好涉水活动的安全保护工作,预防溺水事故发生,作如下公告:

一、禁止任何市民及游客在水库水域游泳;

特此公告。

某某市某某镇人民政府

2024年7月24日`);
    expect(d.title).toBe('关于禁止在某某水库水域游泳的公告');
    expect(d.issuers).toEqual(['某某市某某镇人民政府']);
  });

  it('keeps an organ that 发布s as part of its title', () => {
    const d = one(`某某市人民政府关于发布某某市基准地价的通知
各区人民政府,市政府各部门:
经市人民政府同意,现将某某市基准地价予以发布,自发布之日起执行,请遵照执行。
某某市人民政府
2020年3月1日`);
    expect(d.title).toBe('某某市人民政府关于发布某某市基准地价的通知');
  });
});
