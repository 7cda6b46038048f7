import { crc32, createDeflateRaw } from 'node:zlib';

// Hostile import files built in tests (issue 14): nothing of this ships.

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

