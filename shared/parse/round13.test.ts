import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round thirteen: the classes that failed on held-out real texts from places and sites the development set
 * did not have (test/fixtures/real-holdout h13-01–h13-27, since development texts 430–456), each written out as a page
 * of its kind prints it (names made up).
 */

describe("a portal's validity mark after the title: the file's status on the site, no part of its title", () => {
  const marks = ['(有效)', '(已失效)', '(现行有效)', '(失效)', '（已废止）', '【现行有效】', '[失效]'];

  for (const mark of marks) {
    it(`drops ${mark} from a portal heading over its fields`, () => {
      const d = one(`索引号: 123456789/2022-00424 时效: 现行有效
主题分类 民政 发文日期 2022-07-21
公开方式 主动公开 文号 某政办规〔2022〕4号
某某市人民政府办公室关于印发某某市养老服务实施方案的通知${mark}
  • 某某市人民政府网站
  • 发布日期:2022-08-04
  • 字号:[ ]

各乡镇政府,各有关单位:

经市政府第7次常务会议讨论通过,现将《某某市养老服务实施方案》印发给你们,请认真贯彻执行。

某某市人民政府办公室

2022年7月21日`);
      expect(d.title).toBe('某某市人民政府办公室关于印发某某市养老服务实施方案的通知');
      expect(d.docNumber?.normalized).toBe('某政办规〔2022〕4号');
      expect(d.issuers).toEqual(['某某市人民政府办公室']);
      expect(d.dateSigned).toBe('2022-07-21');
    });

    it(`drops ${mark} from a title over the addressee line`, () => {
      const d = one(`某某市人民政府关于印发某某市智慧政务建设总体实施方案的通知${mark}

各县区人民政府,市政府各部门:

现将《某某市智慧政务建设总体实施方案》印发给你们,请认真贯彻执行。

某某市人民政府

2017年9月27日`);
      expect(d.title).toBe('某某市人民政府关于印发某某市智慧政务建设总体实施方案的通知');
      expect(d.issuers).toEqual(['某某市人民政府']);
    });
  }

  it("keeps a document's own bracket after its title (`(试行)`, `(修订)`, `(第一批)`)", () => {
    for (const own of ['(试行)', '(修订)', '(第一批)']) {
      const d = one(`某某县人民政府关于印发某某县河道管理办法的通知${own}

各乡镇人民政府,县直各单位:

现将《某某县河道管理办法》印发给你们,请认真贯彻执行。

某某县人民政府

2020年5月6日`);
      expect(d.title).toBe(`某某县人民政府关于印发某某县河道管理办法的通知${own}`);
    }
  });
});

describe('a title printed twice around a 文号 that lost its number (`某政发〔2017〕  号`)', () => {
  it('reads one title, not the two joined over the number', () => {
    const d = one(`某某市某某区某某街道办事处关于印发 《某某街道突发事件总体应急预案》的通知

发布时间:2019-12-21 来源:某某区司法局 字体大小:

某政发〔2017〕  号

某某市某某区某某街道办事处关于印发

《某某街道突发事件总体应急预案》的通知

各社区、办,水利所:

《某某街道突发事件总体应急预案》已修订,现印发给你们,请认真遵照执行

             某某市某某区某某街道办事处

               2017年3月20日`);
    expect(d.title).toBe('某某市某某区某某街道办事处关于印发《某某街道突发事件总体应急预案》的通知');
    expect(d.docNumber).toBeNull();
    expect(d.issuers).toEqual(['某某市某某区某某街道办事处']);
    expect(d.dateSigned).toBe('2017-03-20');
  });
});

describe('a bracketed 文号 glued before a heading that names its issuer short (`(某政发〔2016〕21号)区人民政府关于…`)', () => {
  for (const [open, close] of [
    ['(', ')'],
    ['（', '）'],
  ]) {
    it(`takes the number off with both its brackets ${open}…${close}`, () => {
      const heading = `${open}某政发〔2016〕21号${close}区人民政府关于印发某某区全民健身实施计划(2016—2020年)的通知`;
      const d = one(`${heading}
栏目:政策文件 发布时间:2018-12-08
${heading}

各镇人民政府,各街道办事处,区人民政府各部门:

经研究,现将《某某区全民健身实施计划(2016—2020年)》印发给你们,请认真贯彻执行。

某某市某某区人民政府

2016年12月29日`);
      expect(d.title).toBe('区人民政府关于印发某某区全民健身实施计划(2016—2020年)的通知');
      expect(d.docNumber?.normalized).toBe('某政发〔2016〕21号');
      expect(d.issuers).toEqual(['某某市某某区人民政府']);
    });
  }
});

