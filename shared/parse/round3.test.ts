import { describe, expect, it } from 'vitest';
import { parseAsOne, parseText } from './index';

/**
 * Issue 24, round three: the classes that failed on held-out real texts from places and sites the development set
 * did not have (test/fixtures/real-holdout h01–h12), each written out as a page of its kind prints it (names made up).
 */

const parse = (text: string) => parseText(text, { file: 'page.txt', encoding: 'utf-8' }).documents;
const one = (text: string) => {
  const docs = parse(text);
  expect(docs).toHaveLength(1);
  return docs[0];
};

describe('a page printed in traditional characters', () => {
  const PAGE = `某某市人民政府辦公室關于印發《某某市促進消費若干措施》的通知

發布時間:2023-03-15 09:28信息來源:某某市人民政府辦公室

某政辦發〔2023〕9號

某某市人民政府辦公室

關于印發《某某市促進消費若干措施》的通知

各縣市區人民政府,市直機關各單位:

經市人民政府同意,現將《某某市促進消費若干措施》印發給你們,請認真組織實施。

某某市人民政府辦公室

2023年3月15日

某某市促進消費若干措施

為貫徹落實《某某省人民政府辦公廳關于促進消費的通知》(某政辦發〔2022〕4號)文件精神,特制定本措施。
一、擴大消費。對承辦市級消費促進活動的執行單位,給予資金支持。`;

  it('finds the title, its own 文号, the issuer and the cited number, and reports them as printed', () => {
    const d = one(PAGE);
    expect(d.title).toBe('某某市人民政府辦公室關于印發《某某市促進消費若干措施》的通知');
    expect(d.docNumber?.raw).toBe('某政辦發〔2023〕9號');
    // the normalized 文号 is the key that matches the same number printed in simplified characters
    expect(d.docNumber?.normalized).toBe('某政办发〔2023〕9号');
    expect(d.issuers).toEqual(['某某市人民政府辦公室']);
    expect(d.dateSigned).toBe('2023-03-15');
    expect(d.cites).toEqual(['某政办发〔2022〕4号']);
    expect(d.body?.join('')).toContain('擴大消費');
  });

  it('a number line over a title without issuer (`穗府〔2011〕15號` / `關于…的指導意見`) opens the document', () => {
    const d = one(`某府〔2011〕15號
關于進一步加強招商引資的指導意見
各區、縣級市人民政府,市政府各部門、各直屬機構:
為增強我市對國內外資本的吸引力,發揮招商引資在產業轉型升級中的作用,現提出如下指導意見:
一、總體要求`);
    expect(d.title).toBe('關于進一步加強招商引資的指導意見');
    expect(d.docNumber?.raw).toBe('某府〔2011〕15號');
  });

  it('a simplified text that prints a few shared characters (著, 於) is read as it is', () => {
    const d = one(`某某县人民政府关于加强著作权保护工作的通知
某政发〔2021〕3号
各乡镇人民政府：
为加强著作权保护，现就有关事项通知如下：
一、显著提升保护水平。
某某县人民政府
2021年3月1日`);
    expect(d.title).toBe('某某县人民政府关于加强著作权保护工作的通知');
    expect(d.docNumber?.raw).toBe('某政发〔2021〕3号');
  });

  it('parseAsOne reads the same page as printed', () => {
    const r = parseAsOne(PAGE, { file: 'page.txt', encoding: 'utf-8' });
    expect(r?.document.docNumber?.raw).toBe('某政辦發〔2023〕9號');
    expect(r?.document.issuers).toEqual(['某某市人民政府辦公室']);
  });
});

describe('an order numbered per year, `市人民政府1999年第2号令`, in an abolition list', () => {
  it('is the number of the abolished 规章, beside 文号 of the other items', () => {
    const d = one(`各区、县人民政府,市直各单位:
  市人民政府对我市有关城市房屋拆迁补偿安置的文件进行了清理。依据清理结果,市人民政府决定废止《某某市城市房屋拆迁管理办法》等3个文件。
  附件:废止文件目录
  1、《某某市人民政府关于在城市规划区实行统一征地的通知》(某政发[1992]20号,1992年7月28日发文)
  2、《某某市城市房屋拆迁管理办法》(市人民政府1999年第2号令,1999年7月28日发文)
  3、《某某市人民政府关于调整城市房屋拆迁补偿标准的通知》(某政发[2000]6号,2000年3月7日发文)
  二00四年五月二十六日`);
    expect(d.abolishes).toEqual([
      { title: '某某市人民政府关于在城市规划区实行统一征地的通知', docNumber: '某政发〔1992〕20号' },
      { title: '某某市城市房屋拆迁管理办法', docNumber: '市人民政府令第2号' },
      { title: '某某市人民政府关于调整城市房屋拆迁补偿标准的通知', docNumber: '某政发〔2000〕6号' },
    ]);
    expect(d.cites).toEqual([]);
  });
});

