import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * A page as a PDF's text layer prints it (issue 24: `score:parse -- --copy wrap-28`, `wrap-40`): every line hard-wrapped
 * after a fixed count of printed characters (GB/T 9704 sets 28 a line; a converter 40), so a paragraph, a title, a 文号 or
 * a signature runs on over the next line. Names made up.
 */

/** Breaks every line after `width` printed characters (spaces not counted), as a text layer read line by line. */
const wrap = (text: string, width: number): string =>
  text
    .split('\n')
    .map((line) => line.trim().replace(new RegExp(`(?:\\s*\\S){${width}}(?=.)`, 'gu'), '$&\n'))
    .join('\n');

const RULES =
  '一、任何单位和个人未经许可，不得在城区范围内燃放烟花爆竹，不得销售、储存烟花爆竹。 二、重大庆典活动需要燃放烟花爆竹的，主办单位应当向当地镇政府和公安机关提出申请，并按照有关规定办理手续。 三、违反本通告规定的，由公安机关依照有关法律法规予以处罚；构成犯罪的，依法追究刑事责任。 四、各镇人民政府、各有关部门要加强宣传教育，引导群众自觉遵守本通告，共同营造安全、文明、祥和的节日氛围。 五、本通告自发布之日起施行。';

describe('a page wrapped at a fixed width', () => {
  it.each([28, 40])('reads a flattened copy wrapped every %i characters as the flattened copy: title, 文号, signature', (width) => {
    const d = one(
      wrap(`某某县人民政府关于春节期间禁止燃放烟花爆竹的通告 某府通〔2019〕2号 为减少城市环境污染，确保人民群众生命财产安全，根据有关法律法规规定，县政府决定春节期间在城区禁止燃放烟花爆竹，现将有关事项通告如下： ${RULES} 某某县人民政府 2019年1月21日`, width),
    );
    expect(d.title).toBe('某某县人民政府关于春节期间禁止燃放烟花爆竹的通告');
    expect(d.docNumber?.normalized).toBe('某府通〔2019〕2号');
    expect(d.issuers).toEqual(['某某县人民政府']);
    expect(d.dateSigned).toBe('2019-01-21');
  });

  it('reads a web page\'s HTML wrapped every 28 characters as the page: its paragraphs apart, the title and 文号 their own', () => {
    const html = `<p style="text-align: center;"><strong>某某市人民政府关于印发某某市居民增收实施方案的通知</strong></p><p style="text-align: center;">某政发〔2018〕13号</p><p>各县（区）人民政府，市政府各部门：</p><p>现将《某某市居民增收实施方案》印发给你们，请结合实际认真组织实施，确保各项措施落到实处，推动全市城乡居民收入持续较快增长。</p><p style="text-align: right;">某某市人民政府</p><p style="text-align: right;">2018年3月27日</p>`;
    const d = one(wrap(html, 28));
    expect(d.title).toBe('某某市人民政府关于印发某某市居民增收实施方案的通知');
    expect(d.docNumber?.normalized).toBe('某政发〔2018〕13号');
    expect(d.dateSigned).toBe('2018-03-27');
  });

  it('joins a salutation the wrap broke before its 、: the notice is no page heading\'s 办法', () => {
    const rules = '关于国有企业改制分流安置富余人员的劳动关系处理办法';
    const d = one(
      wrap(
        [
          rules,
          '',
          '作者:法律资料网 时间:2024-05-12',
          rules,
          '',
          '某某部 某某局',
          '',
          '某部发[2003]21号',
          '',
          '关于印发国有企业改制分流安置富余人员的劳动关系处理办法的通知',
          '',
          '各省、自治区、直辖市劳动和社会保障厅(局)、财政厅(局)、经贸委:',
          '',
          `现将《${rules}》印发给你们,请遵照执行。`,
          '',
          '某某部',
          '',
          '某某局',
          '',
          '二OO三年七月三十一日',
          '',
          rules,
          '',
          '为贯彻落实有关文件精神,切实做好国有企业改制中分流安置富余人员的劳动关系处理等工作,维护职工的合法权益,促进劳动关系的和谐稳定,制定本办法。',
          '一、改制企业要依法处理劳动关系,保障职工的合法权益,妥善安置富余人员,确保社会稳定。',
          '二、改制企业应当与职工依法变更、解除或者终止劳动合同,并按照有关规定支付经济补偿金。',
        ].join('\n'),
        28,
      ),
    );
    expect(d.title).toBe('关于印发国有企业改制分流安置富余人员的劳动关系处理办法的通知');
    expect(d.docNumber?.normalized).toBe('某部发〔2003〕21号');
  });

  it('joins the lines of a short page wrapped at 28 characters: a title after its 文号 runs on over the next line', () => {
    const d = one(
      wrap(
        [
          '某财教〔2017〕6号 某某部 某某局关于进一步做好科研项目资金管理等政策贯彻落实工作的通知',
          '各省、自治区、直辖市财政厅（局）、科技厅（委、局），有关中央管理企业：',
          '为贯彻落实有关科研项目资金管理的政策要求，进一步做好各项政策贯彻落实工作，现就有关事项通知如下：',
          '一、加快制定出台相关管理办法。',
          '某某部 某某局',
          '2017年3月1日',
        ].join('\n'),
        28,
      ),
    );
    expect(d.title.replace(/\s/g, '')).toBe('某某部某某局关于进一步做好科研项目资金管理等政策贯彻落实工作的通知');
    expect(d.docNumber?.normalized).toBe('某财教〔2017〕6号');
  });

  const BODY = [
    '为进一步加强城市道路桥梁设施安全管理，保障人民群众生命财产安全，根据有关法律法规的规定，结合本市实际，现就有关事项通知如下：',
    '一、各县区人民政府要切实履行属地管理责任，组织开展城市道路桥梁设施安全隐患排查整治，建立健全长效管理机制。',
    '二、各有关部门要按照职责分工，加强对城市道路桥梁设施的日常巡查和养护，发现问题及时处置，确保设施安全运行。',
    '三、本通知自印发之日起施行。',
  ];

  it('reads a 文号 the wrap broke inside its issuer code or before its year, in a portal\'s field row or after the title', () => {
    const row = one(wrap(['索引号：00123456/2022-00001 文号：某政办发〔2022〕8号', '某某县人民政府关于加强城市道路桥梁设施安全管理的通知', ...BODY, '某某县人民政府', '2022年1月25日'].join('\n'), 28));
    expect(row.docNumber?.normalized).toBe('某政办发〔2022〕8号');
    // (`…的通知某市府函` over `〔1992〕194号`: a line that ends in 函, a kind word, and is no title printed whole)
    const head = one(wrap(['某某市人民政府关于加强城市道路桥梁设施管理的通知某市府函〔1992〕194号', ...BODY, '某某市人民政府', '1992年12月11日'].join('\n'), 28));
    expect(head.docNumber?.normalized).toBe('某市府函〔1992〕194号');
  });

  it('ends a title printed whole on full lines where it ends: the body under it is no part of it', () => {
    const title = '某某市人民政府关于加强城市道路桥梁设施安全管理工作的实施方案';
    const d = one(wrap([title, ...BODY, '某某市人民政府', '2022年5月30日'].join('\n'), title.length));
    expect(d.title).toBe(title);
  });

  it('runs a title on past a closing quote or bracket its first line ends with', () => {
    const d = one(
      wrap(
        ['某某市人民政府关于印发某某市加快推进“互联网+政务服务”工作暨智慧政务建设总体实施方案的通知', '某政〔2017〕60号', '各县区人民政府，市政府各部门：', ...BODY, '某某市人民政府', '2017年9月27日'].join('\n'),
        28,
      ),
    );
    expect(d.title).toBe('某某市人民政府关于印发某某市加快推进“互联网+政务服务”工作暨智慧政务建设总体实施方案的通知');
  });

  it('cuts a flattened decision the wrap broke as the flattened line: its title, and each amended 规章 with its 令', () => {
    const flat =
      '某某部关于修改和废止部分规章的决定 为了依法保障简政放权、放管结合、优化服务改革措施落实，某某部对规章进行了全面清理。经过清理，某某部决定： 一、对2部规章的部分条款予以修改。(附件1) 二、对1部规章予以废止。(附件2) 本决定自公布之日起施行。    附件:1.某某部决定修改的规章 2.某某部决定废止的规章   附件1 某某部决定修改的规章 一、修改的规章 1.某某基本建设项目管理办法(2004年7月12日某某部令第39号公布)   将第十三条第二款修改为:“地方承担的项目，由省级主管部门评估和审批。” 2.某某安全评价管理办法(2002年1月5日某某部令第8号公布)   将第二十二条修改为:“有检测条件的机构出具的检测报告。”   附件2 某某部决定废止的规章 一、废止的规章 1.某某监督管理规定(2001年3月1日某某部令第5号公布)';
    const d = one(wrap(flat, 28));
    expect(d.title).toBe('某某部关于修改和废止部分规章的决定');
    expect(d.amends).toEqual(
      expect.arrayContaining([
        { title: '某某基本建设项目管理办法', docNumber: '某某部令第39号' },
        { title: '某某安全评价管理办法', docNumber: '某某部令第8号' },
      ]),
    );
  });

  it('reads a portal\'s field row the wrap broke after a label: its value, and the 文号 after it, stay in the row', () => {
    const d = one(
      wrap(
        [
          '标题:某某市防汛防风防旱应急预案',
          '索引号:77429274-8/2021-00017 分  类:应急管理/市场监管、安全生产监管 发文机关:某某市应急管理局 成文日期:2021年10月21日 文 号:某防指〔2021〕2号 发布日期:2021年10月21日',
          '某某市防汛防风防旱应急预案',
          '1 总则',
          '1.1 编制目的 为做好防汛防风防旱工作，保障人民群众生命财产安全，最大限度地减轻灾害损失，制定本预案。',
          ...BODY,
        ].join('\n'),
        28,
      ),
    );
    expect(d.docNumber?.normalized).toBe('某防指〔2021〕2号');
  });
});
