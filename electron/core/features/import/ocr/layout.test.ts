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

  it('reads a contents page row by row: its column of page numbers is not a second column of text', () => {
    const pieces: Piece[] = [];
    for (let i = 0; i < 10; i++) {
      pieces.push(piece(200, 300 + i * 120, 1000, 340 + i * 120, `招远市人民政府关于印发第${i + 1}项办法`));
      pieces.push(piece(200, 350 + i * 120, 900, 390 + i * 120, '的通知'));
      pieces.push(piece(1380, 352 + i * 120, 1420, 388 + i * 120, String(10 * i + 1)));
    }
    expect(columnGutter(pieces, 1654)).toBeNull();
    const lines = layoutPage(pieces, 1654, 2339).map((l) => l.text);
    expect(lines.slice(0, 4)).toEqual(['招远市人民政府关于印发第1项办法', '的通知\t1', '招远市人民政府关于印发第2项办法', '的通知\t11']);
  });

  it('puts a tab before a page number read in the same box as its title, far to the right', () => {
    const chars = [...'的通知'].map((ch, i) => ({ ch, p: 0.99, x: i * 44 })).concat([{ ch: '8', p: 0.99, x: 900 }, { ch: '9', p: 0.99, x: 922 }]);
    const lines = layoutPage([{ box: { x0: 200, y0: 300, x1: 1150, y1: 344, score: 0.9 }, chars }], 1654, 2339);
    expect(lines[0].text).toBe('的通知\t89');
    // digits set closely after the text stay with it (第2022年, 8号)
    const close = [...'印发第8号'].map((ch, i) => ({ ch, p: 0.99, x: i * 44 }));
    expect(layoutPage([{ box: { x0: 200, y0: 300, x1: 440, y1: 344, score: 0.9 }, chars: close }], 1654, 2339)[0].text).toBe('印发第8号');
    // a page number in a box of its own, a little apart at the end of a long contents line
    const long = layoutPage([piece(200, 300, 1330, 344, '规划（2021—2025年）的通知'), piece(1360, 302, 1400, 342, '89')], 1654, 2339);
    expect(long[0].text).toBe('规划（2021—2025年）的通知\t89');
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
