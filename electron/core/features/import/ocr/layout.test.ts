import { describe, expect, it } from 'vitest';
import { columnGutter, layoutPage, type Piece } from './layout';

/** A recognised box with its text, each character read with probability p. */
const piece = (x0: number, y0: number, x1: number, y1: number, text: string, p = 0.99): Piece => ({
  box: { x0, y0, x1, y1, score: 0.9 },
  chars: [...text].map((ch) => ({ ch, p })),
});

describe('reading order of a scanned page', () => {
  it('reads a two-column gazette page column by column, with the full-width title first', () => {
    const pieces: Piece[] = [piece(200, 100, 1400, 160, '招远市人民政府关于印发某某办法的通知')];
    for (let i = 0; i < 8; i++) {
      pieces.push(piece(100, 300 + i * 60, 760, 340 + i * 60, `左栏第${i + 1}行`));
      pieces.push(piece(860, 300 + i * 60, 1520, 340 + i * 60, `右栏第${i + 1}行`));
    }
    expect(columnGutter(pieces.slice(1), 1654)).not.toBeNull();
    const lines = layoutPage(pieces, 1654, 2339).map((l) => l.text);
    expect(lines[0]).toBe('招远市人民政府关于印发某某办法的通知');
    expect(lines.slice(1, 9)).toEqual(Array.from({ length: 8 }, (_, i) => `左栏第${i + 1}行`));
    expect(lines.slice(9)).toEqual(Array.from({ length: 8 }, (_, i) => `右栏第${i + 1}行`));
  });

  it('keeps a one-column page in line order and puts table cells apart by a tab', () => {
    const lines = layoutPage(
      [
        piece(100, 300, 1500, 340, '各镇人民政府，各街道办事处：'),
        piece(100, 400, 200, 440, '序号'),
        piece(400, 402, 800, 442, '文件名称'),
        piece(1100, 399, 1300, 439, '文号'),
        piece(100, 460, 200, 500, '1'),
        piece(400, 461, 900, 501, '关于某某的通知'),
        piece(1100, 459, 1400, 499, '招政发〔2018〕27号'),
      ],
      1654,
      2339,
    );
    expect(lines.map((l) => l.text)).toEqual(['各镇人民政府，各街道办事处：', '序号\t文件名称\t文号', '1\t关于某某的通知\t招政发〔2018〕27号']);
    expect(lines[1].confidence).toHaveLength([...lines[1].text].length);
  });

  it('names page numbers and running headers, in the form the parser drops', () => {
    const lines = layoutPage(
      [piece(500, 60, 1100, 110, '招远市人民政府公报2022年第1期'), piece(100, 400, 1500, 440, '正文一行。'), piece(1300, 2080, 1420, 2120, '一3一', 0.7)],
      1654,
      2339,
    );
    expect(lines.map((l) => [l.text, l.role])).toEqual([
      ['招远市人民政府公报2022年第1期', 'header'],
      ['正文一行。', 'body'],
      ['— 3 —', 'footer'],
    ]);
  });
});
