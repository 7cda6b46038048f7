import { describe, expect, it } from 'vitest';
import { onePage as one, parsePage as parse } from './test-support';

/**
 * Issue 24, round twenty-five: the classes that failed on held-out real texts from new places (test/fixtures/real-holdout
 * h25-01–h25-07, since development texts 713–719), each written out as a page of its kind prints it (names made up).
 */

describe('a head broken over two lines whose end lost the last characters of its kind word (`…的通`), over the salutation', () => {
  const PAGE = (upper: string, lower: string) => `您当前的位置是:首页 > 政务公开 > 政策文件
江府办函〔2021〕9号江口县2021年防汛抗旱应急方案
  • 文号: 江府办函〔2021〕9号
  • 信息名称: 江府办函〔2021〕9号江口县2021年防汛抗旱应急方案
江府办函〔20219
${upper}
${lower}
各乡镇人民政府,县政府各有关部门:
《江口县2021年防汛抗旱应急方案》已经县人民政府研究同意,现印发给你们,请认真遵照执行。
江口县人民政府办公室
2021427
江口县2021年防汛抗旱应急方案
为切实做好我县2021年度防汛工作,制定本方案。`;

  it('is the head, read as printed — not the attached 方案\'s name under the signature', () => {
    const d = one(PAGE('江口县人民政府办公室关于印发江口县2021', '年防汛抗旱应急方案的通'));
    expect(d.title).toBe('江口县人民政府办公室关于印发江口县2021年防汛抗旱应急方案的通');
    expect(d.docNumber?.raw).toBe('江府办函〔2021〕9号');
    expect(d.issuers).toEqual(['江口县人民政府办公室']);
    expect(d.dateSigned).toBe('2021-04-27');
  });

  it('also when the head lost its place name too (`县人民政府办公室关于…`): the issuer is the signature\'s full name', () => {
    const d = one(PAGE('县人民政府办公室关于印发江口县2021', '年防汛抗旱应急方案的通'));
    expect(d.title).toBe('县人民政府办公室关于印发江口县2021年防汛抗旱应急方案的通');
    expect(d.issuers).toEqual(['江口县人民政府办公室']);
  });

  it('the same head printed whole is read as before', () => {
    const d = one(PAGE('江口县人民政府办公室关于印发江口县2021', '年防汛抗旱应急方案的通知'));
    expect(d.title).toBe('江口县人民政府办公室关于印发江口县2021年防汛抗旱应急方案的通知');
  });
});

describe('a page heading over two 通告 addressed to the public (`广大群众:`), the second after the first one\'s signature', () => {
  const PAGE = `关于暂停甲庄、乙村、丙山集镇 赶集日的通告
关于暂停甲庄、乙村、丙山集镇
赶集日的通告
关于暂停甲庄集镇“赶集日”的通告
全镇广大群众、商户:
为有效应对当前疫情形势,避免人员聚集,现将有关事项通告如下:
一、自2021年12月28日零时起,暂停甲庄集镇“赶集日”。
望广大群众、商户自觉遵守,感谢大家的支持与配合!
中共甲庄镇委员会
甲庄镇人民政府
2021年12月28日
关于暂停乙村集镇“赶集日”的通告
广大群众:
为全力做好疫情防控工作,有效避免人群聚集,经研究决定暂停乙村集镇“赶集日”。`;

  it('reads the two 通告, each titled by its own head; the heading naming three places is no document', () => {
    const docs = parse(PAGE);
    expect(docs.map((d) => d.title)).toEqual(['关于暂停甲庄集镇“赶集日”的通告', '关于暂停乙村集镇“赶集日”的通告']);
    expect(docs[0].issuers).toEqual(['中共甲庄镇委员会', '甲庄镇人民政府']);
    expect(docs[0].dateSigned).toBe('2021-12-28');
    expect(docs[1].issuers).toEqual([]);
    expect(docs[1].dateSigned).toBeNull();
  });

  it('a single 通告 to the public (`广大市民朋友们:`, `全市机动车车主及驾驶人:`) reads as it did before', () => {
    for (const salutation of ['广大市民朋友们:', '全市机动车车主及驾驶人:', '尊敬的市民、广大驾驶员:']) {
      const d = one(`首页 > 通知公告
关于城区禁止燃放烟花爆竹的通告
${salutation}
为保障公共安全,现就有关事项通告如下:
一、城区全域禁止燃放烟花爆竹。
江口县公安局
2022年1月5日`);
      expect(d.title).toBe('关于城区禁止燃放烟花爆竹的通告');
      expect(d.issuers).toEqual(['江口县公安局']);
    }
  });
});

describe('a 预警 bulletin flattened onto one line: series masthead, organs with the date among them, a warning level as the head', () => {
  const PAGE = `江海市森林高火险预警
江海市森林高火险预警 2022第9期 江海市森林防灭火指挥部办公室、2022年9月30日 江海市自然资源和规划局、 江海市气象局 森林火险黄色预警 各镇人民政府、街道办事处、市森林防灭火指挥部成员单位: 江海市森林防灭火指挥部办公室、江海市自然资源和规划局、江海市气象局2022年9月30日15时50分继续联合发布森林火险气象风险黄色预警:预计未来三天我市持续晴好,空气干燥,森林火险气象风险等级偏高,请各镇(街道)继续加强火源管理,严禁一切林内用火。 |
打印本页 关闭窗口 |`;

  it('titles it by the warning level, issued by the masthead\'s organs on the masthead\'s date', () => {
    const d = one(PAGE);
    expect(d.title).toBe('森林火险黄色预警');
    expect(d.issuers).toEqual(['江海市森林防灭火指挥部办公室', '江海市自然资源和规划局', '江海市气象局']);
    expect(d.dateSigned).toBe('2022-09-30');
    expect(d.docNumber).toBeNull();
  });
});
