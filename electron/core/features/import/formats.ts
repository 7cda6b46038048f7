import { AppError } from '../../kernel/errors';
import { zipEntryNames } from '../../../../shared/import/zip-archive';
import type { ParseLimits } from './limits';
import type { OcrInfo, ReadOptions } from './ocr/scan-reader';
import type { Section } from './sections';

/**
 * The registry of import formats: which reader takes a file is decided by its content first (a `.doc` that is
 * really RTF or HTML — common in saved archives — is read as what it is), then by its extension. A new format
 * is one entry in FORMAT_READERS (see format-readers.ts); nothing else needs to know about it.
 */

/** What a reader gives back: the text the parser sees, and what else the file says apart from it. */
export interface ReadResult {
  text: string;
  encoding: string;
  /** for the review: how the encoding was decided when it was not plain UTF-8/GB18030, or that it looks garbled */
  note?: string | null;
  /** text kept apart from the body (headers, footers, footnotes): shown by `parse --text`, never parsed */
  apart?: { label: string; text: string }[];
  /** where a saved web page came from, when the page names it */
  origin?: { url: string | null; published: string | null };
  /** pages read by OCR: the page images and, per text line, its page, box and character confidences */
  ocr?: OcrInfo;
  /** lines read in different encodings, when the text mixes them (see sections.ts) */
  sections?: Section[];
}

/** Cheap looks at a file's bytes for the readers' content checks (computed once, on demand). */
export interface Probe {
  bytes: Uint8Array;
  /** the first 4 KB as Latin-1 (magic numbers, markup) */
  head: string;
  /** names of the entries of a zip container, or null when it is not one */
  zipNames(): string[] | null;
}

export interface FormatReader {
  /** short name, used as the extraction's `encoding` prefix and in `bench:formats` */
  id: string;
  /** what people call it, for messages and the supported formats list */
  label: string;
  /** extensions (lower case, no dot) it is chosen for when no reader recognises the content */
  extensions: readonly string[];
  /** a file with its extension that is plain text is read as text (old .doc/.rtf/.htm "save as" often is) */
  textFallback?: boolean;
  /** true when the bytes are of this format, whatever the file is called */
  sniff?(probe: Probe): boolean;
  /** `opts`: OCR on or off and progress per page, for the readers that read scans */
  read(bytes: Uint8Array, limits: ParseLimits, name: string, opts?: ReadOptions): Promise<ReadResult> | ReadResult;
}

export function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

export function extOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

export function makeProbe(bytes: Uint8Array): Probe {
  let names: string[] | null | undefined;
  return {
    bytes,
    head: new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(4096, bytes.length))),
    zipNames: () => (names === undefined ? (names = bytes[0] === 0x50 && bytes[1] === 0x4b ? zipEntryNames(bytes) : null) : names),
  };
}

/** The extensions of every reader, for messages ("仅支持 …"). */
export const supportedList = (readers: readonly FormatReader[]) => readers.flatMap((r) => r.extensions.map((e) => `.${e}`)).join('、');

/**
 * The reader for a file: the first whose content check accepts the bytes; else the one its extension names —
 * unless that reader allows a text fallback and the bytes are plain text (a `.doc` that is really a text file).
 */
export function chooseReader(readers: readonly FormatReader[], textReader: FormatReader, name: string, bytes: Uint8Array, isText: (b: Uint8Array) => boolean): FormatReader {
  const probe = makeProbe(bytes);
  const sniffed = readers.find((r) => r.sniff?.(probe));
  if (sniffed) return sniffed;
  const ext = extOf(name);
  const byExt = readers.find((r) => r.extensions.includes(ext));
  if (!byExt) {
    if (ext === 'zip') throw invalid('压缩包（.zip）需在导入时展开：请在导入页或命令行导入该压缩包，其中的文件会逐个读取');
    throw invalid(`不支持的文件类型${ext ? `（.${ext}）` : ''}：支持 ${supportedList(readers)}`);
  }
  if (byExt.textFallback && isText(bytes)) return textReader;
  return byExt;
}
