import { describe, expect, it } from 'vitest';
import { onePage as one, parsePage as parse } from './test-support';

/**
 * Issue 24, round twenty-one: the classes that failed on held-out real texts from the southern and eastern provinces
 * (test/fixtures/real-holdout h21-01–h21-22, since development texts 640–661), each written out as a page of its kind prints it (names made up).
 */

describe('a title with its 文号 glued after it (`关于…的公告某府通〔2023〕3号`)', () => {
  it('splits the number off the title as the own 文号, never a citation', () => {
    const d = one(`The Beginning
关于森林防火的公告江府通〔2022〕5号
根据有关规定,我市定于今年冬季开展森林防火专项行动,请广大市民积极配合,严禁野外用火。
江州市人民政府
2022年11月2日`);
    expect(d.title).toBe('关于森林防火的公告');
    expect(d.docNumber?.raw).toBe('江府通〔2022〕5号');
    expect(d.cites).toEqual([]);
  });
});

describe("a news lead that announces the text (`…发布公告称,…。全文如下:`) over a head without 关于", () => {
  it('titles the document by the head under the lead', () => {
    const d = one(`来源:某某日报
记者 张三
5月6日,江川省民政厅发布公告称,全省将于6月开展养老服务补贴集中申领,相关事项已经明确。全文如下:
江川省养老服务补贴集中申领工作公告
为做好全省养老服务补贴申领工作,现将有关事项公告如下:一、申领对象为符合条件的老年人。
特此公告。
江川省民政厅
2022年5月6日`);
    expect(d.title).toBe('江川省养老服务补贴集中申领工作公告');
    expect(d.issuers).toEqual(['江川省民政厅']);
  });
});

describe('two documents on one page: the first titled by its kind word alone (`公 告`), the second a titled 函', () => {
  it('reads both, each with its own signature', () => {
    const docs = parse(`您当前的位置:首页 > 新闻中心 > 网站公告 > 内容
公 告
为增强市民国防观念,经市政府批准,我市定于9月18日上午10时整试鸣防空警报,请广大市民相互转告,听到警报信号后切莫惊慌。
特此公告。
江州市民防局
2016年9月12日
江州市民防局关于发布手机短信公告的函
某某通信公司江州分公司:
根据有关规定,经市政府批准,定于9月18日上午10时整在全市试鸣防空警报信号,请贵公司按照以下内容发布手机短信公告为感。
2016年9月1日`);
    expect(docs.map((d) => [d.title, d.issuers, d.dateSigned])).toEqual([
      ['公告', ['江州市民防局'], '2016-09-12'],
      ['江州市民防局关于发布手机短信公告的函', ['江州市民防局'], '2016-09-01'],
    ]);
  });
});

describe("a portal's news-style heading, the page's one line over an addressee naming no organ (`广大人民群众:`)", () => {
  const page = `当前位置: 主页 > 新闻资讯 > 通知公告
@青山人,9月18日青山将在县城试鸣防空警报

广大人民群众:

  为增强人民群众的国防观念,根据有关规定,县人民政府决定于2022年9月18日在县城试鸣防空警报。试鸣期间请广大群众保持正常生活秩序。

  特此通告

青山县人民政府

2022年9月10日`;

  it('is the title', () => {
    const d = one(page);
    expect(d.title).toBe('@青山人,9月18日青山将在县城试鸣防空警报');
    expect(d.issuers).toEqual(['青山县人民政府']);
  });

  it('never takes a table rule or a sentence for one', () => {
    expect(one(page.replace('@青山人,9月18日青山将在县城试鸣防空警报', '---|---|---|---|')).title).toBe('');
    expect(one(page.replace('@青山人,9月18日青山将在县城试鸣防空警报', '县里决定试鸣防空警报。请大家知悉。')).title).toBe('');
  });
});
