import { Inflate } from 'fflate';

/**
 * Zip containers read within limits: the entry list from the central directory (names in UTF-8 or, as the
 * Chinese Windows zip tools write them, GBK), and one entry's bytes inflated in small steps that stop as soon
 * as the output passes its limit — so a zip bomb, even one that lies about its sizes, costs at most the limit.
 * Pure (no node:*, no DOM): the import service, the CLI and the import page share it.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read */
  method: number;
  compressedSize: number;
  /** as declared by the archive (a bomb may lie: extraction counts what it inflates) */
  size: number;
  encrypted: boolean;
  directory: boolean;
  /** offset of its local header */
  offset: number;
}

/** An entry whose inflated bytes pass the limit. */
export class ZipLimitError extends Error {}

/**
 * Entry names are UTF-8 when flagged (bit 11). Unflagged names are what the packing tool's system used: GBK on
 * Chinese Windows, UTF-8 elsewhere. Short GBK names are often valid UTF-8 too (通知 = CD A8 D6 AA reads as two
 * Greek/Hebrew letters), so a UTF-8 reading with letters from U+0080–U+07FF loses to a clean GBK one.
 */
function entryName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(raw);
  let utf8: string | null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    utf8 = null;
  }
  if (utf8 !== null && !/[\u0080-\u07ff]/.test(utf8)) return utf8;
  const gbk = new TextDecoder('gb18030').decode(raw);
  return utf8 !== null && gbk.includes('\ufffd') ? utf8 : gbk;
}

/** The entries of a zip archive, or null when the bytes are not one (no end of central directory). */
export function listZip(bytes: Uint8Array, maxEntries = 100_000): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = Math.min(view.getUint16(eocd + 10, true), maxEntries);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return entries.length ? entries : null;
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = entryName(bytes.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0).replace(/\\/g, '/');
    const size = view.getUint32(p + 24, true);
    entries.push({
      name,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      // 0xFFFFFFFF: the real size is in a ZIP64 field; nothing an office archives needs that, so count it as too large.
      size: size === 0xffffffff ? Number.POSITIVE_INFINITY : size,
      encrypted: (flags & 1) !== 0,
      directory: name.endsWith('/'),
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry names of a zip container (for recognising .docx, .odt, OFD by content), or null. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return listZip(bytes, 5_000)?.map((e) => e.name) ?? null;
}

/**
 * One entry's bytes, inflating at most `maxBytes` (ZipLimitError past it). Throws Error for what cannot be
 * read (encrypted, an unknown method, a broken header or stream).
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw new Error('已加密');
  if (entry.size > maxBytes) throw new ZipLimitError('过大');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new Error('压缩包已损坏');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new Error('压缩包不完整');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipLimitError('过大');
    return data.slice();
  }
  if (entry.method !== 8) throw new Error(`不支持的压缩方式（${entry.method}）`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new ZipLimitError('过大');
    chunks.push(chunk);
  });
  // Small steps: one step of deflate input inflates to at most ~1000× its size, so the limit is checked often.
  const STEP = 4096;
  for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** One entry of an archive to import: read on demand (within the limits), or why it is skipped (Chinese). */
export type ArchiveItem = { name: string; size: number; load(): Uint8Array } | { name: string; skipped: string };

export interface ArchiveLimits {
  /** files read from one archive */
  maxEntries: number;
  /** one entry inflated (the import's per-file limit) */
  maxEntryBytes: number;
  /** all entries inflated together */
  maxTotalBytes: number;
}

/** Hidden and system entries nobody means to import: macOS resource forks, Thumbs.db, desktop.ini. */
const isJunk = (name: string) => /(^|\/)(__MACOSX\/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i.test(name);

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * The files of a zip archive, each named `archive/entry`: to be read on demand (`load` inflates within the
 * limits and throws an Error with a Chinese reason), or why one is skipped (a format `accepts` refuses, a
 * nested archive, the archive's entry limit passed). A broken entry fails alone; the rest are still read.
 */
export function archiveItems(archiveName: string, bytes: Uint8Array, accepts: (name: string) => boolean, limits: ArchiveLimits): ArchiveItem[] {
  const entries = listZip(bytes);
  if (!entries) return [{ name: archiveName, skipped: '不是有效的 zip 压缩包，文件可能已损坏' }];
  let files = 0;
  let total = 0;
  const items: ArchiveItem[] = [];
  for (const e of entries) {
    if (e.directory || isJunk(e.name)) continue;
    const name = `${archiveName}/${e.name}`;
    if (/\.zip$/i.test(e.name)) items.push({ name, skipped: '压缩包中的压缩包不展开，请先解压后再导入' });
    else if (!accepts(e.name)) items.push({ name, skipped: '不支持的文件类型' });
    else if (++files > limits.maxEntries) items.push({ name, skipped: `压缩包中的文件超过 ${limits.maxEntries} 个的上限，未读取` });
    else if (e.encrypted) items.push({ name, skipped: '已加密，无法解压' });
    else if (e.size > limits.maxEntryBytes) items.push({ name, skipped: `解压后 ${MB(e.size)}，超过单个文件 ${MB(limits.maxEntryBytes)} 的上限` });
    else {
      const load = () => {
        const room = limits.maxTotalBytes - total;
        try {
          const data = extractZipEntry(bytes, e, Math.min(limits.maxEntryBytes, room));
          total += data.length;
          return data;
        } catch (err) {
          if (!(err instanceof ZipLimitError)) {
            throw new Error(`无法解压：${err instanceof Error && /^[\u4e00-\u9fff]/.test(err.message) ? err.message : '压缩数据已损坏'}`, { cause: err });
          }
          throw new Error(
            room < limits.maxEntryBytes
              ? `压缩包解压后总大小超过 ${MB(limits.maxTotalBytes)} 的上限，未读取`
              : `解压后超过单个文件 ${MB(limits.maxEntryBytes)} 的上限（压缩包声明的大小不实，可能是恶意构造的压缩文件）`,
            { cause: err },
          );
        }
      };
      items.push({ name, size: e.size, load });
    }
  }
  return items;
}

/** Zip containers that are documents themselves (.docx, .odt, OFD), not archives of files. */
export function isDocumentContainer(names: readonly string[]): boolean {
  return names.some((n) => n === 'word/document.xml' || n === 'mimetype' || n === 'content.xml' || /^OFD\.xml$/i.test(n));
}

/** True when the bytes are a zip archive of files (not a .docx/.odt/OFD that happens to be a zip too). */
export function isZipArchive(bytes: Uint8Array): boolean {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return false;
  const names = zipEntryNames(bytes);
  return names !== null && !isDocumentContainer(names);
}
