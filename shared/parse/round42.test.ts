import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round forty-two's class (names made up). */

describe('a portal\'s list of field values with each bullet on a line of its own', () => {
  const PAGE = `关于表彰2020年度江川镇无偿献血工作优秀集体的决定
打印本页
-
云岭省江川县江川镇人民政府
-
长期公开
-
TH422100120210109
-
2021-08-05 15:22:20
-
2021年08月05日
-
江府发〔2021〕16号
-
产生后20个工作日内
-
各有关部门、单位:
  为大力弘扬无偿献血的人道、博爱、奉献精神,进一步激励全社会关心、支持、参与无偿献血,现决定对以下集体予以表彰。
江川县江川镇人民政府
2021年8月5日`;

  it('gives the 文号, and none of its values is the signature or a cite', () => {
    const d = onePage(PAGE);
    expect(d.docNumber?.normalized).toBe('江府发〔2021〕16号');
    expect(d.issuers).toEqual(['江川县江川镇人民政府']);
    expect(d.dateSigned).toBe('2021-08-05');
    expect(d.cites).toEqual([]);
  });
});
