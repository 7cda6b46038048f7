import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/** Held-out round forty-six's classes (names made up). */

describe('an undated signature with the news site\'s source run onto its line', () => {
  it('still signs', () => {
    const d = onePage(`经云岭州人民政府批准,江川国家级风景名胜区管理局江川沟景区于2011年12月1日起实施封闭式保育。
特此通告
江川国家级风景名胜区管理局 来源:云岭日报`);
    expect(d.issuers).toEqual(['江川国家级风景名胜区管理局']);
  });
});

describe('a title printed alone in 【】 under a news lead', () => {
  it('is the head', () => {
    const d = onePage(`据@江川山景区 消息,每日18:00—次日06:00,所有游客禁止从门禁卡点进入,零公里以上公路段24小时禁止游客步行通过。
温馨提示
【江川山风景名胜区管理委员会关于景区部分步游道在冰雪季禁止夜间游览的通告】
尊敬的游客朋友: 进入冬季,景区部分路段结冰严重,夜间游览存在很大安全隐患,现就有关事项通告如下:
一、禁止夜间游览范围为清音阁至雷洞坪的步游道。`);
    expect(d.title).toBe('江川山风景名胜区管理委员会关于景区部分步游道在冰雪季禁止夜间游览的通告');
  });
});

describe('a notice abolished together with the form it carried', () => {
  it('is one abolished document', () => {
    const d = onePage(`关于启用新版审批基础信息表的通知
各省、自治区、直辖市生态环境厅(局):
我部制定了《建设项目审批基础信息表》,现印发给你们。
《建设项目审批基础信息表》于2021年4月1日启用,《关于启用〈建设项目审批信息表〉的通知》(环办环评函〔2017〕905号)及所附《建设项目审批信息表》同时废止。
生态环境部办公厅
2020年12月21日`);
    expect(d.abolishes).toEqual([{ title: '关于启用〈建设项目审批信息表〉的通知', docNumber: '环办环评函〔2017〕905号' }]);
  });
});
