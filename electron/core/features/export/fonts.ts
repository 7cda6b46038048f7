import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { AppError } from '../../kernel/errors';
import { FONT_ROLES, type FontRole } from './font-roles';

export { FONT_ROLES, fontReport, substitutionWarnings, type FontRole, type FontRoleInfo } from './font-roles';

/** Order in which other faces are tried when a role's face lacks a character. */
const FALLBACK: FontRole[] = ['body', 'hei', 'kai'];

export interface LoadedFont {
  file: string;
  bytes: Uint8Array;
  font: fontkit.Font;
  /** advance of a code point in 1/1000 em, or null when the face has no glyph for it */
  advance(cp: number): number | null;
}

/**
 * Parsed fonts per absolute path. The files are 10–16 MB each and immutable while the app runs, so they are
 * read and parsed once per process, lazily, and shared by every export (a deliberate process-wide cache).
 */
const fontCache = new Map<string, LoadedFont>();

function loadFont(path: string): LoadedFont {
  const cached = fontCache.get(path);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new AppError('INTERNAL', `缺少字体文件 ${path}，请重新安装 NormDesk`);
  }
  const font = fontkit.create(bytes as Buffer) as fontkit.Font;
  const scale = 1000 / font.unitsPerEm;
  const advances = new Map<number, number | null>();
  const loaded: LoadedFont = {
    file: path,
    bytes,
    font,
    advance(cp) {
      let adv = advances.get(cp);
      if (adv === undefined) {
        adv = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth * scale : null;
        advances.set(cp, adv);
      }
      return adv;
    },
  };
  fontCache.set(path, loaded);
  return loaded;
}

/** The fonts of one export: per-role access plus the fallback used for characters a face lacks. */
export function createFontSet(resourcesDir: string) {
  const dir = join(resourcesDir, 'fonts');
  const byRole = new Map<FontRole, LoadedFont>();
  const get = (role: FontRole): LoadedFont => {
    let f = byRole.get(role);
    if (!f) byRole.set(role, (f = loadFont(join(dir, FONT_ROLES[role].file))));
    return f;
  };
  const resolved = new Map<string, FontRole | null>();
  return {
    get,
    /** The role whose face actually draws `cp`: the asked role, else a fallback face, else null (no glyph anywhere). */
    resolve(role: FontRole, cp: number): FontRole | null {
      if (get(role).advance(cp) !== null) return role;
      const key = `${role}:${cp}`;
      let r = resolved.get(key);
      if (r === undefined) {
        r = FALLBACK.find((other) => other !== role && get(other).advance(cp) !== null) ?? null;
        resolved.set(key, r);
      }
      return r;
    },
  };
}
export type FontSet = ReturnType<typeof createFontSet>;

/**
 * pdf-lib's fontkit interface backed by upstream fontkit 2 (its own fork makes broken CJK subsets). Two gaps are
 * bridged: subsets have `encode()` instead of `encodeStream()`, and `layout()` is replaced by a plain
 * code-point → glyph mapping, because official text needs no shaping and ligatures would break exact copy/paste.
 */
export const fontkitAdapter = {
  create(data: Uint8Array) {
    const loaded = [...fontCache.values()].find((f) => f.bytes === data);
    const font = loaded ? loaded.font : (fontkit.create(data as Buffer) as fontkit.Font);
    const glyphs = new Map<number, fontkit.Glyph>();
    const glyphFor = (cp: number) => {
      let g = glyphs.get(cp);
      if (!g) {
        g = font.glyphForCodePoint(cp);
        glyphs.set(cp, g);
      }
      return g;
    };
    return new Proxy(font, {
      get(target, prop) {
        if (prop === 'layout') {
          return (text: string) => ({ glyphs: Array.from(text, (ch) => glyphFor(ch.codePointAt(0)!)) });
        }
        if (prop === 'createSubset') {
          return () => {
            const subset = target.createSubset();
            return {
              cff: false,
              includeGlyph: (g: fontkit.Glyph | number) => subset.includeGlyph(g as fontkit.Glyph),
              encodeStream() {
                const handlers: Record<string, (arg?: unknown) => void> = {};
                const emitter = {
                  on(event: string, cb: (arg?: unknown) => void) {
                    handlers[event] = cb;
                    if (event === 'error') {
                      try {
                        handlers.data?.(subset.encode());
                        handlers.end?.();
                      } catch (err) {
                        cb(err);
                      }
                    }
                    return emitter;
                  },
                };
                return emitter;
              },
            };
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  },
};
