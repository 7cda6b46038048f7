import { describe, expect, it } from 'vitest';
import { parseText } from './index';

/**
 * A scanned gazette read by OCR: the contents page prints each entry's page number in a cell of its own (read as a
 * tab), and the first document starts on the next printed page, after the running header. The last contents entry
 * is not part of the first document's title (issue 21: the scanned 招远 issue's eleventh document).
 */
const FRONT = ['某市人民政府公报', '第1号', '某市人民政府主办', '二〇二二年四月七日出版', '某市人民政府公报第1号', '目 录', '市政府文件'];
const ENTRY = ['某市人民政府办公室关于印发某市城乡社区', '服务体系建设规划（2021—2025年）的通知\t89'];
const DOCUMENT = [
  '某市人民政府关于印发《关于加快',
  '黄金深加工产业发展的扶持意见》的通知',
  '（某政发〔2022〕8号）',
  '各镇人民政府，各街道办事处，市政府各部门：',
  '《关于加快黄金深加工产业发展的扶持意见》已经市政府同意，现印发给你们，请认真贯彻执行。',
  '某市人民政府',
  '2022年2月7日',
];
const TITLE = '某市人民政府关于印发《关于加快黄金深加工产业发展的扶持意见》的通知';

const parse = (lines: string[]) => parseText(`${lines.join('\n')}\n`, { file: 'scan', encoding: 'ocr' });

describe('a contents entry right before the first document of a scanned issue', () => {
  it('is not joined to the title across a running header (OCR reads the header without its space)', () => {
    const r = parse([...FRONT, ...ENTRY, '', '某市人民政府公报第1号', ...DOCUMENT]);
    expect(r.documents[0].title).toBe(TITLE);
    expect(r.documents[0].docNumber?.normalized).toBe('某政发〔2022〕8号');
  });

  it('is not joined when the entry, with its page number after a leader, stands right above the title', () => {
    for (const entry of [ENTRY, ['某市人民政府办公室关于印发某市城乡社区', '服务体系建设规划（2021—2025年）的通知……………89']]) {
      const r = parse([...FRONT, ...entry, ...DOCUMENT]);
      expect(r.documents[0].title).toBe(TITLE);
    }
  });

  it('still joins a title broken over lines on the same page', () => {
    const r = parse(['某市人民政府关于印发《关于加快', '', '黄金深加工产业发展的扶持意见》的通知', '（某政发〔2022〕8号）', ...DOCUMENT.slice(3)]);
    expect(r.documents[0].title).toBe(TITLE);
  });
});
