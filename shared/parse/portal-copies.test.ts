import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/**
 * A government portal's page as a browser saves it or a person copies it whole (issue 24, classes 2, 3 and 6): the page's
 * <title> line (the document's title and the site's name after `_`, `-`, `|` or ` - `) and a breadcrumb above the text,
 * page furniture between the page's copy of the title and the document's own, and navigation links (解读, 上一篇, 下一篇)
 * after it. Names made up.
 */

const NOTICE = `各乡镇人民政府,县政府各部门:
  为切实做好春节期间安全生产工作,确保人民群众生命财产安全,现将有关事项通知如下:
  一、落实安全生产责任。各单位要压实责任,加强巡查。
  二、加强值班值守。严格执行领导带班制度。
江川县人民政府办公室
2023年1月10日`;

/** An untitled 通告 under its kind word. */
const ICE = `  近期气温回升,江川湖冰面逐渐融化,冰层变薄,为保障人民群众生命安全,防止发生溺水事故,根据《中华人民共和国治安管理处罚法》等有关规定,现将有关事项通告如下:
  一、禁止在未开放的冰面上滑冰、行车、垂钓。
  二、本通告自发布之日起施行。
江川县公安局
2023年12月1日`;

describe('a page title: the document\'s title with the site\'s name after it', () => {
  it.each([
    ['_', '江川县人民政府办公室关于做好春节期间安全生产工作的通知_江川县人民政府门户网站'],
    ['-', '江川县人民政府办公室关于做好春节期间安全生产工作的通知-江川县人民政府'],
    [' - ', '江川县人民政府办公室关于做好春节期间安全生产工作的通知 - 江川县政府网'],
    ['|', '江川县人民政府办公室关于做好春节期间安全生产工作的通知|江川县人民政府网站'],
    ['column and site', '江川县人民政府办公室关于做好春节期间安全生产工作的通知_政策文件_江川县人民政府'],
  ])('%s: the site\'s name is no part of the title', (_sep, pageTitle) => {
    const d = onePage(`${pageTitle}
首页 > 政务公开 > 政策文件 > 正文
江川县人民政府办公室关于做好春节期间安全生产工作的通知
${NOTICE}`);
    expect(d.title).toBe('江川县人民政府办公室关于做好春节期间安全生产工作的通知');
    expect(d.issuers).toEqual(['江川县人民政府办公室']);
    expect(d.dateSigned).toBe('2023-01-10');
  });

  it('a title that ends in no kind word keeps the page\'s heading, not the site\'s name', () => {
    const d = onePage(`江川县延长供暖时间至4月15日_江川县人民政府门户网站
首页 > 政务公开 > 通知公告 > 正文
江川县延长供暖时间至4月15日
发布时间:2022-04-02
  根据气温情况,经县政府研究决定,全县城区集中供暖时间延长至2022年4月15日。请各供热单位做好保障工作。`);
    expect(d.title).toBe('江川县延长供暖时间至4月15日');
  });

  it('a 规章 page whose heading runs into its field list reads the title without the site\'s name', () => {
    const d = onePage(`江川县民兵工作实施办法_江川县人民政府门户网站
首页 > 政务公开 > 政策文件 > 正文
江川县民兵工作实施办法制定机关: 江川县人民政府效力级别: 规范性文件时效性: 现行有效公布日期: 1992.03.02
第一条 为加强民兵工作,根据有关法律法规,结合本县实际,制定本办法。
第二条 本办法适用于本县行政区域内的民兵工作。`);
    expect(d.title).toBe('江川县民兵工作实施办法');
  });

  it('a 方案 issued by an untitled notice above it (文号, salutation, signature, then the 方案)', () => {
    const d = onePage(`江川县2022年地质灾害应急预案_江川县人民政府门户网站
首页 > 政务公开 > 政策文件 > 正文
江政办函〔2022〕7号
各乡镇人民政府,县级各部门:
  《江川县2022年地质灾害应急预案》已经县政府同意,现印发你们,请认真贯彻执行。
江川县人民政府办公室
2022年3月25日
江川县2022年地质灾害应急预案
  为建立健全高效有序的防灾和抢险救灾体系,提高全县地质灾害应急反应能力,制定本预案。`);
    expect(d.title).toBe('江川县2022年地质灾害应急预案');
    expect(d.docNumber?.normalized).toBe('江政办函〔2022〕7号');
  });

  it('an untitled 通告: the kind word alone, not the page title run into it', () => {
    const d = onePage(`通告_江川县人民政府门户网站
首页 > 政务公开 > 通知公告 > 正文
通告
${ICE}`);
    expect(d.title).toBe('通告');
    expect(d.issuers).toEqual(['江川县公安局']);
  });

  it('a page whose text prints no title is titled by the page title, without the site\'s name', () => {
    const d = onePage(`江川县人民政府关于禁止燃放烟花爆竹的通告_江川县人民政府门户网站
首页 > 政务公开 > 通知公告 > 正文
  为减少空气污染,保障人民群众生命财产安全,根据《烟花爆竹安全管理条例》,县政府决定,自2024年1月1日起,城区禁止燃放烟花爆竹。
  本通告自2024年1月1日起施行。
江川县人民政府
2023年12月20日`);
    expect(d.title).toBe('江川县人民政府关于禁止燃放烟花爆竹的通告');
  });

  it('a dash inside the title (`(2023-2035年)`) is no separator', () => {
    const d = onePage(`江川县人民政府办公室关于印发江川县生态文明建设规划(2023-2035年)的通知_江川县人民政府门户网站
首页 > 政务公开 > 政策文件 > 正文
江川县人民政府办公室关于印发江川县生态文明建设规划(2023-2035年)的通知
${NOTICE}`);
    expect(d.title).toBe('江川县人民政府办公室关于印发江川县生态文明建设规划(2023-2035年)的通知');
  });
});

