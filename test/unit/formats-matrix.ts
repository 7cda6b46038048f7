import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ParsedDocument } from '../../shared/domain/parse-result';
import { parseText } from '../../shared/parse';
import { readImportFile } from '../../electron/core/features/import/read-file';

/**
 * The format matrix: every sample text and every real text converted by LibreOffice to .doc, .rtf, .odt and
 * .html must parse to the same documents as the text itself. Conversions are made once per set of inputs (one
 * soffice call per format) and cached in the temp folder.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
export const MATRIX_FORMATS = ['doc', 'rtf', 'odt', 'html'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export function findSoffice(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice', '/opt/homebrew/bin/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe']) {
    if (existsSync(p)) return p;
  }
  return null;
}

/** The texts of the matrix: resources/samples and test/fixtures/real. */
export function matrixTexts(): string[] {
  const dirs = [path.join(ROOT, 'resources/samples'), path.join(ROOT, 'test/fixtures/real')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(d, f)));
}

const CONVERT_BATCH = 100;

/** Converts every text to every format (cached by the texts' hash); returns the folder holding one folder per format. */
export function convertAll(soffice: string, texts: readonly string[]): string {
  const hash = createHash('sha256').update('v4');
  for (const t of texts) hash.update(path.basename(t)).update(readFileSync(t));
  const dir = path.join(tmpdir(), `normdesk-formats-${hash.digest('hex').slice(0, 16)}`);
  // each text as a flat OpenDocument, one paragraph per line in the default style: LibreOffice's own text import
  // would make every line "preformatted" (one <pre> in HTML), which no saved page or office file looks like
  const src = path.join(dir, 'fodt');
  mkdirSync(src, { recursive: true });
  const inputs = texts.map((t) => {
    const file = path.join(src, path.basename(t).replace(/\.txt$/, '.fodt'));
    writeFileSync(file, toFlatOdt(readFileSync(t, 'utf8')));
    return file;
  });
  for (const f of MATRIX_FORMATS) {
    const out = path.join(dir, f);
    if (existsSync(out) && readdirSync(out).length === texts.length) continue;
    rmSync(out, { recursive: true, force: true });
    // its own profile, so a LibreOffice already running (or another run of this test) does not swallow the call
    const profile = path.join(dir, `profile-${f}`);
    // in calls of CONVERT_BATCH files: given 253 at once, LibreOffice 7 converted the first 247 and left the rest
    // unconverted without an error
    for (let i = 0; i < inputs.length; i += CONVERT_BATCH) {
      execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', f === 'html' ? 'html:HTML (StarWriter)' : f, '--outdir', out, ...inputs.slice(i, i + CONVERT_BATCH)], {
        stdio: 'ignore',
        timeout: 600_000,
      });
    }
  }
  return dir;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A text as flat ODF: a paragraph per line, tabs and runs of spaces kept. */
export function toFlatOdt(text: string): string {
  const para = (line: string) =>
    `<text:p>${xml(line).replace(/\t/g, '<text:tab/>').replace(/ {2,}|^ /g, (m) => `<text:s text:c="${m.length}"/>`)}</text:p>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
${text.replace(/\r\n?/g, '\n').split('\n').map(para).join('\n')}
</office:text></office:body></office:document>`;
}

const relation = (d: ParsedDocument) => JSON.stringify([d.abolishes, d.amends, d.replaces, d.cites]);
/** What must agree between a document read from the text and from a converted file. */
export const docKey = (d: ParsedDocument) =>
  JSON.stringify([d.title, d.docNumber?.normalized ?? null, d.dateSigned, d.effectiveDate, d.validUntil, relation(d)]);

export interface MatrixRow {
  format: MatrixFormat;
  documents: number;
  agreeing: number;
  seconds: number;
  mismatches: string[];
}

/** Parses each converted file and counts the documents that agree with the text's (by position). */
export async function scoreMatrix(dir: string, texts: readonly string[]): Promise<MatrixRow[]> {
  const expected = new Map<string, string[]>();
  for (const t of texts) {
    const name = path.basename(t);
    const read = await readImportFile(name, new Uint8Array(readFileSync(t)));
    expected.set(name.replace(/\.txt$/, ''), parseText(read.text, { file: name, encoding: read.encoding }).documents.map(docKey));
  }
  const rows: MatrixRow[] = [];
  for (const format of MATRIX_FORMATS) {
    const row: MatrixRow = { format, documents: 0, agreeing: 0, seconds: 0, mismatches: [] };
    for (const [base, want] of expected) {
      row.documents += want.length;
      const file = path.join(dir, format, `${base}.${format}`);
      let got: string[] = [];
      const t0 = performance.now();
      try {
        const read = await readImportFile(path.basename(file), new Uint8Array(readFileSync(file)));
        got = parseText(read.text, { file: base, encoding: read.encoding }).documents.map(docKey);
      } catch (e) {
        row.mismatches.push(`${base}.${format}: ${(e as Error).message}`);
      }
      row.seconds += (performance.now() - t0) / 1000;
      want.forEach((k, i) => {
        if (got[i] === k) row.agreeing++;
        else row.mismatches.push(`${base}.${format} #${i + 1}: want ${k}\n   got ${got[i] ?? '(none)'}`);
      });
      if (got.length > want.length) row.mismatches.push(`${base}.${format}: ${got.length - want.length} extra document(s)`);
    }
    rows.push(row);
  }
  return rows;
}
