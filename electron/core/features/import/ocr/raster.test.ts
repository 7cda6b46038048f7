import { describe, expect, it } from 'vitest';
import { estimateSkew, inkShare, rotateSmall, spreadGutter, turn, type Grey } from './raster';

/** A page of text-like rows: short dark dashes in lines, as a printed page looks from afar. */
function textPage(width: number, height: number, x0 = 100, x1 = width - 100): Grey {
  const data = new Uint8Array(width * height).fill(250);
  for (let y = 120; y < height - 120; y += 40) {
    for (let x = x0; x < x1; x += 26) {
      for (let dy = 0; dy < 20; dy++) for (let dx = 0; dx < 20; dx++) data[(y + dy) * width + x + dx] = 30;
    }
  }
  return { width, height, data };
}

describe('scanned page handling', () => {
  it('finds how far a page was turned when scanned (±5°) and straightens it', () => {
    const page = textPage(1000, 1400);
    for (const angle of [-4, -1.5, 0.6, 3]) {
      const skewed = rotateSmall(page, -angle);
      expect(Math.abs(estimateSkew(skewed) - angle), `${angle}°`).toBeLessThan(0.2);
      const straight = rotateSmall(skewed, estimateSkew(skewed));
      expect(Math.abs(estimateSkew(straight))).toBeLessThan(0.2);
    }
  });

  it('tells a blank page from a printed one', () => {
    const blank: Grey = { width: 800, height: 1100, data: new Uint8Array(800 * 1100).fill(245) };
    expect(inkShare(blank)).toBe(0);
    expect(inkShare(textPage(800, 1100))).toBeGreaterThan(0.05);
  });

  it('splits a two-page spread at its gutter, and leaves a single page alone', () => {
    const width = 2000;
    const spread = textPage(width, 1400, 80, 900);
    const right = textPage(width, 1400, 1100, 1920);
    for (let i = 0; i < spread.data.length; i++) spread.data[i] = Math.min(spread.data[i], right.data[i]);
    const gutter = spreadGutter(spread);
    expect(gutter).not.toBeNull();
    expect(gutter!).toBeGreaterThan(900);
    expect(gutter!).toBeLessThan(1100);
    expect(spreadGutter(textPage(1000, 1400))).toBeNull();
  });

  it('turns by quarter turns and back without losing a pixel', () => {
    const page = textPage(300, 200);
    page.data[5] = 0;
    expect(turn(turn(page, 1), 3)).toEqual(page);
    expect(turn(turn(page, 2), 2)).toEqual(page);
    expect(turn(page, 1).width).toBe(200);
  });
});
