import { describe, expect, it } from 'vitest';
import { onePage, parsePage } from './test-support';

/** Held-out round thirty-seven's classes (names made up). */

describe('a letterhead broken over two lines (`某县某镇` / `人民政府文件`)', () => {
  it('names the issuer, though its lower half reads like a gazette\'s section label', () => {
    const d = onePage(`文件类信息公开
江山镇2025—2026年秸秆禁烧与综合利用工作实施方案
发布日期: 2025-11-24

柳江县江山镇

人民政府文件

江政发〔2025〕17号

江山镇2025—2026年秸秆禁烧

与综合利用工作实施方案

  为进一步深入贯彻落实有关要求,深入推进秸秆禁烧管控工作,推动环境空气质量持续改善,结合我镇实际,制定本方案。
  一、工作目标`);
    expect(d.title).toBe('江山镇2025—2026年秸秆禁烧与综合利用工作实施方案');
    expect(d.issuers).toEqual(['柳江县江山镇人民政府']);
  });
});

describe('a signing date run together with its 日 kept (`2022121日`)', () => {
  it('is the one reading on or before the day the page was posted', () => {
    const d = onePage(`江川市江川区人民政府办公室关于印发2022年区政府工作报告目标任务的通知
发布日期:2022-01-21
各镇人民政府、街道办事处,区级各部门:
  2022年《江川区人民政府工作报告》已经区人大会议审议通过,现将报告明确的目标任务分解印发给你们,请认真贯彻执行。
江川市江川区人民政府办公室
2022121日
(此件公开发布)`);
    expect(d.dateSigned).toBe('2022-01-21');
  });
});

describe('a signature printed with its label (`发布单位:`)', () => {
  it('names the organ, even one whose name lost its last glyph in the copy', () => {
    const d = onePage(`江川航道通告〔2023〕6号
来源:江川航道事务中心 发布日期: 2024-05-22
各有关单位、航行船舶:
  根据江川市第二届职工龙舟竞渡赛方案,计划于2024年5月23日18时起至6月1日18时止调整合江套水域航道。
  特此通告。
联系电话:0734-8821829
发布单位:云岭省江川航道事务中
2024年05月23日`);
    expect(d.issuers).toEqual(['云岭省江川航道事务中']);
    expect(d.dateSigned).toBe('2024-05-23');
  });
});

describe('a news page reprinting a 通告 closed by its formula, then a notice with its own head', () => {
  const PAGE = `2023年放假日历表
日前
江川州发布2023年三月街民族节通告
另外
根据《江川州人民政府办公室关于2023年部分节假日安排的通知》
劳动节放假时间为4月29日至5月3日
江川州2023年三月街民族节通告
江川三月好风光。江川州2023年三月街民族节将于5月4日至5月10日在江川市举办,届时将举行赛马大会等群众体育活动。
我们热忱欢迎中外客商、各界人士相约江川,共度民族节日。
特此通告
江川州2023年三月街
民族节工作委员会
江川州人民政府办公室
关于2023年部分节假日安排的通知
各县、市人民政府,州直各委、办、局:
  根据《国务院办公厅关于2023年部分节假日安排的通知》精神,结合我州实际,现将有关事项通知如下:
江川州人民政府办公室
2023年1月5日`;

  it('finds both documents, the first signed by the organ broken over its last two lines', () => {
    const docs = parsePage(PAGE);
    expect(docs.map((d) => d.title)).toEqual(['江川州2023年三月街民族节通告', '江川州人民政府办公室关于2023年部分节假日安排的通知']);
    expect(docs[0].issuers).toEqual(['江川州2023年三月街民族节工作委员会']);
    expect(docs[1].issuers).toEqual(['江川州人民政府办公室']);
  });
});
