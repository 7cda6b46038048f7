import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round forty's classes (names made up). */

describe('undated signatures', () => {
  it('name in full the organ the title names short', () => {
    const d = onePage(`江川区人民政府关于江川区小学南侧地块项目国有土地上房屋征收决定书
  因公共利益需要,根据《国有土地上房屋征收与补偿条例》的规定,经区人民政府研究,决定对江川区小学南侧地块项目范围内的国有土地上房屋实施征收。
  一、征收范围:详见附件。
附件:征收范围红线图
江川市江川区人民政府
扫一扫在手机上查看当前页面`);
    expect(d.issuers).toEqual(['江川市江川区人民政府']);
  });

  it('leave a note on the seal after the organ\'s name out of it (`(借章)`)', () => {
    const d = onePage(`各镇党委、政府,县级各部门:
  为进一步提高公共服务质量和效率,简化办事环节和手续,现将证明事项和盖章环节清单印发给你们。
附表:江川县证明事项和盖章环节清单
江川县行政审批制度改革工作领导小组办公室(借章)
2017年11月2日`);
    expect(d.issuers).toEqual(['江川县行政审批制度改革工作领导小组办公室']);
    expect(d.dateSigned).toBe('2017-11-02');
  });
});
