import { isUtf8 } from 'node:buffer';
import { AppError } from '../../kernel/errors';

/** The judges of a reading, from encoding.ts (passed in: that module uses this one). */
export interface Scoring {
  /** share of common Chinese characters among the CJK letters; null when fewer than four */
  chineseScore(text: string): number | null;
  /** share of the CJK letters in the common block of a legacy encoding */
  scriptScore(text: string, encoding: string): number;
  /** the encoding as people read it */
  label(encoding: string): string;
}

/**
 * Texts whose parts are in different encodings (issue 26): a gazette assembled from a GBK file and a Big5 one,
 * or a UTF-8 file with GBK lines pasted in. Read as one encoding, one part became mojibake inside the other
 * document, or its lines were lost. Each line is judged on its own (UTF-8 when it is valid UTF-8 with non-ASCII
 * characters, else the GB18030 or Big5 reading that reads like Chinese in that script); a line too short to
 * judge goes with the line before it. When two encodings are found, each run of lines is decoded in its own,
 * and the review says which lines were read how. A line no encoding reads, in such a file, is refused by number.
 */

/** A run of lines read in one encoding (1-based line numbers, inclusive). */
export interface Section {
  from: number;
  to: number;
  encoding: string;
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function strict(encoding: string, bytes: Uint8Array): string | null {
  let d = decoders.get(encoding);
  if (!d) decoders.set(encoding, (d = new TextDecoder(encoding, { fatal: true })));
  try {
    return d.decode(bytes);
  } catch {
    return null;
  }
}

/** The encoding a line reads as: an encoding, 'none' (only ASCII, or too little to judge), or 'bad' (nothing reads it). */
function judge(line: Uint8Array, { chineseScore, scriptScore }: Scoring): string {
  if (line.every((c) => c < 0x80)) return 'none';
  if (isUtf8(line)) return 'utf-8';
  const gb = strict('gb18030', line);
  const gbFirst = gb === null ? null : chineseScore(gb);
  if (gbFirst !== null && gbFirst >= 0.8) return 'gb18030'; // plainly Chinese: no other reading needed
  const big5 = strict('big5', line);
  if (gb === null && big5 === null) return 'bad';
  const gbScore = gb === null ? 0 : gbFirst;
  const big5Score = big5 === null ? 0 : scriptScore(big5, 'big5');
  if (gbScore === null) return 'none'; // fewer than four CJK letters
  if (gbScore >= 0.6 && !(big5Score >= 0.98 && gbScore < 0.8)) return 'gb18030';
  if (big5Score >= 0.9) return 'big5';
  return gb !== null ? 'none' : 'bad';
}

/** Below this many bytes of judged lines, a run in another encoding is taken for a misjudged line, not a section. */
const MIN_SECTION_BYTES = 120;

/** Runs of judged lines too short to be a section of their own are left to their neighbours ('none'). */
function dropStrays(verdicts: string[], size: (k: number) => number): void {
  if (new Set(verdicts.filter((v) => v !== 'none' && v !== 'bad')).size < 2) return;
  let k = 0;
  while (k < verdicts.length) {
    const v = verdicts[k];
    if (v === 'none' || v === 'bad') {
      k++;
      continue;
    }
    let end = k;
    let bytes = 0;
    for (let j = k; j < verdicts.length && (verdicts[j] === v || verdicts[j] === 'none'); j++) {
      if (verdicts[j] === v) {
        end = j;
        bytes += size(j);
      }
    }
    if (bytes < MIN_SECTION_BYTES) for (let j = k; j <= end; j++) if (verdicts[j] === v) verdicts[j] = 'none';
    k = end + 1;
  }
}

const label = (s: Section, name: (encoding: string) => string) => `${s.from === s.to ? `第 ${s.from} 行` : `第 ${s.from}–${s.to} 行`}按 ${name(s.encoding)}`;

/**
 * The text decoded section by section when its lines are in more than one encoding, with the sections and a
 * note for the review; null when the file is in one encoding (the whole-file detection then decides).
 */
export function decodeMixed(bytes: Uint8Array, scoring: Scoring): { text: string; encoding: string; note: string; sections: Section[] } | null {
  const starts: number[] = [0];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
  const lineOf = (k: number) => bytes.subarray(starts[k], k + 1 < starts.length ? starts[k + 1] : bytes.length);
  const verdicts = starts.map((_, k) => judge(lineOf(k), scoring));
  dropStrays(verdicts, (k) => lineOf(k).length);
  const found = new Set(verdicts.filter((v) => v !== 'none' && v !== 'bad'));
  if (found.size < 2) return null;
  const bad = verdicts.indexOf('bad');
  if (bad >= 0) {
    throw new AppError('INVALID_INPUT', `文件中混有不同的编码（${[...found].map(scoring.label).join('、')}），第 ${bad + 1} 行无法按其中任何一种读取，已拒绝。请将文件统一另存为 UTF-8 后再导入。`);
  }
  // lines too short to judge go with the line before (at the start: with the first judged line)
  let current = verdicts.find((v) => v !== 'none')!;
  const sections: Section[] = [];
  verdicts.forEach((v, k) => {
    if (v !== 'none') current = v;
    const last = sections[sections.length - 1];
    if (last && last.encoding === current) last.to = k + 1;
    else sections.push({ from: k + 1, to: k + 1, encoding: current });
  });
  const text = sections
    .map((s) => new TextDecoder(s.encoding).decode(bytes.subarray(starts[s.from - 1], s.to < starts.length ? starts[s.to] : bytes.length)))
    .join('');
  const shown = sections.slice(0, 6).map((x) => label(x, scoring.label)).join('，') + (sections.length > 6 ? ` 等 ${sections.length} 段` : '');
  return {
    text,
    encoding: [...new Set(sections.map((s) => s.encoding))].join('+'), // `big5+gb18030`: stored with the file
    sections,
    note: `文件中混有不同的编码，已分段读取：${shown}。请逐件核对各段文字是否正确。`,
  };
}

/** For the review of a mixed file: each document's encodings, and the sections no document covers (not imported). */
export function sectionReview(sections: readonly Section[], docs: ReadonlyArray<{ lineStart: number; lineEnd: number }>, name: (encoding: string) => string) {
  const overlaps = (s: Section, d: { lineStart: number; lineEnd: number }) => s.from <= d.lineEnd && d.lineStart <= s.to;
  const perDocument = docs.map((d) => {
    const mine = sections.filter((s) => overlaps(s, d));
    const how = mine.map((s) => (mine.length > 1 ? `${label(s, name)} 读取` : `按 ${name(s.encoding)} 读取`)).join('，');
    return `文件中混有不同的编码，本件${how}，请核对文字。`;
  });
  const uncovered = sections
    .filter((s) => !docs.some((d) => overlaps(s, d)) && s.to > s.from)
    .map((s) => ({ line: s.from, message: `${label(s, name)} 读取的这部分中没有识别出公文，不会导入，请对照原文件核对。` }));
  return { perDocument, uncovered };
}