describe("a law database's bracketed fields (`【发布文号】` `【发布日期】` `【生效日期】`)", () => {
  it('the 发布日期 of the field block is the 成文日期 of a document whose copy ends before its signature', () => {
    const d = one(`好律师> 法律法规库> 政策参考> 某某省人民政府办公厅关于加强招商引资工作的通知
  • 【发布单位】某某省
  • 【发布文号】某政办发〔2005〕76号
  • 【发布日期】2005-09-06
  • 【生效日期】2005-09-06
  • 【失效日期】--

某某省人民政府办公厅关于加强招商引资工作的通知

(某政办发〔2005〕76号)

各设区市人民政府,省人民政府各工作部门、各直属机构:

近年来,各地、各部门认真贯彻省委省政府关于改善投资环境的各项部署,招商引资工作取得新成效。现就有关事项通知如下:

一、提高对招商引资工作重要性的认识。各级政府要充分认识到招商引资是加快经济社会发展的有效途径,是实`);
    expect(d.dateSigned).toBe('2005-09-06');
    expect(d.effectiveDate).toBe('2005-09-06');
    expect(d.docNumber?.normalized).toBe('某政办发〔2005〕76号');
  });
});

describe("a site's column tag before the title (`「通告」`)", () => {
  it('is not part of the title, and the issuer the title names is found', () => {
    const d = one(`1500字范文 > 「通告」某某自治县人民政府关于严禁露天焚烧农作物秸秆的通告

「通告」某某自治县人民政府关于严禁露天焚烧农作物秸秆的通告

时间:2021-05-13 07:58:25

为切实做好农作物秸秆禁烧和综合利用工作,改善大气环境质量,根据《中华人民共和国大气污染防治法》及有关规定,现就秸秆禁烧事宜通告如下:

在全县范围内禁止任何单位和个人露天焚烧农作物秸秆。

特此通告。

某某自治县人民政府

10月14日`);
    expect(d.title).toBe('某某自治县人民政府关于严禁露天焚烧农作物秸秆的通告');
    expect(d.issuers).toEqual(['某某自治县人民政府']);
  });
});

describe('a title that ends in 令 without being a 政府令 (`…森林防火禁火令`)', () => {
  it('is the title of the document', () => {
    const d = one(`某某县人民政府森林防火禁火令
近期,天气干燥,森林火险等级高,极易引发森林火灾。为有效预防森林火灾发生,县政府决定11月23日至11月29日在全县范围内禁止一切野外用火。违令者按照有关法律法规规定追究相关人员的法律责任。`);
    expect(d.title).toBe('某某县人民政府森林防火禁火令');
    expect(d.issuers).toEqual(['某某县人民政府']);
  });

  it('a 政府令 heading over its number stays the order number, not a title', () => {
    const d = one(`某某市人民政府令
第48号
《某某市人民政府关于废止部分政策性文件的决定》已经2008年9月24日市政府第90次常务会议通过,现予公布,自公布之日起施行。
市长 某某
二○○八年十月十三日
某某市人民政府关于废止部分政策性文件的决定
市政府决定废止下列文件。`);
    expect(d.title).toBe('某某市人民政府关于废止部分政策性文件的决定');
    expect(d.docNumber?.normalized).toBe('某某市人民政府令第48号');
  });
});

describe('a title that names its issuer without the place (`市人民政府办公厅关于…`) under the letterhead', () => {
  it('the issuer is the letterhead’s full name', () => {
    const d = one(`某阳市人民政府办公厅

——————————

某府办函〔2020〕78号

市人民政府办公厅关于印发

某阳市气象灾害应急预案的通知


各区、市、县人民政府,市政府有关工作部门:

《某阳市气象灾害应急预案》已经市政府研究同意,现印发给你们,请抓好贯彻执行。

                                         2020年9月15日`);
    expect(d.title).toBe('市人民政府办公厅关于印发某阳市气象灾害应急预案的通知');
    expect(d.issuers).toEqual(['某阳市人民政府办公厅']);
    expect(d.docNumber?.normalized).toBe('某府办函〔2020〕78号');
  });
});
