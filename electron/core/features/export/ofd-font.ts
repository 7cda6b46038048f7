import type { LoadedFont } from './fonts';

/**
 * A standalone TrueType subset for an OFD package. An OFD's TextCode holds Unicode text, so the embedded font must
 * map characters to glyphs itself: fontkit's subsetter (the one the PDF export uses) writes only the tables a PDF
 * needs, without `cmap`, `OS/2`, `name` and `post`. Here the subset gets a `cmap` for exactly the characters drawn
 * (format 4 for the BMP and 12 for all) and the original's `OS/2`, `name` and a version-3 `post`, and the table
 * directory and checksums are written anew.
 */

interface Table {
  tag: string;
  data: Uint8Array;
}

function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(bytes[rec], bytes[rec + 1], bytes[rec + 2], bytes[rec + 3]);
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    out.set(tag, bytes.subarray(offset, offset + length));
  }
  return out;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = data.length % 4 ? new Uint8Array(data.length + 4 - (data.length % 4)) : data;
  if (padded !== data) padded.set(data);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function writeFont(tables: Table[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = tables.length;
  const headerLen = 12 + 16 * n;
  let size = headerLen;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, n * 16 - pow * 16);
  let offset = headerLen;
  let headOffset = -1;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = t.tag.charCodeAt(k);
    if (t.tag === 'head') {
      headOffset = offset;
      // a copy (never a view into the font file, which the PDF export shares): checkSumAdjustment is counted as 0
      t.data = new Uint8Array(t.data);
      new DataView(t.data.buffer, t.data.byteOffset).setUint32(8, 0);
    }
    view.setUint32(rec + 4, checksum(t.data));
    view.setUint32(rec + 8, offset);
    view.setUint32(rec + 12, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** cmap with a (3,1) format 4 subtable for the BMP and a (3,10) format 12 subtable for every character. */
function buildCmap(map: Array<[number, number]>): Uint8Array {
  map.sort((a, b) => a[0] - b[0]);
  // format 4: runs of consecutive code points with consecutive glyphs, then the closing 0xFFFF segment
  const segs: Array<{ start: number; end: number; delta: number }> = [];
  for (const [cp, gid] of map) {
    if (cp > 0xfffe) continue;
    const last = segs[segs.length - 1];
    if (last && cp === last.end + 1 && ((gid - cp) & 0xffff) === last.delta) last.end = cp;
    else segs.push({ start: cp, end: cp, delta: (gid - cp) & 0xffff });
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segX2 = segs.length * 2;
  const f4 = new DataView(new ArrayBuffer(16 + segs.length * 8));
  const pow = 2 ** Math.floor(Math.log2(segs.length));
  f4.setUint16(0, 4);
  f4.setUint16(2, f4.byteLength);
  f4.setUint16(6, segX2);
  f4.setUint16(8, pow * 2);
  f4.setUint16(10, Math.log2(pow));
  f4.setUint16(12, segX2 - pow * 2);
  segs.forEach((s, i) => {
    f4.setUint16(14 + i * 2, s.end);
    f4.setUint16(16 + segX2 + i * 2, s.start);
    f4.setUint16(16 + segX2 * 2 + i * 2, s.delta);
    f4.setUint16(16 + segX2 * 3 + i * 2, 0);
  });
  // format 12: groups of consecutive code points with consecutive glyphs
  const groups: Array<[number, number, number]> = [];
  for (const [cp, gid] of map) {
    const g = groups[groups.length - 1];
    if (g && cp === g[1] + 1 && gid === g[2] + (cp - g[0])) g[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const f12 = new DataView(new ArrayBuffer(16 + groups.length * 12));
  f12.setUint16(0, 12);
  f12.setUint32(4, f12.byteLength);
  f12.setUint32(12, groups.length);
  groups.forEach((g, i) => {
    f12.setUint32(16 + i * 12, g[0]);
    f12.setUint32(20 + i * 12, g[1]);
    f12.setUint32(24 + i * 12, g[2]);
  });
  const head = new DataView(new ArrayBuffer(4 + 2 * 8));
  head.setUint16(2, 2);
  head.setUint16(4, 3);
  head.setUint16(6, 1);
  head.setUint32(8, 20);
  head.setUint16(12, 3);
  head.setUint16(14, 10);
  head.setUint32(16, 20 + f4.byteLength);
  const out = new Uint8Array(20 + f4.byteLength + f12.byteLength);
  out.set(new Uint8Array(head.buffer), 0);
  out.set(new Uint8Array(f4.buffer), 20);
  out.set(new Uint8Array(f12.buffer), 20 + f4.byteLength);
  return out;
}

/** The subset of `font` drawing exactly `codePoints` (those it has glyphs for), as a standalone TrueType file. */
export function subsetForOfd(font: LoadedFont, codePoints: Iterable<number>): Uint8Array {
  // fontkit's types say includeGlyph returns a boolean; it returns the glyph's id in the subset
  const subset = font.font.createSubset() as unknown as { includeGlyph(g: unknown): number; encode(): Uint8Array };
  const map: Array<[number, number]> = [];
  for (const cp of new Set(codePoints)) {
    if (!font.font.hasGlyphForCodePoint(cp)) continue;
    map.push([cp, subset.includeGlyph(font.font.glyphForCodePoint(cp))]);
  }
  const encoded = subset.encode();
  const tables = readTables(new Uint8Array(encoded));
  const original = readTables(font.bytes);
  const list: Table[] = [...tables].map(([tag, data]) => ({ tag, data }));
  list.push({ tag: 'cmap', data: buildCmap(map) });
  for (const tag of ['OS/2', 'name']) {
    const t = original.get(tag);
    if (t) list.push({ tag, data: t });
  }
  const post = original.get('post');
  if (post && post.length >= 32) {
    // version 3: the header alone, without glyph names (which would name the original's glyph ids); a copy, for
    // `post` is a view into the font file shared with the PDF export
    const p3 = new Uint8Array(post.subarray(0, 32));
    new DataView(p3.buffer, p3.byteOffset).setUint32(0, 0x00030000);
    list.push({ tag: 'post', data: p3 });
  }
  return writeFont(list);
}
