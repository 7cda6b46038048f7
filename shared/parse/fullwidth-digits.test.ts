import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/**
 * A document typed with full-width digits (a Word file or a portal that writes `２０２３年５月６日` and `〔２０２３〕１２号`):
 * read as the same dates and numbers, and reported as printed (names made up).
 */
const one = (lines: string[]) => onePage(lines.join('\n'));

describe('full-width digits', () => {
  it('reads the 文号, 成文日期, 施行日期 and an abolished number, and reports the number as printed', () => {
    const d = one([
      '某某县人民政府关于印发某某县城市道路管理办法的通知',
      '某政发〔２０２３〕１２号',
      '各乡镇人民政府，县政府各部门：',
      '现将《某某县城市道路管理办法》印发给你们，请认真贯彻执行。本办法自２０２３年６月１日起施行，原《某某县城市道路管理暂行办法》（某政发〔２０１５〕８号）同时废止。',
      '某某县人民政府',
      '２０２３年５月６日',
    ]);
    expect(d.docNumber?.raw).toBe('某政发〔２０２３〕１２号');
    expect(d.docNumber?.normalized).toBe('某政发〔2023〕12号');
    expect(d.dateSigned).toBe('2023-05-06');
    expect(d.effectiveDate).toBe('2023-06-01');
    expect(d.abolishes.map((r) => r.docNumber)).toEqual(['某政发〔2015〕8号']);
  });
});

describe('full-width digits in a 政府令 that abolishes 规章', () => {
  it('reads the order number, the count and every abolished item with its order number', () => {
    const d = one([
      '某某市人民政府令',
      '第１２３号',
      '《某某市人民政府关于废止部分政府规章的决定》已经２０２３年３月１日市人民政府第５次常务会议通过，现予公布，自公布之日起施行。',
      '市长 某某某',
      '２０２３年３月６日',
      '某某市人民政府关于废止部分政府规章的决定',
      '经市人民政府研究，决定废止以下３件政府规章：',
      '１．某某市城市绿化管理办法（２００１年５月８日市人民政府令第４５号公布）',
      '２．某某市户外广告设置管理规定（２００５年９月１日市人民政府令第７８号公布）',
      '３．某某市集贸市场管理办法（１９９８年１月２日市人民政府令第１２号公布）',
    ]);
    expect(d.docNumber?.normalized).toBe('某某市人民政府令第123号');
    expect(d.dateSigned).toBe('2023-03-06');
    expect(d.abolishes.map((r) => r.title)).toEqual([
      '某某市城市绿化管理办法',
      '某某市户外广告设置管理规定',
      '某某市集贸市场管理办法',
    ]);
    expect(d.cleanup?.counts).toEqual({ 废止: 3 });
  });
});
