import { crc32, inflateRawSync } from 'node:zlib';

/**
 * The text parts of a zip (its .xml and .rels entries) checked before a reader inflates them (issue 26): each is
 * inflated here with its output bounded by the size its headers declare, and its CRC-32 compared. A zip that
 * lies about a size (a bomb) is stopped at the declared size, and a damaged one — whose text a reader would
 * store as runs of U+FFFD — is named instead of read. Images and other binary parts are not inflated.
 */

/** Where a zip's end-of-central-directory record starts (searched back over the longest comment), or -1. */
export function endOfCentralDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/** Why the zip cannot be read faithfully (entry name and what is wrong), or null when every text part checks out. */
export function zipTextProblem(bytes: Uint8Array): { entry: string; problem: 'crc' | 'size' | 'damaged' } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd < 0) return { entry: '（目录）', problem: 'damaged' };
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return { entry: '（目录）', problem: 'damaged' };
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const packed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const entry = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (!/\.(xml|rels)$/i.test(entry)) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return { entry, problem: 'damaged' };
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + packed > bytes.length) return { entry, problem: 'damaged' };
    const data = bytes.subarray(start, start + packed);
    let plain: Uint8Array;
    if (method === 0) plain = data;
    else if (method === 8) {
      try {
        plain = inflateRawSync(data, { maxOutputLength: Math.max(1, size) + 1 });
      } catch (err) {
        return { entry, problem: (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'size' : 'damaged' };
      }
    } else return { entry, problem: 'damaged' };
    if (plain.length !== size) return { entry, problem: plain.length > size ? 'size' : 'damaged' };
    if (crc32(plain) !== crc) return { entry, problem: 'crc' };
  }
  return null;
}
