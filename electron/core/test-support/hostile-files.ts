import { crc32, createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';

// Hostile import files built in tests (issues 14 and 26): nothing of this ships.

/** Deflates `repeat` copies of `chunk` without ever holding the whole inflated text. */
async function deflateRepeated(chunk: Buffer, repeat: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  for (let i = 0; i < repeat; i++) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

/** A minimal zip (deflate entries); `declared` overrides the uncompressed size written in the headers. */
export function zip(entries: Array<{ name: string; data: Buffer; size: number; crc: number; declared?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A .docx whose word/document.xml inflates to ~`mb` MB of paragraphs. */
export async function zipBomb(mb: number, declared?: number): Promise<Buffer> {
  const para = Buffer.from('<w:p><w:r><w:t>炸弹炸弹炸弹炸弹炸弹炸弹炸弹炸弹炸弹炸弹</w:t></w:r></w:p>'.repeat(64));
  const repeat = Math.ceil((mb * 1024 * 1024) / para.length);
  const head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => z.on('end', r));
  z.write(Buffer.from(head));
  for (let i = 0; i < repeat; i++) if (!z.write(para)) await new Promise((r) => z.once('drain', r));
  z.end(Buffer.from('</w:body></w:document>'));
  await done;
  const data = Buffer.concat(out);
  const size = head.length + repeat * para.length + '</w:body></w:document>'.length;
  const types = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const typesData = await deflateRepeated(types, 1);
  return zip([
    { name: '[Content_Types].xml', data: typesData, size: types.length, crc: crc32(types) },
    { name: 'word/document.xml', data, size, crc: 0, declared },
  ]);
}

/**
 * Hostile import files built at test time (never stored in the repository): PDFs whose streams inflate to far
 * more than they weigh or whose form XObjects fan out, zips that lie or are damaged, texts in mixed or unusual
 * encodings. Used by the readers' tests and by the reliability corpus (test/reliability).
 */

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** A PDF from its objects' bodies (object n is bodies[n - 1]; object 1 is the catalog), with a correct xref table. */
export function pdfFromObjects(bodies: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0].length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(latin1(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object's body: its dictionary entries (without Length) and data. */
export function pdfStream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** A one-page PDF whose page content is `content` (already encoded, with `filter` if given); object 5 is Helvetica as /F1. */
function onePage(content: Buffer, filter = '', extra: Array<string | Buffer> = [], xobjects = ''): Buffer {
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >>${xobjects ? ` /XObject << ${xobjects} >>` : ''} >> /Contents 4 0 R >>`,
    pdfStream(filter ? `/Filter ${filter}` : '', content),
    FONT,
    ...extra,
  ]);
}

/** A plain PDF with a text layer (Latin text in Helvetica), one line per entry. */
export function pdfWithText(lines: string[]): Buffer {
  const ops = lines.map((l, i) => `BT /F1 12 Tf 72 ${780 - i * 16} Td (${l.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
  return onePage(latin1(ops));
}

/** zlib data of `bytes` bytes of `fill` without materialising them: one flushed raw block repeated, with its Adler-32. */
export function zlibOfRepeated(bytes: number, fill = 0x20, blockBytes = 1 << 20): Buffer {
  const blocks = Math.max(1, Math.floor(bytes / blockBytes));
  const block = deflateRawSync(Buffer.alloc(blockBytes, fill), { level: 9, finishFlush: 3 /* Z_FULL_FLUSH */ });
  const total = BigInt(blocks) * BigInt(blockBytes);
  const MOD = 65521n;
  const a = (1n + total * BigInt(fill)) % MOD;
  const b = (total + BigInt(fill) * ((total * (total + 1n)) / 2n)) % MOD;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  const parts = [Buffer.from([0x78, 0xda])];
  for (let i = 0; i < blocks; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00]), adler); // a final empty fixed block, then the checksum
  return Buffer.concat(parts);
}

/** A PDF of about inflated/1000 bytes whose page content inflates to `inflated` bytes (spaces, then one text line). */
export function pdfInflateBomb(inflated = 1 << 30): Buffer {
  return onePage(zlibOfRepeated(inflated), '/FlateDecode');
}

/** A PDF whose content is deflated twice (/Filter [/FlateDecode /FlateDecode]): small twice over. */
export function pdfDoubleFlateBomb(inflated = 512 << 20): Buffer {
  return onePage(deflateSync(zlibOfRepeated(inflated), { level: 9 }), '[/FlateDecode /FlateDecode]');
}

/**
 * A PDF whose page draws form XObject X0, which draws X1 `width` times, … down to `depth` levels: width^depth
 * drawings from a file of a few hundred bytes. `text` puts a word in the innermost form.
 */
export function pdfXObjectFanOut(depth = 9, width = 10, text = true): Buffer {
  const first = 6; // object number of X0
  const forms: Buffer[] = [];
  for (let i = 0; i < depth; i++) {
    const last = i === depth - 1;
    const body = last ? (text ? 'BT /F1 12 Tf 72 720 Td (fan) Tj ET' : '0 0 m 1 1 l S') : Array.from({ length: width }, () => `/X${i + 1} Do`).join(' ');
    const res = last ? '/Font << /F1 5 0 R >>' : `/XObject << /X${i + 1} ${first + i + 1} 0 R >>`;
    forms.push(pdfStream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${res} >>`, latin1(body)));
  }
  return onePage(latin1('/X0 Do'), '', forms, `/X0 ${first} 0 R`);
}

/** A PDF whose text layer holds control characters (a damaged or hostile text layer). */
export function pdfWithControlChars(): Buffer {
  return onePage(latin1('BT /F1 12 Tf 72 760 Td (\\001\\002Title\\003\\004 of a notice) Tj ET\nBT /F1 12 Tf 72 740 Td (Body\\000text \\033]0;owned\\007line) Tj ET'));
}

/** GBK bytes of a string (TextEncoder has only UTF-8: built from GB18030 decoding of every two-byte code). */
let gbkTable: Map<string, number[]> | null = null;
let big5Table: Map<string, number[]> | null = null;
function table(encoding: 'gbk' | 'big5'): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder(encoding);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [a, b]);
    }
  }
  return map;
}

/** A string in GBK or Big5 (ASCII as is; a character the encoding lacks becomes `?`). */
export function encodeLegacy(text: string, encoding: 'gbk' | 'big5'): Buffer {
  const map = encoding === 'gbk' ? (gbkTable ??= table('gbk')) : (big5Table ??= table('big5'));
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...(map.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

/** UTF-16 without a byte order mark. */
export function utf16NoBom(text: string, littleEndian = true): Buffer {
  const b = Buffer.from(text, 'utf16le');
  if (!littleEndian) b.swap16();
  return b;
}

/** A .docx (built by the docx package) with paragraphs `lines`; `damage` flips a byte inside word/document.xml's data. */
export async function docxWith(lines: string[], damage = false): Promise<Buffer> {
  const { Document, Packer, Paragraph } = await import('docx');
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
  if (!damage) return bytes;
  const name = Buffer.from('word/document.xml');
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 30) !== 0x04034b50) continue; // the local header, not the directory entry
    const start = at + name.length + bytes.readUInt16LE(at - 2);
    const packed = bytes.readUInt32LE(at - 12);
    bytes[start + Math.floor(packed / 2)] ^= 0x55;
    return bytes;
  }
  throw new Error('no word/document.xml');
}
