// A corpus of hostile import files, generated at test time from a seed (nothing of it is stored in the
// repository): damaged and lying zips, PDFs that are truncated, garbled, bombs or fan-outs, texts in odd or mixed
// encodings, with control characters, binary, huge or empty, and files with hostile names (issue 26).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  docxWith,
  encodeLegacy,
  pdfDoubleFlateBomb,
  pdfInflateBomb,
  pdfWithControlChars,
  pdfWithText,
  pdfXObjectFanOut,
  utf16NoBom,
  zipBomb,
} from '../../electron/core/test-support/hostile-files';
import { seededRandom } from '../../electron/core/test-support/random';

export interface HostileFile {
  /** the file name (a Buffer for a name that is not UTF-8) */
  name: string | Buffer;
  bytes: Buffer;
  kind: string;
}

const GB_DOC = '招远市人民政府关于印发招远市农村集体经济组织管理办法的通知\n招政发〔2022〕8号\n各镇人民政府、街道办事处，市直各部门：\n现将《招远市农村集体经济组织管理办法》印发给你们，请认真贯彻执行。\n本办法自印发之日起施行，有效期五年。\n招远市人民政府\n2022年2月7日\n';
const BIG5_DOC = '臺北市政府關於印發臺北市社區發展協會管理辦法的通知\n府社發〔2021〕12號\n各區公所、市府各局處：\n現將《臺北市社區發展協會管理辦法》印發給你們，請認真貫徹執行。\n本辦法自印發之日起施行，有效期三年。\n臺北市政府\n2021年3月5日\n';
const GB_DOC2 = '招远市人民政府办公室关于印发招远市城乡环境卫生管理办法的通知\n招政办发〔2022〕15号\n各镇人民政府、街道办事处，市直各部门：\n现将《招远市城乡环境卫生管理办法》印发给你们，请认真贯彻执行。\n本办法自印发之日起施行，有效期三年。\n招远市人民政府办公室\n2022年3月9日\n';
export const MIXED_SAMPLES = { GB_DOC, GB_DOC2, BIG5_DOC };

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function flip(r: () => number, bytes: Buffer, times: number): Buffer {
  const b = Buffer.from(bytes);
  for (let i = 0; i < times; i++) b[int(r, 0, b.length - 1)] ^= 1 << int(r, 0, 7);
  return b;
}

/** Characters GBK (and Big5) can encode: the sample text without what they lack. */
function legacySafe(text: string): string {
  return [...text].filter((c) => c < '\u0080' || /[\u4e00-\u9fa5\u3001-\u3011\uff01-\uff5e]/.test(c)).join('');
}

