import { describe, expect, it } from 'vitest';
import { parseText } from './index';

/**
 * A text wrapped at a fixed width (a PDF's text layer) has its full lines that end mid-sentence joined; a file of many
 * short notices whose titles happen to be as long as each other is no such text (names made up).
 */
const notice = (n: number) =>
  [`某某市人民政府关于印发某某市第${n}号管理办法的通知`, `某政发〔2021〕${n}号`, '各镇人民政府：', `现将《某某市第${n}号管理办法》印发给你们。`, '某某市人民政府', '2021年2月7日'].join('\n');

describe('fixed-width wrapping', () => {
  it('keeps forty notices with titles of one length forty documents, each title over its own 文号', () => {
    const docs = parseText(Array.from({ length: 40 }, (_, i) => notice(i + 100)).join('\n\n'), { file: 'a.txt', encoding: 'utf-8' }).documents;
    expect(docs).toHaveLength(40);
    expect(docs[7].title).toBe('某某市人民政府关于印发某某市第107号管理办法的通知');
    expect(docs[7].docNumber?.normalized).toBe('某政发〔2021〕107号');
  });
});
