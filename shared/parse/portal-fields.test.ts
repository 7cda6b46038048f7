import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/**
 * A portal's table of the document's fields above its text, printed in the ways portals print it (the `portal-fields`
 * copy of the development set): labels run into their values on one row, a title label run into a short title, and a
 * row whose last label (发布日期) is left empty before the head. Names made up.
 */

const BODY = `江政办发〔2023〕3号
江川县人民政府办公室
关于做好春节期间安全生产工作的通知
各乡镇人民政府,县政府各部门:
  为切实做好春节期间安全生产工作,确保人民群众生命财产安全,现将有关事项通知如下:
  一、落实安全生产责任。各单位要压实责任,加强巡查。
江川县人民政府办公室
2023年1月10日`;

describe('a row of fields whose labels run into their values', () => {
  it('is read as fields, and the title label run into the title on the next line is no part of the title', () => {
    const d = onePage(`索引号11530421X/2023-00012主题分类综合政务发文机关江川县人民政府办公室发文字号江政办发〔2023〕3号成文日期2023-01-10发布日期2023-01-15
标题江川县人民政府办公室关于做好春节期间安全生产工作的通知
${BODY}`);
    expect(d.title).toBe('江川县人民政府办公室关于做好春节期间安全生产工作的通知');
    expect(d.docNumber?.normalized).toBe('江政办发〔2023〕3号');
    expect(d.issuers).toEqual(['江川县人民政府办公室']);
    expect(d.dateSigned).toBe('2023-01-10');
  });

  it('reads a short title run into its label (`标题通知`) as the title', () => {
    const d = onePage(`索引号11530421X/2023-00013主题分类综合政务发文机关江川县公安局发文字号成文日期2023-12-01
标题通告
通 告
  近期气温回升,江川湖冰面逐渐融化,冰层变薄,为保障人民群众生命安全,防止发生溺水事故,现将有关事项通告如下:
  一、禁止在未开放的冰面上滑冰、行车、垂钓。
江川县公安局
2023年12月1日`);
    expect(d.title).toBe('通告');
    expect(d.issuers).toEqual(['江川县公安局']);
  });

  it('leaves a title line that only opens with a label word as a title', () => {
    const d = onePage(`索引号江川县人民政府关于印发索引号编制规则的通知\n江政发〔2023〕9号\n各乡镇人民政府:\n  现将规则印发给你们,请认真贯彻执行,结合本地实际抓好落实,确保按时完成各项工作任务。\n江川县人民政府\n2023年2月1日`);
    expect(d.docNumber?.normalized).toBe('江政发〔2023〕9号');
  });
});

describe('a row whose last label is left empty', () => {
  it('takes no organ line of the head as the empty posting date', () => {
    const d = onePage(`标题： | 云岭省发展和改革委员会等5部门关于印发特色小镇创建清单的通知 |
主题分类： | 综合政务 | 发布日期： |  |
云岭省发展和改革委员会等5部门
关于印发特色小镇创建清单的通知
云发改规划〔2023〕5号
省直各部门,各市(州)人民政府:
  现将清单印发给你们,请按照国家有关要求做好特色小镇规范健康发展工作。
云岭省发展和改革委员会
云岭省自然资源厅
2023年5月6日`);
    expect(d.title).toBe('云岭省发展和改革委员会等5部门关于印发特色小镇创建清单的通知');
    expect(d.dateSigned).toBe('2023-05-06');
  });
});
