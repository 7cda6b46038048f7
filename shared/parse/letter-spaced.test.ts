import { describe, expect, it } from 'vitest';
import { parseText } from './index';

/**
 * Short lines printed letter by letter (a centred heading or signature, a PDF transcription): `某 某 县 人 民 政 府`,
 * `2 0 2 3 年 5 月 6 日`. Read as words; a wider gap between two organs keeps them two (names made up).
 */
describe('letter-spaced heads and signatures', () => {
  it('reads a letter-spaced signature and date, and two organs set apart by a wider gap', () => {
    const docs = parseText(
      [
        '某 某 市 财 政 局   某 某 市 民 政 局',
        '关于下达2017年自然灾害生活补助资金的通知',
        '某财社〔2017〕12号',
        '各县（区）财政局、民政局：',
        '现将2017年自然灾害生活补助资金下达给你们，请按规定及时拨付使用。',
        '某 某 市 财 政 局      某 某 市 民 政 局',
        '2 0 1 7 年 6 月 1 日',
      ].join('\n'),
      { file: 'page.txt', encoding: 'utf-8' },
    ).documents;
    expect(docs).toHaveLength(1);
    expect(docs[0].issuers).toEqual(['某某市财政局', '某某市民政局']);
    expect(docs[0].dateSigned).toBe('2017-06-01');
  });
});
