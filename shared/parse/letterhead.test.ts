import { describe, expect, it } from 'vitest';
import { parsePage as parse } from './test-support';

/**
 * GB/T 9704's 发文机关标志 (`某某县人民政府文件`) and 文号 above a document's head, as its Word original prints them
 * (score:parse's `letterhead` copy of the development set; names made up).
 */
describe('a letterhead and 文号 over the head', () => {
  it('an ordinary notice: the letterhead is no part of its 文号 or title, and names its issuer', () => {
    const [d] = parse(`开川县人民政府文件

开政通〔2024〕1号

开川县人民政府关于加强森林防火工作的通告

为加强森林防火工作，特通告如下。
开川县人民政府
2024年5月6日`);
    expect(d.title).toBe('开川县人民政府关于加强森林防火工作的通告');
    expect(d.docNumber?.raw).toBe('开政通〔2024〕1号');
    expect(d.issuers).toEqual(['开川县人民政府']);
  });

  it('an order an organ issues in its own name (`某县人民政府禁火令`) keeps its title and number', () => {
    const [d] = parse(`长川县人民政府文件

长县政发〔2022〕6号

长川县人民政府禁火令

为加强森林防火，特发布禁火令如下。
长川县人民政府
2022年5月6日`);
    expect(d.title).toBe('长川县人民政府禁火令');
    expect(d.docNumber?.raw).toBe('长县政发〔2022〕6号');
  });

  it('an attachment under the signature printed with its own letterhead and number: titled by the attachment alone', () => {
    const [d] = parse(`各镇人民政府，县级各部门：
《邻川县2022年突发性地质灾害应急预案》已经县政府同意，现印发你们，请认真贯彻执行。
邻川县人民政府办公室
2022年3月25日
邻川县人民政府办公室文件

邻府办函〔2022〕7号

邻川县2022年突发性地质灾害应急预案
为建立健全高效有序的防灾和抢险救灾体系，特制定本预案。`);
    expect(d.title).toBe('邻川县2022年突发性地质灾害应急预案');
  });
});
