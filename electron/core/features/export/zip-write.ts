import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes a zip archive (deflated entries) — the container of an OFD package. Names given as text are written in
 * UTF-8 and flagged so; names given as bytes are written as they are, unflagged (as older Chinese tools do, in GBK).
 */
export function writeZip(entries: Array<{ name: string | Uint8Array; data: Uint8Array }>, now: Date): Uint8Array {
  const enc = new TextEncoder();
  const time = ((now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1)) & 0xffff;
  const date = (((Math.max(now.getFullYear(), 1980) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate()) & 0xffff;
  // version needed … name length: the same fields in a local header (from byte 4) and a central one (from byte 6)
  const fields = (v: DataView, at: number, crc: number, packed: number, size: number, nameLength: number, utf8: boolean) => {
    v.setUint16(at, 20, true);
    v.setUint16(at + 2, utf8 ? 0x800 : 0, true);
    v.setUint16(at + 4, 8, true);
    v.setUint16(at + 6, time, true);
    v.setUint16(at + 8, date, true);
    v.setUint32(at + 10, crc, true);
    v.setUint32(at + 14, packed, true);
    v.setUint32(at + 18, size, true);
    v.setUint16(at + 22, nameLength, true);
  };
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const utf8 = typeof e.name === 'string';
    const name = typeof e.name === 'string' ? enc.encode(e.name) : e.name;
    const packed = deflateRawSync(e.data, { level: 6 });
    const crc = crc32(e.data) >>> 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    fields(lv, 4, crc, packed.length, e.data.length, name.length, utf8);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    fields(cv, 6, crc, packed.length, e.data.length, name.length, utf8);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const dirSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
