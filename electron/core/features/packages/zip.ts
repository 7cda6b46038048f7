import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { AppError } from '../../kernel/errors';

/**
 * The zip container of a .ndpkg: a small writer and a reader that checks everything before it inflates anything.
 * Written here over node:zlib rather than taken from a library because the reader's bounds are the point: every
 * entry's declared size is checked against the limits first, inflating stops at the declared size (a zip that lies
 * about its sizes is refused, never inflated further), names are plain relative paths, and CRCs must match.
 */

export interface ZipLimits {
  /** the whole package file */
  maxFileBytes: number;
  /** entries in the zip */
  maxEntries: number;
  /** one entry inflated */
  maxEntryBytes: number;
  /** all entries inflated together */
  maxTotalBytes: number;
}

const MB = 1024 * 1024;
export const PACKAGE_LIMITS: ZipLimits = { maxFileBytes: 512 * MB, maxEntries: 20_000, maxEntryBytes: 64 * MB, maxTotalBytes: 1024 * MB };

const refuse = (why: string) => new AppError('INVALID_INPUT', `数据包无法读取：${why}。文件库未作任何改动。`);
const mb = (n: number) => `${Math.round(n / MB)} MB`;

/** A name a package part may have: relative, forward slashes, no `..`, no drive or device, plain characters. */
export function safePartName(name: string): boolean {
  if (!name || name.length > 200 || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** An entry to write: deflated unless `store` (the manifest and its signature are stored as they are). */
export interface ZipInput {
  name: string;
  data: Uint8Array;
  store?: boolean;
  /** the deflated bytes, when the caller made them already (to put their checksum in the manifest) */
  packed?: Buffer;
}

/** Deflates part data the way writeZip does. */
export const deflatePart = (data: Uint8Array): Buffer => deflateRawSync(data, { level: 6 });

/**
 * Writes a zip in the one canonical layout the reader accepts: entries back to back from the start, no times,
 * extras or comments, UTF-8 names, the central directory right after the last entry.
 */
export function writeZip(entries: ReadonlyArray<ZipInput>): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (!safePartName(e.name)) throw new AppError('INTERNAL', `数据包部件名称无效：${e.name}`);
    const name = Buffer.from(e.name, 'utf8');
    const method = e.store ? 0 : 8;
    const packed = e.store ? Buffer.from(e.data) : (e.packed ?? deflatePart(e.data));
    const crc = crc32(e.data);
    const header = (sig: number, size: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = header(0x02014b50, 46);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(e.data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(cd, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  if (offset > 0xffffffff || entries.length > 0xffff) throw new AppError('TOO_LARGE', '数据包过大（超过 4 GB 或 65535 个部件），请分批导出。');
  return Buffer.concat([...chunks, dir, end]);
}

interface CentralEntry {
  name: string;
  nameBytes: Buffer;
  method: number;
  flags: number;
  crc: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

function readCentral(bytes: Buffer, limits: ZipLimits): CentralEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('不是 NormDesk 数据包（.ndpkg），或文件不完整');
  const count = bytes.readUInt16LE(eocd + 10);
  if (count > limits.maxEntries) throw refuse(`部件数量（${count}）超过 ${limits.maxEntries} 的上限`);
  // the canonical layout: no comment after the directory, the directory right after the entries, one disk
  const cdStart = bytes.readUInt32LE(eocd + 16);
  if (eocd + 22 !== bytes.length || bytes.readUInt16LE(eocd + 20) !== 0 || bytes.readUInt16LE(eocd + 8) !== count || bytes.readUInt32LE(eocd + 4) !== 0 || cdStart + bytes.readUInt32LE(eocd + 12) !== eocd) {
    throw refuse('目录结构与 NormDesk 数据包不符，文件已损坏或被改动');
  }
  let p = cdStart;
  const out: CentralEntry[] = [];
  let total = 0;
  const seen = new Set<string>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw refuse('目录结构损坏');
    const nameLen = bytes.readUInt16LE(p + 28);
    const canonical =
      bytes.readUInt16LE(p + 4) === 20 && bytes.readUInt16LE(p + 6) === 20 && bytes.readUInt32LE(p + 12) === 0 &&
      bytes.readUInt16LE(p + 30) === 0 && bytes.readUInt16LE(p + 32) === 0 && bytes.readUInt16LE(p + 34) === 0 &&
      bytes.readUInt16LE(p + 36) === 0 && bytes.readUInt32LE(p + 38) === 0;
    if (!canonical) throw refuse('目录结构与 NormDesk 数据包不符，文件已损坏或被改动');
    const entry: CentralEntry = {
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      packedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      nameBytes: bytes.subarray(p + 46, p + 46 + nameLen),
      name: bytes.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      localOffset: bytes.readUInt32LE(p + 42),
    };
    if (!safePartName(entry.name)) throw refuse(`包含不允许的路径“${entry.name.slice(0, 80)}”（不得含“..”、绝对路径或特殊字符）`);
    if (seen.has(entry.name)) throw refuse(`部件“${entry.name}”重复出现`);
    seen.add(entry.name);
    if (entry.flags & 0x1) throw refuse(`部件“${entry.name}”经过加密`);
    if (entry.method !== 0 && entry.method !== 8) throw refuse(`部件“${entry.name}”的压缩方式不受支持`);
    if (entry.size === 0xffffffff || entry.size > limits.maxEntryBytes) {
      throw refuse(`部件“${entry.name}”解压后超过 ${mb(limits.maxEntryBytes)} 的上限，可能是恶意构造的压缩文件`);
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) throw refuse(`解压后总大小超过 ${mb(limits.maxTotalBytes)} 的上限，可能是恶意构造的压缩文件`);
    if (entry.flags !== 0x0800 && entry.flags !== 0) throw refuse(`部件“${entry.name}”的标志位与 NormDesk 数据包不符`);
    out.push(entry);
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

/** The local header must repeat the directory entry exactly, and entries must follow each other without gaps. */
function checkLocal(bytes: Buffer, e: CentralEntry, expectedOffset: number): number {
  const p = e.localOffset;
  const n = e.nameBytes.length;
  const same =
    p === expectedOffset && p + 30 + n <= bytes.length && bytes.readUInt32LE(p) === 0x04034b50 &&
    bytes.readUInt16LE(p + 4) === 20 && bytes.readUInt16LE(p + 6) === e.flags && bytes.readUInt16LE(p + 8) === e.method &&
    bytes.readUInt32LE(p + 10) === 0 && bytes.readUInt32LE(p + 14) === e.crc && bytes.readUInt32LE(p + 18) === e.packedSize &&
    bytes.readUInt32LE(p + 22) === e.size && bytes.readUInt16LE(p + 26) === n && bytes.readUInt16LE(p + 28) === 0 &&
    bytes.subarray(p + 30, p + 30 + n).equals(e.nameBytes);
  if (!same) throw refuse(`部件“${e.name}”的文件头与目录不一致，文件已损坏或被改动`);
  return p + 30 + n;
}

function inflateEntry(bytes: Buffer, e: CentralEntry, start: number): { data: Buffer; packed: Buffer } {
  if (start + e.packedSize > bytes.length) throw refuse(`部件“${e.name}”不完整`);
  const packed = bytes.subarray(start, start + e.packedSize);
  let data: Buffer;
  if (e.method === 0) data = Buffer.from(packed);
  else {
    try {
      // never more than the declared size (+1 to notice a lie): a zip bomb that understates its size stops here
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size + 1) });
    } catch {
      throw refuse(`部件“${e.name}”解压失败（数据损坏，或实际大小超过声明大小）`);
    }
  }
  if (data.length !== e.size) throw refuse(`部件“${e.name}”的大小与声明不符`);
  if (crc32(data) !== e.crc) throw refuse(`部件“${e.name}”的校验码不符，文件已损坏或被改动`);
  return { data, packed };
}

export interface ZipEntry {
  data: Buffer;
  /** the bytes as stored in the zip (their checksum is in the manifest, so no stored bit goes unchecked) */
  packed: Buffer;
  stored: boolean;
}

/** Reads every entry of a zip within the limits; refuses (INVALID_INPUT, Chinese) anything outside them. */
export function readZip(bytes: Buffer, limits: ZipLimits = PACKAGE_LIMITS): Map<string, ZipEntry> {
  if (bytes.length > limits.maxFileBytes) throw refuse(`文件超过 ${mb(limits.maxFileBytes)} 的上限`);
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw refuse('不是 NormDesk 数据包（.ndpkg），或文件不完整');
  const entries = readCentral(bytes, limits);
  const out = new Map<string, ZipEntry>();
  let next = 0;
  for (const e of entries) {
    const start = checkLocal(bytes, e, next);
    const { data, packed } = inflateEntry(bytes, e, start);
    out.set(e.name, { data, packed, stored: e.method === 0 });
    next = start + e.packedSize;
  }
  if (next !== bytes.readUInt32LE(bytes.length - 6)) throw refuse('目录结构与 NormDesk 数据包不符，文件已损坏或被改动');
  return out;
}
