import { decodeMixed, type Section } from './sections';

/**
 * Which encoding a .txt file is in, when the bytes alone do not say. UTF-8 and GB18030 decode almost anything
 * without error (Big5, EUC-KR and Shift-JIS bytes are mostly valid GB18030), so a decoding that succeeds is
 * judged by what it reads like: the share of characters common in Chinese official texts. A GB18030 reading that
 * is implausible is compared with Big5, EUC-KR and Shift-JIS readings, each judged by its own common characters;
 * one that is clearly better is used. UTF-32 (decoded by hand), UTF-16 and double-encoded UTF-8 are recognised.
 */

export interface Decoded {
  text: string;
  encoding: string;
  /** for the review: the text looked garbled, or was read in an encoding other than UTF-8/GB18030 */
  note: string | null;
  /** lines read in different encodings (a text assembled from files in different encodings) */
  sections?: Section[];
}

/**
 * Frequent characters of Chinese government texts (the most frequent 800 of the shipped corpus, plus general
 * high-frequency characters). Official text reads 85–99 % from this set; Korean or Japanese bytes read as
 * GB18030 give 0–30 %.
 */
const COMMON_ZH = new Set('的务业工政市服建和区人设局发办实行部理项作社管公一县单关事等门资位全企合施制责有展化用进规对生目机民审开要保年会法各加府地程定应方中任为提照产动通高批体上养推组强时以查信新导及分不力主安改育老持度构成残城大入在现金台监源立能标员件统护联织按案级据场助报疾经自准划电相重性处指家技健策息评儿头专可负急前元平式范基供牵补镇三托收面共营与系配证于障室本同过幼委点烟落依出国乡救费职网内清数调限取长月并造整支个明居故司好防完运婴求到二励意督房卫日优道物心医或条备领确期街计核结给参置投知创村予文流康协传住招验万下由情量援质环类培效水者科后利底集革申交将做术善见间接宣山步违需放记次险子域四执品况活商小省多就向治挥预解农权升财税引综纳青特境登扶深促请教所根然认料格融采群远鼓济议其告缴每犬总具户享药价决围题续贴土号积问消估我控型研措食受砂学许队承态形餐模极五代众最奖则互印疗段无涉布东原手达使注更气石充排训园精暖十线严筑响快筹得复础识外容增检序庭才别符材销便果名第转率是莱际院层减坚副阶黄节智口究贯广破禁志未装例测低图诺已考彻常当超让即竣覆直伍党盖断示益先他送非再选堂书表约难海简字录易器愿害含免打燃适套购周失附突警岁满少团包署试爆花种初竹灾论影银真屋索惠遇律从络困站举编额席移贷双切普视询反列帮至功担款输待身扩空介窗比思足校探起因除路首福属压变维殊止色病租车密素六洁称近追细售妇库征争之档矿想旅履算微云干把必拨修诉牌均册带碍危兴淄抓如辅童终张渠获访付游良留两章风辖链习岗换零挂紧固存边速端签回州命且账械们咨博来媒括舆百你义独样绕衔绘正差疫假值绩激馈籍掌米临军离逐频纸延缺伤抢宝厅宅赁旧跨份召只跟退厂诊罚拓班势聚随启九凡梳储七谁驻亩亿占巡热撑王齐氛慧宜连般秩卡光珠鲁污华纠闻迁择订踪话象异宽染束典泛感绿偿了畅神走较界版致幸汇南废戒块亡翠闲劳详板纷降读须店洗患买努八拥聘播馆早爱针既停缩钟饮着址握状归辆余稳股迅债这也说而里都去它还些天那看又么但此没很她角几西被战北世油什美白声斗马今温拉林叫观越音千半史往酸历克何太族写候毛亲斯江眼派片始却京圆火红听该铁');

const LABELS: Record<string, string> = {
  big5: 'Big5（繁体中文）',
  'euc-kr': 'EUC-KR（韩文）',
  shift_jis: 'Shift-JIS（日文）',
  gb18030: 'GB18030/GBK',
  'utf-8': 'UTF-8',
};
export const encodingLabel = (e: string) => LABELS[e] ?? e.toUpperCase();

/** Below this share of common characters a GB18030 reading is taken for garbled text. */
const PLAUSIBLE_ZH = 0.6;
/** An alternative reading is used only when this share of its characters is common in its own script. */
const PLAUSIBLE_OTHER = 0.9;

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const isCjkLetter = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x3400 && c <= 0x4dbf);

