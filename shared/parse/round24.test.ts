import { describe, expect, it } from 'vitest';
import { onePage as one } from './test-support';

/**
 * Issue 24, round twenty-four: the class that failed on held-out real texts from new places (test/fixtures/real-holdout
 * h24-01–h24-23, since development texts 690–712), written out as a page of its kind prints it (names made up).
 */

describe('a portal heading over the document\'s own head whose issuer line is letter-spaced (`关于…` / `某 某 县 人 民 政 府` / `关于…`)', () => {
  const PAGE = (issuerLine: string) => `索引号: | 1234567/2024010300000015 | 发布机构: | |
生效日期: | 2024-01-02 | 废止日期: | |
关于划定县级河湖管理范围的公告
${issuerLine}
关于划定县级河湖管理范围的公告
各乡(镇)人民政府,县政府有关部门:
为加强河湖管理,现公告如下:
一、本公告自印发之日起执行。
江安县人民政府
2023年11月23日`;

  it('titles the document by its head, the spaced issuer line joined — a letterhead\'s spacing is no site\'s issuer field', () => {
    const d = one(PAGE('江 安 县 人 民 政 府'));
    expect(d.title).toBe('江安县人民政府关于划定县级河湖管理范围的公告');
    expect(d.issuers).toEqual(['江安县人民政府']);
    expect(d.dateSigned).toBe('2023-11-23');
  });

  it('keeps a law site\'s unspaced issuer field between its repeated headings out of the title (as before)', () => {
    const d = one(PAGE('江安县人民政府'));
    expect(d.title).toBe('关于划定县级河湖管理范围的公告');
    expect(d.issuers).toEqual(['江安县人民政府']);
  });

  it('keeps it out too when a transcription spaced every short line, the titles with it', () => {
    const spaced = (l: string) => [...l].join(' ');
    const d = one(
      PAGE('江 安 县 人 民 政 府').replace(/^关于划定县级河湖管理范围的公告$/gm, spaced('关于划定县级河湖管理范围的公告')),
    );
    expect(d.title).toBe('关于划定县级河湖管理范围的公告');
  });
});

describe('a portal\'s display window on the posting line (`2025-10-20  有效期:2025-10-20 至 2025-11-201506`)', () => {
  // (a guard for a keying decision, not a fix: the window an announcement module shows the page for, from the day it was
  // posted, its hit count run on — no end of the document's force)
  it('gives the document no 有效期至', () => {
    const d = one(`政务公告
江安县人民政府关于划定禁止开垦陡坡地范围的公告
2025-10-20  有效期:2025-10-20 至 2025-11-201506
为预防水土流失,现将有关事项公告如下:
一、本公告自公布之日起施行。
江安县人民政府
2025年10月17日`);
    expect(d.effectiveDate).toBe('2025-10-17');
    expect(d.validUntil).toBeNull();
  });
});
