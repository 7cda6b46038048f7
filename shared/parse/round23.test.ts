import { describe, expect, it } from 'vitest';
import { parsePage as parse } from './test-support';

/**
 * Issue 24, round twenty-three: the class that failed on held-out real texts from new places (test/fixtures/real-holdout
 * h23-01–h23-07, since development texts 680–686), written out as a page of its kind prints it (names made up).
 */

describe('a cited number run into the verb that carries it (`…并通过某政秘〔2021〕9号文予以批复`)', () => {
  it('cites the number without the verb taken into its organ code', () => {
    const [d] = parse(`关于调整河道管理范围的公告
我县对三条河流划定管理范围,方案已报县政府并通过江政秘〔2021〕9 号文予以批复。现予以公告。
江川县水利局
2022年3月1日`);
    expect(d.cites).toEqual(['江政秘〔2021〕9号']);
  });
});

describe('a flattened field list whose 文号 field runs on into the head (`• 文号:某政通告〔2025〕3号 某市人民政府 关于…的通告 来源:…`)', () => {
  it('titles the document by the head after the field\'s number', () => {
    const [d] = parse(
      '• 发布机构:江川市人民政府 • 信息时效期: 2030-06-30 • 公开方式:政府网站 • 文号:江政通告〔2025〕3号 江川市人民政府 关于划定江川市秸秆禁烧区的通告 来源:江川市政府门户网站 日期: 2025-06-30 15:46 浏览量:1 | | | 江政通告〔20253 江川市人民政府 关于划定江川市秸秆禁烧区的通告 为加强秸秆露天禁烧工作,减少大气污染,现将有关事项通告如下。',
    );
    expect(d.title).toBe('江川市人民政府关于划定江川市秸秆禁烧区的通告');
    expect(d.docNumber?.raw).toBe('江政通告〔2025〕3号');
  });
});