/** The generators, each making one file from the random source and a slice of a real gazette. */
function makers(samples: string[]): Array<[string, (r: () => number) => Promise<Buffer> | Buffer, string]> {
  const sample = (r: () => number) => {
    const s = pick(r, samples);
    const at = int(r, 0, Math.max(0, s.length - 3000));
    return s.slice(at, at + int(r, 200, 3000));
  };
  const numbers = (n: number) =>
    Array.from({ length: n }, (_, i) => `${['招政办发', '鲁政发', '国办发', '烟政字'][i % 4]}〔${2000 + (i % 25)}〕${(i % 997) + 1}号`).join('\n');
  return [
    ['docx 截断', async (r) => { const d = await docxWith(sample(r).split('\n')); return d.subarray(0, int(r, 10, d.length - 1)); }, 'docx'],
    ['docx 字节损坏', async (r) => flip(r, await docxWith(sample(r).split('\n')), int(r, 1, 6)), 'docx'],
    ['docx 控制字符', (r) => docxWith(['\u0001\u0002' + sample(r).slice(0, 60) + '\u0003\u0004', sample(r)]), 'docx'],
    ['docx 随机字节', (r) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(Array.from({ length: int(r, 10, 5000) }, () => int(r, 0, 255)))]), 'docx'],
    ['pdf 截断', (r) => { const p = pdfWithText(['Notice 2021', 'Line two']); return p.subarray(0, int(r, 8, p.length - 1)); }, 'pdf'],
    ['pdf 字节损坏', (r) => flip(r, pdfWithText(['Notice 2021', 'Line two', 'Line three']), int(r, 1, 8)), 'pdf'],
    ['pdf 解压炸弹', (r) => pdfInflateBomb(int(r, 96, 1024) << 20), 'pdf'],
    ['pdf 两次压缩炸弹', (r) => pdfDoubleFlateBomb(int(r, 96, 512) << 20), 'pdf'],
    ['pdf 控制字符', () => pdfWithControlChars(), 'pdf'],
    ['pdf 随机字节', (r) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: int(r, 10, 20000) }, () => int(r, 0, 255)))]), 'pdf'],
    ['txt GBK', (r) => encodeLegacy(legacySafe(sample(r)), 'gbk'), 'txt'],
    ['txt UTF-16 无 BOM', (r) => utf16NoBom(sample(r), r() < 0.5), 'txt'],
    ['txt UTF-32', (r) => { const s = [...sample(r)]; const b = Buffer.alloc(s.length * 4); s.forEach((c, i) => b.writeUInt32LE(c.codePointAt(0)!, i * 4)); return b; }, 'txt'],
    ['txt GBK 接 Big5', (r) => (r() < 0.5 ? Buffer.concat([encodeLegacy(GB_DOC, 'gbk'), encodeLegacy(BIG5_DOC, 'big5')]) : Buffer.concat([encodeLegacy(BIG5_DOC, 'big5'), encodeLegacy(GB_DOC, 'gbk')])), 'txt'],
    ['txt UTF-8 接 GBK', (r) => Buffer.concat([Buffer.from(sample(r)), Buffer.from('\n'), encodeLegacy(legacySafe(sample(r)), 'gbk')]), 'txt'],
    ['txt 控制字符', (r) => Buffer.from([...sample(r)].map((c) => (r() < 0.03 ? pick(r, ['\u0000', '\u0001', '\u001b]0;x\u0007', '\u202e', '\u007f']) : c)).join('')), 'txt'],
    ['txt 替换字符', (r) => Buffer.from([...sample(r)].map((c) => (r() < 0.02 ? '\ufffd' : c)).join('')), 'txt'],
    ['txt 二进制', (r) => Buffer.from(Array.from({ length: int(r, 1, 20000) }, () => int(r, 0, 255))), 'txt'],
    ['txt 长行', (r) => Buffer.from(sample(r).replace(/\n/g, '').repeat(int(r, 100, 600))), 'txt'],
    ['txt 截断的多字节字符', (r) => { const b = Buffer.from(sample(r)); return b.subarray(0, b.length - int(r, 1, 2)); }, 'txt'],
    ['txt 空或一个字节', (r) => (r() < 0.5 ? Buffer.alloc(0) : Buffer.from([int(r, 0, 255)])), 'txt'],
    ['docx 当作 pdf', async (r) => docxWith(sample(r).split('\n')), 'pdf'],
    ['pdf 当作 txt', () => pdfWithText(['Notice 2021']), 'txt'],
    ['txt 十万个文号', () => Buffer.from(numbers(100_000)), 'txt'],
    ['pdf 扇出', (r) => pdfXObjectFanOut(int(r, 5, 9), 10), 'pdf'],
    ['docx 压缩炸弹', (r) => zipBomb(int(r, 80, 200), r() < 0.5 ? 4096 : undefined), 'docx'],
    ['txt 超过大小上限', () => Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'txt'],
  ];
}

/** Kinds that take seconds each (a fan-out, a bomb of a zip, a huge file): fewer of them in the corpus. */
const COSTLY = new Set(['txt 十万个文号', 'pdf 扇出', 'docx 压缩炸弹', 'txt 超过大小上限']);

/** Hostile names for some of the files: an ESC sequence, bidi overrides, a very long name, a name not in UTF-8. */
function hostileName(r: () => number, i: number, ext: string): string | Buffer {
  const n = i % 10;
  if (n === 3) return `标题\u001b]0;被改的终端标题\u0007${i}.${ext}`;
  if (n === 5) return `文件\u202e${i}txt.exe.${ext}`;
  if (n === 7) return `${'很长的文件名'.repeat(int(r, 5, 13))}${i}.${ext}`; // up to 250 bytes: a name at the file system's limit
  if (n === 9) return Buffer.concat([encodeLegacy(`招远市文件${i}`, 'gbk'), Buffer.from(`.${ext}`)]);
  return `恶意文件-${String(i).padStart(4, '0')}.${ext}`;
}

/** `count` hostile files from `seed`: every kind at least once, costly kinds about one file in forty. */
export async function hostileCorpus(count: number, seed: number): Promise<HostileFile[]> {
  const r = seededRandom(seed);
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'samples');
  const samples = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const all = makers(samples);
  const cheap = all.filter(([k]) => !COSTLY.has(k));
  const out: HostileFile[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, make, ext] = i < all.length ? all[i] : i % 40 === 0 ? pick(r, all.filter(([k]) => COSTLY.has(k))) : pick(r, cheap);
    out.push({ name: hostileName(r, i, ext), bytes: await make(r), kind });
  }
  return out;
}