/** Share of the CJK letters (hanzi, kana, hangul) of a sample that are frequent in Chinese official texts; null if none. */
export function chineseScore(text: string): number | null {
  let all = 0;
  let common = 0;
  for (const ch of text.slice(0, 50_000)) {
    const c = ch.codePointAt(0)!;
    if (c < 0x3040 || !isCjkLetter(c)) continue;
    all++;
    if (COMMON_ZH.has(ch)) common++;
  }
  return all >= 4 ? common / all : null;
}

/** Characters in the most common block of each legacy encoding, built once by decoding that byte range. */
const commonSets = new Map<string, Set<string>>();
function commonOf(encoding: string): Set<string> {
  let set = commonSets.get(encoding);
  if (set) return set;
  set = new Set<string>();
  const add = (leads: [number, number], trails: Array<[number, number]>) => {
    const bytes: number[] = [];
    for (let a = leads[0]; a <= leads[1]; a++) for (const [t0, t1] of trails) for (let b = t0; b <= t1; b++) bytes.push(a, b);
    for (const ch of new TextDecoder(encoding).decode(new Uint8Array(bytes))) if (ch !== '\ufffd') set!.add(ch);
  };
  if (encoding === 'big5') add([0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]]); // 常用字 (5,401)
  if (encoding === 'euc-kr') add([0xb0, 0xc8], [[0xa1, 0xfe]]); // KS X 1001 hangul (2,350)
  if (encoding === 'shift_jis') {
    add([0x88, 0x98], [[0x40, 0x7e], [0x80, 0xfc]]); // JIS level-1 kanji
    add([0x82, 0x83], [[0x40, 0x7e], [0x80, 0xfc]]); // kana
  }
  commonSets.set(encoding, set);
  return set;
}

/** Share of the CJK letters of a reading that are in that encoding's common block. */
export function scriptScore(text: string, encoding: string): number {
  const set = commonOf(encoding);
  let all = 0;
  let common = 0;
  for (const ch of text.slice(0, 50_000)) {
    const c = ch.codePointAt(0)!;
    if (ch === '\ufffd' || (c >= 0xe000 && c <= 0xf8ff)) {
      all++;
      continue;
    }
    if (!isCjkLetter(c)) continue;
    all++;
    if (set.has(ch)) common++;
  }
  return all ? common / all : 0;
}

/** UTF-32 by hand (TextDecoder has no UTF-32); null when a code unit is not a character. */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Which of UTF-32 LE/BE or UTF-16 LE/BE (without BOM) the zero bytes of a sample point to, if any. */
function zeroPattern(bytes: Uint8Array): 'utf-32le' | 'utf-32be' | 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~3;
  if (n < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i % 4]++;
  const q = n / 4;
  if (bytes.length % 4 === 0 && zeros[3] === q && zeros[2] >= q * 0.9) return 'utf-32le';
  if (bytes.length % 4 === 0 && zeros[0] === q && zeros[1] >= q * 0.9) return 'utf-32be';
  const even = zeros[0] + zeros[2];
  const odd = zeros[1] + zeros[3];
  if (odd > q * 0.6 && even < q * 0.05) return 'utf-16le';
  if (even > q * 0.6 && odd < q * 0.05) return 'utf-16be';
  return null;
}

/** Code points Windows-1252 gives to bytes 0x80–0x9F (the rest of 0x80–0xFF are Latin-1). */
const CP1252: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * UTF-8 text whose bytes were once read as Latin-1/Windows-1252 and saved again as UTF-8 (“æ‹›è¿œå¸‚”):
 * the original text, or null when the text is not like that.
 */
export function undoDoubleUtf8(text: string): string | null {
  const sample = text.slice(0, 20_000);
  let high = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 && (c <= 0xff || CP1252[c] !== undefined)) high++;
    else if (c > 0xff) return null; // real non-Latin characters: not double-encoded
  }
  if (high < 6) return null;
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const b = c <= 0xff ? c : CP1252[c];
    if (b === undefined) return null;
    bytes[n++] = b;
  }
  return strict('utf-8', bytes.subarray(0, n));
}

/**
 * Decodes a text file's bytes: BOMs first (UTF-8, UTF-32, UTF-16), then zero-byte patterns (UTF-32/UTF-16 without
 * BOM), then UTF-8 (undoing a double encoding) or Chinese UTF-16 without BOM, then GB18030 — checked for plausibility against Big5, EUC-KR and
 * Shift-JIS. Returns null when no encoding reads the bytes (binary).
 */