describe('a signing date that lost its 月 and 日 under the organ line (`2026年18`)', () => {
  const order = (date: string) => `某某县人民政府森林防火禁火令

2026年第1号)

鉴于当前天气持续干旱无雨,森林火险等级较高,为有效预防和遏制森林火灾发生,县政府决定在全县范围内严禁一切林区野外用火,请各单位遵照执行。

 某某县人民政府

${date}

(此件主动公开)`;

  for (const [date, iso] of [
    ['2026年18', '2026-01-08'],
    ['2026年1230', '2026-12-30'],
    ['2026年930', '2026-09-30'],
  ]) {
    it(`reads ${date} as ${iso}, the one date its digits make`, () => {
      const d = one(order(date));
      expect(d.title).toBe('某某县人民政府森林防火禁火令');
      expect(d.dateSigned).toBe(iso);
      expect(d.issuers).toEqual(['某某县人民政府']);
    });
  }

  it('reads nothing when the digits make two dates (`2026年111`: 1月11日 or 11月1日)', () => {
    expect(one(order('2026年111')).dateSigned).toBeNull();
  });
});

describe("a forum repost: the date line carries the table's cell border (`二○一○年十二月二日 |`)", () => {
  for (const line of ['二○一○年十二月二日 |', '2010年12月2日|', '| 二○一○年十二月二日 |']) {
    it(`reads the date of ${JSON.stringify(line)}`, () => {
      const d = one(`|
欢迎访问某某网/某某社区网
您需要 登录 才可以下载或查看,没有账号?注册会员
县政办发〔2010〕219号
某某县人民政府办公室
关于撤销某某镇某某社区的通知
各乡镇人民政府,县人民政府各工作部门,各直属机构:
为了进一步整合社区资源,利于管理,便于服务,经某某镇申请,县民政局调查核实,县政府决定,撤销某某镇某某社区。
${line}
|`);
      expect(d.title).toBe('某某县人民政府办公室关于撤销某某镇某某社区的通知');
      expect(d.dateSigned).toBe('2010-12-02');
      expect(d.issuers).toEqual(['某某县人民政府办公室']);
    });
  }
});

describe('a one-line copy whose signature runs into its date and the name of the file offered', () => {
  const line = (tail: string) =>
    `为加强我镇犬类管理,全面维护镇域环境卫生和社会公共秩序,某某镇人民政府依据相关文件精神,起草了《某某市某某区某某镇人民政府关于明确城镇文明养犬治理范围的通知(征求意见稿)》(见附件),现向社会公开征求意见,公开征求意见期限为:2023年4月28日至2023年5月12日,欢迎社会各界通过来信、来电等形式向我镇提出意见建议。附件:某某市某某区某某镇人民政府关于明确城镇文明养犬治理范围的通知(征求意见稿)某某市某某区某某镇人民政府2023年4月28日${tail}`;

  for (const tail of ['某某市某某区某某镇人民政府关于明确城镇文明养犬治理范围的通知(征求意见稿).docx。', '']) {
    it(`reads the organ and the date${tail ? ' before the file name' : ' at the end of the line'}`, () => {
      const d = one(line(tail));
      expect(d.issuers).toEqual(['某某市某某区某某镇人民政府']);
      expect(d.dateSigned).toBe('2023-04-28');
    });
  }

  it('reads no signature from an organ and a date inside a sentence', () => {
    const d = one(
      '为加强犬类管理,某某镇人民政府依据相关文件精神,起草了管理办法,现向社会公开征求意见。经研究,某某县人民政府2023年4月28日印发的《某某办法》继续执行,请遵照执行。',
    );
    expect(d.dateSigned).toBeNull();
    expect(d.issuers).toEqual([]);
  });
});
