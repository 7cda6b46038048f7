import { describe, expect, it } from 'vitest';
import { parseText } from './index';

// Issue 14: a text of nothing but 文号 lines took 13 s at 1 MB (each line re-read the growing paragraph).
describe('parsing stays linear on hostile texts', () => {
  const mb = (line: string) => line.repeat(Math.ceil(1_000_000 / line.length));
  it.each([
    ['文号 lines', '某政办发〔2020〕8号\n'],
    ['list rows', '1 关于加强管理的通知 某政发〔2000〕12号\n'],
    ['breadcrumbs', '您的位置：首页 > 政府信息公开 > 文件\n'],
    ['open lines without punctuation', '关于进一步加强和改进某某工作的意见\n'],
  ])('~1 MB of %s parses (within the default test timeout)', (_name, line) => {
    const r = parseText(mb(line), { file: 'big.txt', encoding: 'utf-8' });
    expect(r.documents.length).toBeGreaterThan(0);
  });
});