describe('the page\'s copy of the title over the document\'s own, furniture between them', () => {
  const TITLE = '江川县人民政府办公室关于做好春节期间安全生产工作的通知';
  it.each([
    ['a toolbar', '• 设为首页\n  • 加入收藏\n  • 无障碍阅读\n  • 长者版\n'],
    ['a share prompt', '用微信扫描二维码\n分享至好友和朋友圈\n\n×\n'],
    ['a column name', '江川新闻网  > > 乡镇网闻  > > 文件政策\n文件政策\n'],
    ['a field row', '索引号 530421/2023-000724 发布机构 人民政府\n文号 公开日期 2023-01-10\n公开范围 面向社会 公开方式 主动公开\n'],
    ['the site\'s links', '江川县政府网 | 市政府门户网站 | 网站无障碍 | 关怀版\n'],
    ['a date', '2023年1月10日 星期二\n'],
  ])('%s between: the title once, the document\'s own', (_what, furniture) => {
    const d = onePage(`${TITLE}\n${furniture}${TITLE}\n江政办发〔2023〕2号\n${NOTICE}`);
    expect(d.title).toBe(TITLE);
    expect(d.docNumber?.normalized).toBe('江政办发〔2023〕2号');
  });

  it('the document\'s own title broken over two lines', () => {
    const d = onePage(`${TITLE}
首页 > 政务公开 > 政策文件
江川县人民政府办公室关于做好
春节期间安全生产工作的通知
${NOTICE}`);
    expect(d.title).toBe(TITLE);
  });

  it('the document\'s own title under its issuer line and over its 文号', () => {
    const d = onePage(`${TITLE}
用微信扫描二维码分享至好友和朋友圈×
江川县人民政府办公室
关于做好春节期间安全生产工作的通知
江政办发〔2023〕2号
${NOTICE}`);
    expect(d.title).toBe(TITLE);
    expect(d.issuers).toEqual(['江川县人民政府办公室']);
    expect(d.docNumber?.normalized).toBe('江政办发〔2023〕2号');
  });

  it('the page\'s copy broken over two lines, the document\'s own on one', () => {
    const d = onePage(`江川县人民政府办公室关于做好
春节期间安全生产工作的通知
•加入收藏•无障碍阅读•长者版
${TITLE}
${NOTICE}`);
    expect(d.title).toBe(TITLE);
  });

  it('a 方案 without a salutation under its heading keeps one title too', () => {
    const d = onePage(`江川县2023年冬季清冰雪工作方案
•加入收藏•无障碍阅读•长者版
江川县2023年冬季清冰雪工作方案
  为做好今冬明春清冰雪工作,保障道路畅通和群众出行安全,结合我县实际,制定本方案。
  一、工作目标。确保主要街路雪停路通。
江川县人民政府办公室
2023年11月1日`);
    expect(d.title).toBe('江川县2023年冬季清冰雪工作方案');
  });
});

describe('navigation links after the text name other pages', () => {
  const LINKS = `
相关解读：《江川县人民政府关于禁止燃放烟花爆竹的通告》政策解读
上一篇：关于做好2023年春节期间安全生产工作的通知
下一篇：江川县人民政府关于印发江川县农村危房改造实施办法的通知
`;

  it('an untitled 通告 is not titled by the previous or the next page', () => {
    const docs = parsePage(`通告
${ICE}
${LINKS}`);
    expect(docs.map((d) => d.title)).toEqual(['通告']);
    expect(docs[0].body.join('\n')).not.toMatch(/上一篇|下一篇|相关解读/);
  });

  it('a titled notice stays one document, its body without the links', () => {
    const docs = parsePage(`江川县人民政府办公室关于做好春节期间安全生产工作的通知
江政办发〔2023〕2号
${NOTICE}
${LINKS}`);
    expect(docs.map((d) => d.title)).toEqual(['江川县人民政府办公室关于做好春节期间安全生产工作的通知']);
    expect(docs[0].body.join('\n')).not.toMatch(/上一篇|下一篇|相关解读/);
  });

  it.each(['上一条', '下一条', '相关链接', '相关阅读', '相关文章', '推荐阅读'])('`%s：…` is no document', (label) => {
    const docs = parsePage(`通告
${ICE}
${label}：江川县人民政府关于印发江川县农村危房改造实施办法的通知`);
    expect(docs.map((d) => d.title)).toEqual(['通告']);
  });

  it('a notice with a page title and the links both', () => {
    const d = onePage(`江川县人民政府关于禁止燃放烟花爆竹的通告_江川县人民政府门户网站
首页 > 政务公开 > 通知公告 > 正文
江川县人民政府关于禁止燃放烟花爆竹的通告
  为减少空气污染,保障人民群众生命财产安全,县政府决定,自2024年1月1日起,城区禁止燃放烟花爆竹。
江川县人民政府
2023年12月20日
${LINKS}`);
    expect(d.title).toBe('江川县人民政府关于禁止燃放烟花爆竹的通告');
  });
});
