import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * A page run onto one line by a copy (issue 24: `score:parse -- --copy flatten`): its lines stand apart by single
 * spaces only. A title that holds 、《》（） is still a line of its own, a bracketed remark before a title is none of
 * it, and two organs of one place heading a joint title stay together (names made up).
 */

const BODY =
  '第一条 为鼓励华侨、港澳同胞来本市投资兴业，促进经济发展，根据国家有关规定，制定本规定。 第二条 本规定适用于华侨、港澳同胞在本市行政区域内的投资活动。 第三条 本规定自发布之日起施行。';

describe('a page flattened onto one line', () => {
  it('takes a title with 、 in it as its own line, not run into the issuer line and the title printed again', () => {
    const d = one(
      `某某市鼓励华侨、港澳同胞投资的规定 作者:法律资料网 时间:2024-07-22 14:39:19 某某市鼓励华侨、港澳同胞投资的规定 某某省某某市人民政府 某某市鼓励华侨、港澳同胞投资的规定 某政令[1997]29号 ${BODY}`,
    );
    expect(d.title).toBe('某某市鼓励华侨、港澳同胞投资的规定');
    expect(d.issuers).toEqual(['某某市人民政府']);
  });

  it('drops a bracketed remark standing before the title', () => {
    const d = one(`某某县人民政府办公室 2023年5月6日 (此件公开发布) 某某县水旱灾害防御应急预案 1 总则 1.1 编制目的 为做好水旱灾害防御工作，保障人民群众生命财产安全，制定本预案。 ${BODY}`);
    expect(d.title).toBe('某某县水旱灾害防御应急预案');
  });

  it('keeps two organs of one place heading a joint title', () => {
    const d = one(
      `某某市财政局 某某市民政局关于下达2017年自然灾害生活补助资金的通知 某财社〔2017〕12号 各县（区）财政局、民政局： 现将2017年自然灾害生活补助资金下达给你们，请按规定使用。 某某市财政局 某某市民政局 2017年6月1日`,
    );
    expect(d.title.replace(/\s/g, '')).toBe('某某市财政局某某市民政局关于下达2017年自然灾害生活补助资金的通知');
    expect(d.issuers).toEqual(['某某市财政局', '某某市民政局']);
  });
});
