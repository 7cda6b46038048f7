import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedDocument } from '../shared/domain/parse-result';
import { findAppRoot } from '../electron/core/kernel/paths';

const corpusDir = join(findAppRoot(), 'resources', 'samples');
const texts = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'));

// Synthetic documents: real paragraphs from the corpus, each document with a 文号, dates, a validity clause,
// and every tenth one abolishing an earlier one, so relations and their resolution are part of the work.
const paragraphs = texts.flatMap((t) => t.split(/\n+/)).map((p) => p.trim()).filter((p) => p.length > 20);
export function synthetic(n: number, offset = 0): ParsedDocument[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    const year = 2000 + (i % 25);
    const serial = Math.floor(i / 25) + 1;
    const body = Array.from({ length: 12 }, (_, j) => paragraphs[(i * 12 + j) % paragraphs.length]);
    body.push(`本办法自${year}年3月1日起施行，有效期五年。`);
    const abolishes = i % 10 === 9 ? [{ title: null, docNumber: `测政发〔${2000 + ((i - 5) % 25)}〕${Math.floor((i - 5) / 25) + 1}号` }] : [];
    return {
      title: `测试市人民政府关于印发第${i + 1}号管理办法的通知`,
      docNumber: { raw: `测政发〔${year}〕${serial}号`, normalized: `测政发〔${year}〕${serial}号`, agency: '测政发', year, serial },
      registrationNumber: null,
      issuers: [i % 3 ? '测试市人民政府' : '测试市人民政府办公室'],
      dateSigned: `${year}-02-15`,
      kind: '通知',
      isNormative: true,
      effectiveClause: `本办法自${year}年3月1日起施行`,
      effectiveDate: `${year}-03-01`,
      validityClause: '有效期五年',
      validUntil: `${year + 5}-02-28`,
      abolishes,
      amends: [],
      replaces: [],
      cites: [`鲁政办发〔2019〕${(i % 40) + 1}号`],
      appointments: [],
      lineStart: 1,
      lineEnd: 20,
      body,
    };
  });
}

