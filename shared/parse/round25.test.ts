import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

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
