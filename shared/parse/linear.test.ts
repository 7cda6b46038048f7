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

// Issue 26: texts that ran into the import's 120 s limit — every 文号, title or abolished target was checked
// against all earlier ones (a list scan per item). Old code: ~65 s and ~60 s; linear: a few seconds.
describe('parsing stays linear on long lists of 文号 and abolitions', () => {
  const agencies = ['招政办发', '鲁政发', '国办发', '烟政字', '青政办字', '济政发', '莱政办发', '威政发'];
  const number = (i: number) => `${agencies[i % 8]}〔${2000 + (i % 25)}〕${(i % 997) + 1}号`;

  it('100,000 varied 文号 lines (~2 MB) are all cited, each once', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? `根据${number(i)}文件` : i % 3 === 1 ? `（${number(i)}）` : `${number(i)}  第${i}条`));
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(1_500_000);
    const r = parseText(text, { file: 'numbers.txt', encoding: 'utf-8' });
    const cites = r.documents.flatMap((d) => d.cites);
    expect(new Set(cites).size).toBe(cites.length);
    expect(cites.length).toBeGreaterThan(90_000);
  }, 30_000);

  it('50,000 abolition clauses give each abolished document once', () => {
    const lines = ['关于废止部分规范性文件的决定', ''];
    for (let i = 0; i < 50_000; i++) lines.push(`${i + 1}．《关于加强第${i}项管理工作的通知》（${number(i)}）予以废止。`);
    const r = parseText(lines.join('\n'), { file: 'abolish.txt', encoding: 'utf-8' });
    const abolished = r.documents.flatMap((d) => d.abolishes);
    const keys = abolished.map((t) => `${t.title}|${t.docNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(abolished.length).toBeGreaterThan(9_000);
  }, 30_000);
});
