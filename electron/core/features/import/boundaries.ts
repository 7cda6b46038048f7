import type { SourceLine } from '../../../../shared/contract/import';
import type { ParsedDocument, ParseWarning } from '../../../../shared/domain/parse-result';
import type { parseAsOne } from '../../../../shared/parse';
import { AppError } from '../../kernel/errors';
import type { StagedFile, StagedPart } from './staging';

/** Extracts a text a person delimited as exactly one document (shared/parse parseAsOne with the file's options). */
export type Reextract = (text: string) => ReturnType<typeof parseAsOne>;

/** A staged file's documents after a split or merge, with the parts and warnings that go with them. */
export interface Rebounded {
  documents: ParsedDocument[];
  parts: StagedPart[];
  warnings: ParseWarning[];
}

/** Identifying metadata a merge keeps from the first document (filled in from the joined text where empty). */
const KEPT_FIELDS = [
  'title', 'docNumber', 'registrationNumber', 'issuers', 'dateSigned', 'kind', 'effectiveClause', 'effectiveDate', 'validityClause', 'validUntil',
] as const;

/** Lines as people read them: `第12–40行`. */
export function lineRange(lines: readonly number[]): string {
  if (!lines.length) return '（无文字）';
  const first = lines[0];
  const last = lines[lines.length - 1];
  return first === last ? `第${first}行` : `第${first}–${last}行`;
}

const named = (d: ParsedDocument, p: StagedPart) => `《${d.title || '（无标题）'}》（${lineRange(p.lines)}）`;

/** The lines of each extracted document in the file: lineStart … lineEnd, as the parser delimited it. */
export function initialParts(documents: readonly ParsedDocument[], lineCount: number): StagedPart[] {
  return documents.map((d) => {
    const lines: number[] = [];
    for (let n = Math.max(1, d.lineStart); n <= Math.min(lineCount, d.lineEnd); n++) lines.push(n);
    return { lines, history: [] };
  });
}

function locate(file: StagedFile, index: number): { doc: ParsedDocument; part: StagedPart } {
  const doc = file.documents[index];
  const part = file.parts[index];
  if (!doc || !part) throw new AppError('NOT_FOUND', `文件“${file.name}”中没有第 ${index + 1} 件文件，请重新解析该文件。`);
  return { doc, part };
}

/** A staged document's text, line by line with the line numbers of the file. */
export function documentLines(file: StagedFile, index: number): SourceLine[] {
  return locate(file, index).part.lines.map((line) => ({ line, text: file.lines[line - 1] ?? '' }));
}

/** Extracts the given file lines as one document, with line numbers of the file (null: no text in them). */
function extractPart(file: StagedFile, lines: number[], reextract: Reextract): { doc: ParsedDocument; warnings: ParseWarning[] } | null {
  const r = reextract(lines.map((n) => file.lines[n - 1] ?? '').join('\n'));
  if (!r) return null;
  const at = (rel: number) => lines[Math.min(Math.max(rel, 1), lines.length) - 1];
  const warnings = r.warnings.map((w) => ({ ...w, line: w.line === null ? null : at(w.line) }));
  return { doc: { ...r.document, lineStart: at(r.document.lineStart), lineEnd: at(r.document.lineEnd) }, warnings };
}

/** The file's documents with those at [index, index + count) replaced. */
function replaced(file: StagedFile, index: number, count: number, docs: ParsedDocument[], parts: StagedPart[], warnings: ParseWarning[]): Rebounded {
  const documents = file.documents.slice();
  const allParts = file.parts.slice();
  documents.splice(index, count, ...docs);
  allParts.splice(index, count, ...parts);
  return { documents, parts: allParts, warnings: [...file.warnings, ...warnings] };
}

/**
 * Splits document `index` before its line `at` (an index into its lines): each part is extracted again as one
 * document, and together the parts hold exactly the lines the document held.
 */
export function splitDocument(file: StagedFile, index: number, at: number, reextract: Reextract): Rebounded {
  const { doc, part } = locate(file, index);
  if (at < 1 || at >= part.lines.length) {
    throw new AppError('INVALID_INPUT', part.lines.length < 2 ? '这件文件只有一行文字，无法拆分。' : `拆分位置应在第 2 行到第 ${part.lines.length} 行之间（按这件文件的行计）。`);
  }
  const pieces = [part.lines.slice(0, at), part.lines.slice(at)];
  const extracted = pieces.map((lines) => extractPart(file, lines, reextract));
  if (!extracted[0] || !extracted[1]) throw new AppError('INVALID_INPUT', '拆分后有一部分没有文字，请另选拆分位置。');
  const correction = { kind: 'split' as const, extracted: named(doc, part), corrected: pieces.map(lineRange).join('；') };
  return replaced(
    file,
    index,
    1,
    [extracted[0].doc, extracted[1].doc],
    pieces.map((lines) => ({ lines, history: [...part.history, correction] })),
    [...extracted[0].warnings, ...extracted[1].warnings],
  );
}

/**
 * Merges document `index` with the next one: their texts joined, the first one's identifying metadata kept
 * (filled in from the joined text where empty), body, relations and line range from the joined text.
 */
export function mergeWithNext(file: StagedFile, index: number, reextract: Reextract): Rebounded {
  const a = locate(file, index);
  if (index + 1 >= file.documents.length) throw new AppError('INVALID_INPUT', '这是文件中的最后一件，没有下一件可以合并。');
  const b = locate(file, index + 1);
  const own = new Set(a.part.lines);
  const lines = [...a.part.lines, ...b.part.lines.filter((n) => !own.has(n))];
  // documents flattened onto one line share it: merging two of three there would copy the third one's text
  const shared = file.parts.some((p, k) => k !== index && k !== index + 1 && p.lines.some((n) => lines.includes(n)));
  if (shared) throw new AppError('INVALID_INPUT', `这两件文件与其他文件同在原文的${lineRange(lines)}，无法按行合并；请逐件核对修改。`);
  const joined = extractPart(file, lines, reextract);
  if (!joined) throw new AppError('INVALID_INPUT', '这两件文件都没有文字，无法合并。');
  const doc: ParsedDocument = { ...joined.doc };
  const filled = doc as Record<(typeof KEPT_FIELDS)[number], unknown>;
  for (const k of KEPT_FIELDS) {
    const mine = a.doc[k];
    if (mine !== null && mine !== '' && !(Array.isArray(mine) && mine.length === 0)) filled[k] = mine;
  }
  doc.isNormative = a.doc.isNormative || joined.doc.isNormative;
  const correction = { kind: 'merge' as const, extracted: `${named(a.doc, a.part)}；${named(b.doc, b.part)}`, corrected: lineRange(lines) };
  // Parts split from one document share its history (the same objects): keep each boundary change once.
  const part = { lines, history: [...new Set([...a.part.history, ...b.part.history]), correction] };
  return replaced(file, index, 2, [doc], [part], joined.warnings);
}
