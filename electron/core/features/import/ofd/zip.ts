import { inflateRawSync } from 'node:zlib';

/**
 * Reads the entries of a zip package (an OFD is one) within limits: the central directory is read first, every
 * entry is inflated with a cap on its output (so a zip that states small sizes and inflates to gigabytes is
 * stopped at the cap, not after), and all entries together share one budget. Names in UTF-8 (flag bit 11) or,
 * as Chinese Windows tools write them, in GBK.
 */

export interface ZipLimits {
  /** inflated bytes of one entry */
  maxEntryBytes: number;
  /** inflated bytes of all entries read together */
  maxTotalBytes: number;
  maxEntries: number;
}

export class ZipError extends Error {
  constructor(
    message: string,
    readonly kind: 'broken' | 'encrypted' | 'too-large',
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipReader {
  /** entry names as stored (forward slashes, no leading slash) */
  names(): string[];
  has(name: string): boolean;
  /** the inflated bytes of an entry; throws ZipError past a limit or on damage */
  read(name: string): Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gb18030');

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * An entry name: UTF-8 when flagged; otherwise UTF-8 if it decodes to plain ASCII or Chinese, else GBK — short GBK
 * names are often valid UTF-8 by accident (页 d2 b3 reads as Cyrillic ҳ).
 */
function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & 0x800) return new TextDecoder('utf-8').decode(raw);
  let asUtf8: string;
  try {
    asUtf8 = utf8.decode(raw);
  } catch {
    return gbk.decode(raw);
  }
  if ([...asUtf8].every((c) => c.charCodeAt(0) < 0x80 || CJK.test(c))) return asUtf8;
  const asGbk = gbk.decode(raw);
  return asGbk.includes('\ufffd') ? asUtf8 : asGbk;
}

/** Where a zip's end-of-central-directory record starts (searched back over the longest comment), or -1. */
export function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/** Opens a zip's central directory; throws ZipError when the bytes are no zip or the directory is damaged. */
export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipReader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ZipError('不是 zip 包', 'broken');
  const count = view.getUint16(eocd + 10, true);
  if (count > limits.maxEntries) throw new ZipError(`包内文件过多（${count} 个）`, 'too-large');
  let p = view.getUint32(eocd + 16, true);
  const entries = new Map<string, Entry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipError('zip 目录已损坏', 'broken');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const entry: Entry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decodeName(bytes.subarray(p + 46, p + 46 + nameLen), view.getUint16(p + 8, true)).replace(/\\/g, '/').replace(/^\/+/, ''),
    };
    if (!entry.name.endsWith('/')) entries.set(entry.name, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  let spent = 0;
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const e = entries.get(name);
      if (!e) throw new ZipError(`包内缺少 ${name}`, 'broken');
      if (e.flags & 0x1) throw new ZipError(`${name} 已加密`, 'encrypted');
      // 0xFFFFFFFF: sizes in a ZIP64 field; no OFD part needs 4 GB
      if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new ZipError(`${name} 过大`, 'too-large');
      const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - spent);
      if (e.size > cap) throw new ZipError(`${name} 解压后过大`, 'too-large');
      const lp = e.localOffset;
      if (lp + 30 > bytes.length || view.getUint32(lp, true) !== 0x04034b50) throw new ZipError(`${name} 的数据已损坏`, 'broken');
      const start = lp + 30 + view.getUint16(lp + 26, true) + view.getUint16(lp + 28, true);
      const data = bytes.subarray(start, start + e.compressedSize);
      if (data.length < e.compressedSize) throw new ZipError(`${name} 的数据不完整`, 'broken');
      let out: Uint8Array;
      if (e.method === 0) out = data;
      else if (e.method === 8) {
        try {
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'ERR_BUFFER_TOO_LARGE' || (err instanceof RangeError)) throw new ZipError(`${name} 解压后过大`, 'too-large');
          throw new ZipError(`${name} 的数据已损坏`, 'broken');
        }
      } else throw new ZipError(`${name} 使用了不支持的压缩方式（${e.method}）`, 'broken');
      spent += out.length;
      return out;
    },
  };
}
