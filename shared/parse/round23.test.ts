import { describe, expect, it } from 'vitest';
import { parseText } from './index';

/**
 * Issue 24, round twenty-three: the class that failed on held-out real texts from new places (test/fixtures/real-holdout
 * h23-01–h23-07, since development texts 680–686), written out as a page of its kind prints it (names made up).
 */

const parse = (text: string) => parseText(text, { file: 'page.txt', encoding: 'utf-8' }).documents;

describe('a cited number run into the verb that carries it (`…并通过某政秘〔2021〕9号文予以批复`)', () => {
  it('cites the number without the verb taken into its organ code', () => {
    const [d] = parse(`关于调整河道管理范围的公告
我县对三条河流划定管理范围,方案已报县政府并通过江政秘〔2021〕9 号文予以批复。现予以公告。
江川县水利局
2022年3月1日`);
    expect(d.cites).toEqual(['江政秘〔2021〕9号']);
  });
});
