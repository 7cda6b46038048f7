import { constants, inflateSync } from 'node:zlib';
import { AppError } from '../../kernel/errors';
import { mb } from './limits';

/**
 * What a PDF's streams inflate to, measured before pdf.js reads any of them (issue 26): a 1 MB file whose page
 * content inflates to 1 GB took the parse to 2.2 GB, outside the worker's heap limit (pdf.js keeps decoded
 * streams in array buffers). Every stream pdf.js may decode to extract text (page contents, forms, fonts,
 * object and xref streams — not images, which text extraction never decodes) is decoded here through its filter
 * chain with the bytes it may produce bounded, per stream and for the file; a stream that would pass a bound is
 * refused at that bound, without producing more. Streams this cannot read (encrypted, damaged) are left to
 * pdf.js, under the parse host's memory watch.
 */

export interface PdfStreamLimits {
  /** bytes one stream may inflate to */
  maxPdfStreamBytes: number;
  /** bytes all of a file's streams may inflate to together */
  maxPdfInflatedBytes: number;
}

class TooLarge extends Error {}

const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF']);

/** The filter names of a stream dictionary, in order (`/Filter /FlateDecode` or `/Filter [/A85 /Fl]`). */
function filters(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((x) => x[1]);
}

function inflate(data: Uint8Array, budget: number): Uint8Array {
  try {
    // SYNC_FLUSH: a truncated stream gives what it holds (as pdf.js reads it) instead of an error
    return inflateSync(data, { maxOutputLength: budget + 1, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    return new Uint8Array(); // damaged: pdf.js gets no more out of it than an error
  }
}

/** LZWDecode (codes of 9–12 bits, early change), stopping past `budget` bytes; the table as prefix links. */
function lzw(data: Uint8Array, budget: number, earlyChange = 1): Uint8Array {
  const prefix = new Int32Array(4096).fill(-1);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const first = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    length[i] = 1;
    first[i] = i;
  }
  let next = 258;
  let width = 9;
  let prev = -1;
  let out = new Uint8Array(Math.min(budget + 1, Math.max(1024, data.length * 4)));
  let o = 0;
  const room = (n: number) => {
    if (o + n > budget) throw new TooLarge();
    if (o + n <= out.length) return;
    const bigger = new Uint8Array(Math.min(budget, Math.max(out.length * 2, o + n)));
    bigger.set(out.subarray(0, o));
    out = bigger;
  };
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < data.length; i++) {
    acc = ((acc << 8) | data[i]) & 0xffffff;
    bits += 8;
    while (bits >= width) {
      const code = (acc >> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      if (code === 256) {
        next = 258;
        width = 9;
        prev = -1;
        continue;
      }
      if (code === 257) return out.subarray(0, o);
      let entry = code;
      let tail = -1; // the KwKwK case: the code being defined, its last byte the first of the previous
      if (code >= next || (code > 257 && length[code] === 0)) {
        if (prev < 0 || code !== next) return out.subarray(0, o);
        entry = prev;
        tail = first[prev];
      }
      const n = length[entry] + (tail >= 0 ? 1 : 0);
      room(n);
      for (let c = entry, k = o + length[entry] - 1; c >= 0 && k >= o; c = prefix[c], k--) out[k] = suffix[c];
      if (tail >= 0) out[o + n - 1] = tail;
      const head = out[o];
      o += n;
      if (prev >= 0 && next < 4096) {
        prefix[next] = prev;
        suffix[next] = head;
        length[next] = length[prev] + 1;
        first[next] = first[prev];
        next++;
      }
      prev = code;
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
  }
  return out.subarray(0, o);
}

/** RunLengthDecode, stopping past `budget` bytes. */
function runLength(data: Uint8Array, budget: number): Uint8Array {
  let size = 0;
  for (let i = 0; i < data.length; ) {
    const n = data[i];
    if (n === 128) break;
    size += n < 128 ? n + 1 : 257 - n;
    i += n < 128 ? n + 2 : 2;
  }
  if (size > budget) throw new TooLarge();
  const out = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i < data.length && o < size; ) {
    const n = data[i];
    if (n < 128) {
      out.set(data.subarray(i + 1, i + 2 + n), o);
      o += n + 1;
      i += n + 2;
    } else {
      out.fill(data[i + 1] ?? 0, o, o + 257 - n);
      o += 257 - n;
      i += 2;
    }
  }
  return out;
}

/** ASCIIHexDecode and ASCII85Decode: never larger than their input. */
function asciiHex(data: Uint8Array): Uint8Array {
  const hex = Buffer.from(data).toString('latin1').replace(/>.*$/s, '').replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

function ascii85(data: Uint8Array): Uint8Array {
  const s = Buffer.from(data).toString('latin1').replace(/~>.*$/s, '').replace(/\s+/g, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const d of group) v = v * 85 + d;
    for (let k = 0; k < n; k++) out.push((v >>> (24 - 8 * k)) & 0xff);
    group = [];
  };
  for (const ch of s) {
    if (ch === 'z' && group.length === 0) out.push(0, 0, 0, 0);
    else {
      const d = ch.charCodeAt(0) - 33;
      if (d < 0 || d > 84) break;
      group.push(d);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return Uint8Array.from(out);
}

/** Bytes of a stream decoded through the filters this reader knows, each step bounded by `budget`; null past it. */
export function decodedLength(data: Uint8Array, names: string[], budget: number, dict = ''): number | null {
  try {
    return decode(data, names, dict, budget);
  } catch (err) {
    if (err instanceof TooLarge) return null;
    throw err;
  }
}

function decode(data: Uint8Array, names: string[], dict: string, budget: number): number {
  let cur = data;
  for (const name of names) {
    if (name === 'FlateDecode' || name === 'Fl') cur = inflate(cur, budget);
    else if (name === 'LZWDecode' || name === 'LZW') cur = lzw(cur, budget, /\/EarlyChange\s+0/.test(dict) ? 0 : 1);
    else if (name === 'RunLengthDecode' || name === 'RL') cur = runLength(cur, budget);
    else if (name === 'ASCIIHexDecode' || name === 'AHx') cur = asciiHex(cur);
    else if (name === 'ASCII85Decode' || name === 'A85') cur = ascii85(cur);
    else break; // Crypt or unknown: pdf.js decides
    if (cur.length > budget) throw new TooLarge();
  }
  return cur.length;
}

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

/** Each stream of the file: its dictionary text and its data (found by keyword, as a damaged file needs). */
function* streams(buf: Buffer): Generator<{ dict: string; data: Uint8Array }> {
  let pos = 0;
  for (;;) {
    const at = buf.indexOf(STREAM, pos);
    if (at < 0) return;
    pos = at + STREAM.length;
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = pos;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    if (start === pos) continue; // `stream` inside some other word
    const from = Math.max(0, at - 4096);
    const before = buf.toString('latin1', from, at);
    const open = before.lastIndexOf(' obj');
    const dict = before.slice(open >= 0 ? open : 0);
    if (!dict.includes('>>')) continue;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let end = length ? start + Number(length[1]) : -1;
    if (end < 0 || end > buf.length || buf.indexOf(END, end) !== buf.indexOf(END, start) || buf.indexOf(END, end) - end > 4) {
      end = buf.indexOf(END, start);
      if (end < 0) end = buf.length;
    }
    pos = end;
    yield { dict, data: buf.subarray(start, end) };
  }
}

/** Refuses a PDF whose streams inflate past a bound (per stream or together), naming the bound, in Chinese. */
export function checkPdfStreams(bytes: Uint8Array, limits: PdfStreamLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const { dict, data } of streams(buf)) {
    const names = filters(dict);
    if (names.length === 0 || /\/Subtype\s*\/Image\b/.test(dict) || names.some((n) => IMAGE_FILTERS.has(n))) {
      total += data.length;
      continue;
    }
    const left = limits.maxPdfInflatedBytes - total;
    const budget = Math.min(limits.maxPdfStreamBytes, left);
    try {
      total += decode(data, names, dict, budget);
    } catch (err) {
      if (!(err instanceof TooLarge)) throw err;
      if (budget === limits.maxPdfStreamBytes) {
        throw new AppError('INVALID_INPUT', `PDF 中有数据流解压后超过 ${mb(limits.maxPdfStreamBytes)} 的上限（可能是恶意构造的压缩炸弹），已拒绝`);
      }
      throw new AppError('INVALID_INPUT', `PDF 的数据流解压后共超过 ${mb(limits.maxPdfInflatedBytes)} 的上限（可能是恶意构造的压缩炸弹），已拒绝`);
    }
  }
}
