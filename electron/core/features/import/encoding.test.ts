import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './read-file';
import { chineseScore, detectAndDecode } from './encoding';

const CORPUS = path.resolve(__dirname, '../../../../resources/samples');
const corpusText = readFileSync(path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('004'))!), 'utf8').slice(0, 4000);

/** A text in a legacy double-byte encoding (Node has no encoder for these). */
function legacy(text: string, encoding: string): Uint8Array {
  const table = encoderTable(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const b = ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch);
    if (!b) throw new Error(`no ${encoding} bytes for ${ch}`);
    out.push(...b);
  }
  return new Uint8Array(out);
}

const tables = new Map<string, Map<string, number[]>>();
/** Every double-byte character of a legacy encoding, by decoding all lead/trail pairs once. */
function encoderTable(encoding: string): Map<string, number[]> {
  let t = tables.get(encoding);
  if (t) return t;
  t = new Map();
  const dec = new TextDecoder(encoding);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !t.has(ch)) t.set(ch, [a, b]);
    }
  }
  tables.set(encoding, t);
  return t;
}

const TRADITIONAL = '招遠市人民政府關於印發招遠市農村集體經濟組織管理辦法的通知\n各鎮人民政府，各街道辦事處：\n現將《招遠市農村集體經濟組織管理辦法》印發給你們，請認真貫徹執行。本辦法自印發之日起施行，有效期三年。\n招遠市人民政府\n2022年2月7日\n';
const KOREAN = '서울특별시 행정규칙\n서울특별시 공고 제2022-8호\n이 규칙은 공포한 날부터 시행한다. 지방자치단체의 행정절차에 관한 사항을 정함을 목적으로 한다. 유효기간은 3년으로 한다.\n서울특별시장\n2022년 2월 7일\n';
const JAPANESE = '東京都規則第八号\n東京都行政手続条例施行規則\nこの規則は、公布の日から施行する。地方公共団体の行政手続に関する事項を定めることを目的とする。有効期間は三年とする。\n東京都知事\n令和四年二月七日\n';

describe('encodings that are not UTF-8 or GB18030 (issue 14)', () => {
  it('a Big5 file is read as Big5, with a note at review', async () => {
    const r = await readImportFile('big5.txt', legacy(TRADITIONAL, 'big5'));
    expect(r.encoding).toBe('big5');
    expect(r.text).toBe(TRADITIONAL);
    expect(r.note).toMatch(/按 GB18030 读取是乱码，文件编码应为 Big5（繁体中文）/);
  });

  it('an EUC-KR file (which is valid GB18030 made of common hanzi) is read as EUC-KR', async () => {
    const bytes = legacy(KOREAN, 'euc-kr');
    expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toBe(KOREAN);
    const r = await readImportFile('korean.txt', bytes);
    expect(r).toMatchObject({ encoding: 'euc-kr', text: KOREAN });
    expect(r.note).toMatch(/EUC-KR（韩文）/);
  });

  it('a Shift-JIS file is read as Shift-JIS', async () => {
    const r = await readImportFile('japanese.txt', legacy(JAPANESE, 'shift_jis'));
    expect(r).toMatchObject({ encoding: 'shift_jis', text: JAPANESE });
    expect(r.note).toMatch(/Shift-JIS（日文）/);
  });

  it('UTF-32 with and without BOM, LE and BE, is decoded by hand', async () => {
    const text = '高政字〔2021〕60号 关于公布行政规范性文件清理结果的通知 𠀀';
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const le = Buffer.alloc(4 + cps.length * 4);
    le.writeUInt32LE(0xfeff, 0);
    cps.forEach((c, i) => le.writeUInt32LE(c, 4 + i * 4));
    const be = Buffer.alloc(4 + cps.length * 4);
    be.writeUInt32BE(0xfeff, 0);
    cps.forEach((c, i) => be.writeUInt32BE(c, 4 + i * 4));
    expect(await readImportFile('le.txt', le)).toMatchObject({ encoding: 'utf-32le', text });
    expect(await readImportFile('be.txt', be)).toMatchObject({ encoding: 'utf-32be', text });
    expect(await readImportFile('nobom.txt', le.subarray(4))).toMatchObject({ encoding: 'utf-32le', text });
  });

  it('Chinese UTF-16 without BOM (few or no zero bytes), LE and BE, is read with a note (issue 26)', async () => {
    for (const text of [corpusText, '招远市人民政府关于印发招远市农村集体经济组织管理办法的通知']) {
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.from(le).swap16();
      expect(await readImportFile('le.txt', le)).toMatchObject({ encoding: 'utf-16le', text, note: expect.stringMatching(/UTF-16LE 编码（无字节顺序标记）/) });
      expect(await readImportFile('be.txt', be)).toMatchObject({ encoding: 'utf-16be', text });
    }
  });

  it('double-encoded UTF-8 is restored, with a note', async () => {
    const original = '招远市人民政府关于印发招远市农村集体经济组织管理办法的通知';
    // Its UTF-8 bytes read as Windows-1252 and saved as UTF-8 again.
    const cp1252 = new TextDecoder('windows-1252').decode(Buffer.from(original, 'utf8'));
    const r = await readImportFile('double.txt', Buffer.from(cp1252, 'utf8'));
    expect(r).toMatchObject({ encoding: 'utf-8', text: original });
    expect(r.note).toMatch(/两次 UTF-8 编码/);
  });

  it('real GB18030 and UTF-8 texts stay as they are, without a note', async () => {
    expect(chineseScore(corpusText)).toBeGreaterThan(0.85);
    const gb = legacy([...corpusText].filter((c) => c < '\u0080' || /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(c)).join(''), 'gb18030');
    const r = await readImportFile('gb.txt', gb);
    expect(r.encoding).toBe('gb18030');
    expect(r.note).toBeUndefined();
    expect((await readImportFile('u.txt', Buffer.from(corpusText))).note).toBeUndefined();
  });

  it('garbled text that no other encoding reads well is kept, but said to look garbled', () => {
    // Arbitrary double-byte pairs from GBK's rarely used rows.
    const bytes = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0x81 + ((i * 7) % 30) : 0x40 + ((i * 13) % 60))));
    const r = detectAndDecode(bytes)!;
    expect(r.encoding).toBe('gb18030');
    expect(r.note).toMatch(/像是乱码（常用汉字仅占 \d+%）/);
  });
});
