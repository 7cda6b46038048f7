import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round eleven: the classes that failed on held-out real texts from places and sites the development set
 * did not have (test/fixtures/real-holdout h11-01–h11-20, since development texts 350–369), each written out as a page of its kind prints it (names
 * made up).
 */

describe('a signature whose date lost its day (`2021年9月`)', () => {
  const notice = (signers: string, date: string) => `关于某某市重点公路项目施工路段禁行的通告
根据某某市2021年公路建设需要,经市政府批准,对以下道路在通告时间段内进行封闭施工:
1.北平路中修工程,自2021年9月16日起,至2021年12月31日止;上述道路在封闭施工期间禁止非施工车辆和人员通行。请来往车辆和行人经由附近公路绕行,因此造成的不便,敬请谅解。
特此通告。
${signers}
${date}`;

  it('still reads the organs above it as the signers, joined by 、 on one line', () => {
    const d = one(notice('某某市公安局、某某市交通局', '2021年9月'));
    expect(d.issuers).toEqual(['某某市公安局', '某某市交通局']);
    expect(d.dateSigned).toBeNull();
  });

  it('and one organ alone', () => {
    const d = one(notice('某某县交通运输局', '二〇二一年九月'));
    expect(d.issuers).toEqual(['某某县交通运输局']);
    expect(d.dateSigned).toBeNull();
  });

  it('takes no month standing in the body for a signature', () => {
    const d = one(`某某县交通运输局关于公路施工的通告
某某县交通运输局
施工时间:
2021年9月
请过往车辆绕行。
特此通告。
某某县交通运输局
2021年9月3日`);
    expect(d.dateSigned).toBe('2021-09-03');
    expect(d.issuers).toEqual(['某某县交通运输局']);
  });
});

describe('a 领导小组 as an organ: issuer line over the title, signature', () => {
  it('joins `某县推进殡葬改革领导小组` over `关于…的公告` into the title and reads it as the issuer', () => {
    const d = one(`某某县推进殡葬改革领导小组
关于在全县推行全民火化、整顿殡葬市场的公告
为全面落实市、县《关于进一步深化殡葬改革的实施方案》的有关精神,经县推进殡葬改革领导小组研究,特公告如下:
1、凡我县辖区内的所有居民亡故后一律实行火化。
2、开展移风易俗活动,营造厚养薄葬的良好社会风气。
二〇二〇年九月二十九日
来源:某某县民政局`);
    expect(d.title).toBe('某某县推进殡葬改革领导小组关于在全县推行全民火化、整顿殡葬市场的公告');
    expect(d.issuers).toEqual(['某某县推进殡葬改革领导小组']);
    expect(d.dateSigned).toBe('2020-09-29');
  });

  it('reads a 领导小组 that signs', () => {
    const d = one(`关于推行丧事集中办理的通告
为进一步深化殡葬改革,经县人民政府研究,决定推行丧事集中办理,现就有关事项通告如下:
一、违反本通告规定的,由当地政府会同相关部门予以严肃查处。
特此通告!
某某县殡葬改革工作领导小组
2020年7月1日`);
    expect(d.issuers).toEqual(['某某县殡葬改革工作领导小组']);
  });
});

describe('the own 文号 in a pipe-separated metadata row under a spaced label (`文 号 |`)', () => {
  it('reads `| 文 号 | 某政发〔2025〕6号 |` as the own number, not as a cite', () => {
    const d = one(`索引号 | 116108000000000000/2025-00021 | 主题分类 | 林业 |
---|---|---|---|
发布机构 | 某某市人民政府办公室 | 发文日期 | 2025-04-30 |
效力状态 | 有效 | 文 号 | 某政发〔2025〕6号 |
名 称 | 某某市人民政府关于公布古树名木资源补充调查结果的通知 |
各县市区人民政府,市人民政府各工作部门:
为进一步做好古树名木保护工作,现将某某市古树名木资源补充调查结果予以公布。
某某市人民政府
2025年4月30日
(此件公开发布)`);
    expect(d.docNumber?.normalized).toBe('某政发〔2025〕6号');
    expect(d.cites).toEqual([]);
    expect(d.title).toBe('某某市人民政府关于公布古树名木资源补充调查结果的通知');
  });
});

describe('an organ name broken over the title\'s two lines', () => {
  const notice = (l1: string, l2: string) => `${l1}
${l2}
雨季来临,各类野生菌繁殖生长旺盛,食用野生菌中毒事件进入高发期。为切实保障全市人民群众的身体健康和生命安全,现公告如下:
一、广泛宣传,提升意识。各县市区卫健部门要开展全方位的野生菌中毒宣传。
二、加强监测,排除隐患。各县市区卫健部门要实时监测有毒野生菌中毒趋势。`;

  it('joins `某市卫生健康委员` / `会关于…的预警公告`', () => {
    const d = one(notice('某某市卫生健康委员', '会关于预防野生菌中毒的预警公告'));
    expect(d.title).toBe('某某市卫生健康委员会关于预防野生菌中毒的预警公告');
    expect(d.issuers).toEqual(['某某市卫生健康委员会']);
  });

  it('and `某某县人民政` / `府关于…`', () => {
    const d = one(notice('某某县人民政', '府关于预防野生菌中毒的预警公告'));
    expect(d.title).toBe('某某县人民政府关于预防野生菌中毒的预警公告');
    expect(d.issuers).toEqual(['某某县人民政府']);
  });

  it('joins nothing when the title line opens with 关于', () => {
    const d = one(notice('某某市卫生健康委员会', '关于预防野生菌中毒的预警公告'));
    expect(d.title).toBe('某某市卫生健康委员会关于预防野生菌中毒的预警公告');
  });
});
