import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { newPage } from './harness';

/**
 * ofd.js (Apache-2.0, an OFD renderer written for the browser, independent of NormDesk's reader) run in Chromium:
 * it draws every page of a package as SVG, one <text> per glyph, and we read back what it drew — the characters
 * and where they landed on the rendered page — as lines, top to bottom and left to right.
 */

const OFD_JS = createRequire(import.meta.url).resolve('ofd.js/lib/ofd.umd.min.js');

export interface DrawnGlyph {
  s: string;
  x: number;
  y: number;
  h: number;
  /** where ofd.js drew it: the page (its templates and layers), a signature's seal, or another annotation */
  layer: 'page' | 'seal' | 'annotation';
  /** inside the page's box (ofd.js draws text placed off the page too, outside it) */
  onPage: boolean;
}

export interface OfdViewer {
  /** each page's glyphs as ofd.js drew them, or the error ofd.js gave */
  render(bytes: Uint8Array): Promise<{ pages: DrawnGlyph[][] } | { error: string }>;
  close(): Promise<void>;
}

/**
 * What runs in the page, as plain JavaScript source: a transpiler's helpers (e.g. esbuild's __name) would not
 * exist there. Base64 → ArrayBuffer → ofd.parseOfdDocument → ofd.renderOfd → each <text>'s box on its page.
 */
const IN_PAGE = `async (data) => {
  const bin = atob(data);
  const buf = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
  try {
    const docs = await new Promise((resolve, reject) =>
      window.ofd.parseOfdDocument({ ofd: buf.buffer, success: resolve, fail: (e) => reject(new Error(String(e))) }));
    document.body.innerHTML = '';
    const divs = docs.flatMap((doc) => window.ofd.renderOfd(1000, doc));
    for (const d of divs) document.body.appendChild(d);
    return {
      pages: divs.map((div) => {
        const base = div.getBoundingClientRect();
        return [...div.querySelectorAll('text')].map((t) => {
          const r = t.getBoundingClientRect();
          // page content is drawn straight into the page's div; seals and annotations into a div of their own
          const box = t.closest('div');
          const layer = box === div ? 'page' : box && box.closest('[name=seal_img_div]') ? 'seal' : 'annotation';
          // ofd.js does not clip to the page: text placed off the page is drawn outside its box
          const cx = r.left + r.width / 2;
          const cy = r.top + r.height / 2;
          const onPage = cx >= base.left && cx <= base.right && cy >= base.top && cy <= base.bottom;
          return { s: t.textContent || '', x: r.left - base.left, y: r.bottom - base.top, h: r.height, layer, onPage };
        });
      }),
    };
  } catch (e) {
    return { error: e && e.message ? e.message : String(e) };
  }
}`;

export async function openOfdViewer(browser: Browser): Promise<OfdViewer> {
  let page: Page = await newPage(browser);
  const ready = async () => {
    await page.setContent('<!doctype html><meta charset="utf-8"><body style="margin:0"></body>');
    await page.addScriptTag({ path: OFD_JS });
  };
  await ready();
  return {
    async render(bytes) {
      const b64 = Buffer.from(bytes).toString('base64');
      const run = () => page.evaluate(`(${IN_PAGE})(${JSON.stringify(b64)})`) as Promise<{ pages: DrawnGlyph[][] } | { error: string }>;
      let result: { pages: DrawnGlyph[][] } | { error: string };
      let timer: NodeJS.Timeout | undefined;
      try {
        result = await Promise.race([run(), new Promise<{ error: string }>((r) => (timer = setTimeout(() => r({ error: 'ofd.js 超时' }), 60_000)))]);
      } catch (e) {
        result = { error: e instanceof Error ? e.message : String(e) };
      } finally {
        clearTimeout(timer);
      }
      if ('error' in result) {
        // a page that crashed or hung is replaced, so the next package starts clean
        await page.close().catch(() => undefined);
        page = await newPage(browser);
        await ready();
      }
      return result;
    },
    close: () => page.close(),
  };
}

/** Glyphs drawn on the page itself (not a seal or annotation, not off the page) → lines: baselines within 40 % of the glyph height are one line; lines top down, glyphs left to right. */
export function drawnLines(glyphs: DrawnGlyph[]): string[] {
  const sorted = glyphs.filter((g) => g.s.trim() && g.layer === 'page' && g.onPage).sort((a, b) => a.y - b.y);
  const lines: DrawnGlyph[][] = [];
  for (const g of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(g.y - line[0].y) <= Math.max(g.h, line[0].h) * 0.4) line.push(g);
    else lines.push([g]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x).map((g) => g.s).join(''));
}
