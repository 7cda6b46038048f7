import { describe, expect, it } from 'vitest';
import { onePage } from './test-support';

/**
 * Organs below a county's bureaus sign notices of their own: a 派出所, a 管理所 or 监督所, a 工作站 or 推广站, a 管理处, a 档案馆, a
 * 红十字会, a 村委会, a 合作社, a 海关, a 气象台, a bank's 支行. Each signs as any organ does (names made up).
 */
describe('an organ of the kinds below a bureau', () => {
  it.each([
    '江川县公安局城关派出所',
    '江川县卫生健康监督所',
    '江川县税务局第一税务所',
    '江川县农业技术推广站',
    '江川县湿地保护管理站',
    '江川风景名胜区管理处',
    '江川县档案馆',
    '江川县红十字会',
    '东门村委会',
    '江川县供销合作社',
    '江川海关',
    '江川县气象台',
    '中国人民银行江川县支行',
    '江川县乡村振兴工作组',
  ])('%s signs a notice', (organ) => {
    const d = onePage(`关于做好冬季安全防范工作的通知
各有关单位:
  为切实做好冬季安全防范工作,保障人民群众生命财产安全,现将有关事项通知如下:
  一、加强巡查,及时消除隐患。
${organ}
2023年12月1日`);
    expect(d.issuers).toEqual([organ]);
    expect(d.dateSigned).toBe('2023-12-01');
  });
});

/**
 * Organs whose kind no suffix list names — a school, a 林场, a 卫生院, a 景区 — still sign under a body's last sentence:
 * a place's name then a unit's, alone over the date. An order's signing official (`市长 某某`) is a person, no organ, and a
 * line of the body left without its full stop is no signature.
 */
describe('a signing organ of a kind no list names', () => {
  const page = (signer: string, last = '  二、加强巡查,及时消除隐患。') => `关于做好冬季安全防范工作的通知
各有关单位:
  为切实做好冬季安全防范工作,保障人民群众生命财产安全,现将有关事项通知如下:
${last}
${signer}
2023年12月1日`;

  it.each(['江川县第一中学', '江川县国有林场', '江川县前卫镇中心卫生院', '江川县星云湖景区'])('%s signs a notice', (organ) => {
    const d = onePage(page(organ));
    expect(d.issuers).toEqual([organ]);
    expect(d.dateSigned).toBe('2023-12-01');
  });

  it('a signing official is no organ', () => {
    expect(onePage(page('江川县县长王某某')).issuers).toEqual([]);
  });

  it('a body line left without its full stop is no organ', () => {
    expect(onePage(page('江川县广大群众', '  二、加强巡查,及时消除隐患,请')).issuers).toEqual([]);
  });
});

/**
 * A long signing organ's name over two lines, broken where a word ends, as a narrow column wraps it: the unit's word alone
 * on the lower line (`人民政府`, `办公室`, `指挥部`) names no organ by itself, and joins the place's line above it.
 */
describe('a signing organ broken before its unit\'s word', () => {
  it.each([
    ['江川县', '人民政府', '江川县人民政府'],
    ['江川县人民政府', '办公室', '江川县人民政府办公室'],
    ['江川县新型冠状病毒感染的肺炎疫情防控应急', '指挥部', '江川县新型冠状病毒感染的肺炎疫情防控应急指挥部'],
    ['云岭市江川区', '人民政府', '云岭市江川区人民政府'],
  ])('%s / %s', (upper, lower, organ) => {
    const d = onePage(`关于做好冬季安全防范工作的通知
各有关单位:
  为切实做好冬季安全防范工作,现将有关事项通知如下:
  一、加强巡查,及时消除隐患。
${upper}
${lower}
2023年12月1日`);
    expect(d.issuers).toEqual([organ]);
    expect(d.dateSigned).toBe('2023-12-01');
  });
});

describe('an organ named with 总站', () => {
  it('joins its joint head', () => {
    const d = onePage(`云岭省公安厅 云岭省商务厅

云岭省体育局 云岭出入境边防检查总站

关于云岭省边境活动“十五禁”

的通告

为加强边境管理,维护边境地区安全和稳定,现将边境管理禁止行为通告如下:`);
    expect(d.issuers).toEqual(['云岭省公安厅', '云岭省商务厅', '云岭省体育局', '云岭出入境边防检查总站']);
  });
});

describe('a village\'s party branch beside its committee', () => {
  it('signs with it', () => {
    const d = onePage(`关于江川村2018年一事一议项目决策听证结果的公示
根据规定,本次听证事项同意票占50%以上,待报镇领导小组审核后实施。
江川镇江川村党总支
江川镇江川村民委员会
2017年9月27日`);
    expect(d.issuers).toEqual(['江川镇江川村党总支', '江川镇江川村民委员会']);
  });
});

/**
 * A title naming before 关于 an organ whose kind the suffix list lacks (a 协调会, a 服务社, a 监测站 of a name of its own): the
 * title's issuer — a head as any, found over its salutation.
 */
describe('an organ of an unlisted kind named in a title', () => {
  it.each(['江川县农机安全协调会', '江川县供销服务社', '江川县“三农”服务团'])('%s', (organ) => {
    const d = onePage(`${organ}关于做好秋季农机安全生产工作的通知
各乡镇:
现将有关事项通知如下。`);
    expect(d.title).toBe(`${organ}关于做好秋季农机安全生产工作的通知`);
    expect(d.issuers).toEqual([organ]);
  });
});
