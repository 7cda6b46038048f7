import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round forty-one's class (names made up). */

describe('an undated signature over a content site\'s footer', () => {
  it('signs the notice, the site\'s name, link and rule after it no part of the text', () => {
    const d = onePage(`关于禁止在体育广场上空飞无人机和燃放孔明灯等飞行器的公告
  根据《中华人民共和国飞行基本规则》等有关规定,2020年12月12日我县在江川县体育广场举行公益答谢赛,现公告如下:
  一、自2020年12月12日12时至24时止,体育广场区域为临时空中限制区。
  二、对不遵守临时空中限制规定,扰乱公共秩序的,将依法追究相关责任人的法律责任。
                                                江川县公安局

中国通航网 www.example.cn
本文链接地址:江川县12月12日这个区域禁飞无人机
------分隔线----------------------------`);
    expect(d.issuers).toEqual(['江川县公安局']);
    expect(d.dateSigned).toBeNull();
  });
});
