import { beforeAll, describe, expect, it } from 'vitest';
import { convertAll, findSoffice, MATRIX_FORMATS, matrixTexts, scoreMatrix, type MatrixRow } from './formats-matrix';

const THRESHOLD = 0.98;
const soffice = findSoffice();

describe.skipIf(!soffice)('format matrix: texts converted by LibreOffice parse like the texts', () => {
  let rows: MatrixRow[];
  beforeAll(async () => {
    const texts = matrixTexts();
    rows = await scoreMatrix(convertAll(soffice!, texts), texts);
    console.log(
      ['format  documents  agreeing  agreement  read s', ...rows.map((r) => `${r.format.padEnd(7)} ${String(r.documents).padStart(9)} ${String(r.agreeing).padStart(9)} ${(r.agreeing / r.documents).toFixed(3).padStart(10)} ${r.seconds.toFixed(1).padStart(7)}`)].join('\n'),
    );
  }, 900_000);

  it.each(MATRIX_FORMATS)(`.%s agrees on ≥ ${THRESHOLD * 100}% of documents (title, 文号, dates, relations)`, (format) => {
    const row = rows.find((r) => r.format === format)!;
    expect(row.documents).toBeGreaterThan(100);
    expect(row.agreeing / row.documents, row.mismatches.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(THRESHOLD);
  });
});

if (!soffice) console.warn('LibreOffice (soffice) not found: the format matrix is skipped — `npm run setup` installs it');
