import { describe, expect, it } from 'vitest';
import { findDocNumbers, isDocNumberLine, normalizeDocNumber, parseDocNumber } from './docnumber';

describe('parseDocNumber', () => {
  it.each([
    ['招政发〔2022〕8号', '招政发〔2022〕8号', '招政发', 2022, 8],
    ['招政发〔2018〕27 号', '招政发〔2018〕27号', '招政发', 2018, 27],
    ['招政办发〔2022〕7 号', '招政办发〔2022〕7号', '招政办发', 2022, 7],
    ['高政发[2021]1号', '高政发〔2021〕1号', '高政发', 2021, 1],
    ['高政发(2021)1号', '高政发〔2021〕1号', '高政发', 2021, 1],
    ['高政发（2021）01号', '高政发〔2021〕1号', '高政发', 2021, 1],
    ['鲁政办发【2020】9号', '鲁政办发〔2020〕9号', '鲁政办发', 2020, 9],
    ['高\n政发〔2021〕1号', '高政发〔2021〕1号', '高政发', 2021, 1],
    ['  高政任 〔 2021 〕 08 号 ', '高政任〔2021〕8号', '高政任', 2021, 8],
    ['（淄政发〔2020〕13号）', '淄政发〔2020〕13号', '淄政发', 2020, 13],
    ['淄政发〔２０２０〕１３号', '淄政发〔2020〕13号', '淄政发', 2020, 13],
  ])('%s → %s', (raw, normalized, agency, year, serial) => {
    const dn = parseDocNumber(raw);
    expect(dn).toMatchObject({ normalized, agency, year, serial });
    expect(dn?.raw).toBe(raw.trim());
  });

  it.each(['', '号', '招政发〔2022〕号', '招政发2022年8号', '〔2022〕8号', '招政发〔22〕8号', '招政发〔2022〕0号',
    '国土资源部令〔第 53号〕', 'hello', '招政发〔1800〕3号', 'x'.repeat(5000)])('rejects %j', (raw) => {
    expect(parseDocNumber(raw)).toBeNull();
  });

  it('never throws on non-strings', () => {
    expect(parseDocNumber(undefined as unknown as string)).toBeNull();
    expect(normalizeDocNumber(42 as unknown as string)).toBeNull();
  });
});

describe('findDocNumbers', () => {
  it('finds citations with spaces and line breaks inside', () => {
    const text =
      '根据《山东省行政规范性文件清理办法》（鲁司〔2020〕66号）、《淄博市行政规\n\n范性文件管理办法》（淄政发〔2020〕13号）、《高青县行政规范性文件管理办法》（高\n\n政发〔2021〕1号）要求';
    expect(findDocNumbers(text).map((d) => d.normalized)).toEqual(['鲁司〔2020〕66号', '淄政发〔2020〕13号', '高政发〔2021〕1号']);
  });
  it('cuts the agency after verbs running into it', () => {
    expect(findDocNumbers('贯彻落实鲁发电〔2020〕42号文件')[0].agency).toBe('鲁发电');
    expect(findDocNumbers('按照招政发〔2020〕12 号执行')[0].normalized).toBe('招政发〔2020〕12号');
  });
  it('returns raw offsets into the input', () => {
    const text = '见（招政发〔2018〕27 号）同时废止';
    const [d] = findDocNumbers(text);
    expect(text.slice(d.index, d.end)).toBe('招政发〔2018〕27 号');
  });
  it('is fast on a long line without 文号', () => {
    const t0 = Date.now();
    findDocNumbers('〔2021〕'.repeat(200_000) + '政'.repeat(1_000_000));
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('isDocNumberLine', () => {
  it('accepts a bare 文号 line only', () => {
    expect(isDocNumberLine('高政字〔2021〕60号')).toBe(true);
    expect(isDocNumberLine('招政办发〔2022〕7 号')).toBe(true);
    expect(isDocNumberLine('（淄政字〔2021〕48号）要求')).toBe(false);
  });
});