export function detectAndDecode(bytes: Uint8Array): Decoded | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const t = strict('utf-8', b.subarray(3));
    return t === null ? null : { text: t, encoding: 'utf-8-bom', note: null };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) {
    const t = decodeUtf32(b.subarray(4), true);
    return t === null ? null : { text: t, encoding: 'utf-32le', note: '文件为 UTF-32 编码，已按 UTF-32 读取。' };
  }
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) {
    const t = decodeUtf32(b.subarray(4), false);
    return t === null ? null : { text: t, encoding: 'utf-32be', note: '文件为 UTF-32 编码，已按 UTF-32 读取。' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    const t = strict('utf-16le', b.subarray(2));
    return t === null ? null : { text: t, encoding: 'utf-16le', note: null };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const t = strict('utf-16be', b.subarray(2));
    return t === null ? null : { text: t, encoding: 'utf-16be', note: null };
  }
  const pattern = b.includes(0) ? zeroPattern(b) : null;
  if (pattern) {
    const t = pattern.startsWith('utf-32') ? decodeUtf32(b, pattern === 'utf-32le') : strict(pattern, b);
    if (t === null) return null;
    return { text: t, encoding: pattern, note: `文件为 ${pattern.toUpperCase()} 编码（无字节顺序标记），已按此编码读取，请核对。` };
  }
  // A stray NUL does not make a text binary: the reader takes control characters out (and refuses mostly-control text).
  const utf8 = strict('utf-8', b);
  const utf16 = utf8 === null ? utf16WithoutBom(b) : null;
  if (utf16) return utf16;
  if (utf8 !== null) {
    const undone = undoDoubleUtf8(utf8);
    if (undone !== null && (chineseScore(undone) ?? 0) >= PLAUSIBLE_ZH) {
      return { text: undone, encoding: 'utf-8', note: '文件是经过两次 UTF-8 编码的乱码文本，已还原为原文，请核对。' };
    }
    return { text: utf8, encoding: 'utf-8', note: null };
  }
  const mixed = decodeMixed(b, { chineseScore, scriptScore, label: encodingLabel });
  if (mixed) return mixed;
  const gb = strict('gb18030', b);
  if (gb === null) {
    // Not GB18030 at all: one of the others may still read it.
    const alt = bestAlternative(b);
    return alt && alt.score >= 0.6 ? { text: alt.text, encoding: alt.encoding, note: `文件编码识别为 ${encodingLabel(alt.encoding)}，已按此编码读取，请核对。` } : null;
  }
  const score = chineseScore(gb);
  if (score === null || score >= PLAUSIBLE_ZH) return { text: gb, encoding: 'gb18030', note: null };
  const alt = bestAlternative(b);
  if (alt && alt.score >= PLAUSIBLE_OTHER) {
    return { text: alt.text, encoding: alt.encoding, note: `按 GB18030 读取是乱码，文件编码应为 ${encodingLabel(alt.encoding)}，已按此编码读取，请核对。` };
  }
  const likely = alt && alt.score >= 0.6 ? `，可能是 ${encodingLabel(alt.encoding)} 编码` : '';
  return {
    text: gb,
    encoding: 'gb18030',
    note: `按 GB18030 读取的内容像是乱码（常用汉字仅占 ${Math.round(score * 100)}%）${likely}。请确认文件编码，另存为 UTF-8 后重新导入。`,
  };
}

/** Code units of ordinary text: ASCII printing characters and line breaks, CJK letters, CJK and full-width punctuation. */
const textLike = (c: number) =>
  (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || isCjkLetter(c) || c === 0x2014 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d);

/**
 * UTF-16 without a byte order mark whose zero bytes are too few for zeroPattern (Chinese text: CJK code units
 * have no zero byte). Taken when nearly every code unit is ordinary text and the characters read as Chinese.
 */
function utf16WithoutBom(b: Uint8Array): Decoded | null {
  if (b.length < 8 || b.length % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const sample = strict(encoding, b.subarray(0, Math.min(b.length, 40_000) & ~1));
    if (sample === null) continue;
    let ok = 0;
    for (let i = 0; i < sample.length; i++) if (textLike(sample.charCodeAt(i))) ok++;
    if (ok / sample.length < 0.97 || (chineseScore(sample) ?? 0) < PLAUSIBLE_ZH) continue;
    const text = strict(encoding, b);
    if (text !== null) return { text, encoding, note: `文件为 ${encoding.toUpperCase()} 编码（无字节顺序标记），已按此编码读取，请核对。` };
  }
  return null;
}

/** The best of the Big5, EUC-KR and Shift-JIS readings that decode without error, with its score. */
function bestAlternative(bytes: Uint8Array): { text: string; encoding: string; score: number } | null {
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const encoding of ['big5', 'euc-kr', 'shift_jis']) {
    const text = strict(encoding, bytes);
    if (text === null) continue;
    const score = scriptScore(text, encoding);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  return best;
}
