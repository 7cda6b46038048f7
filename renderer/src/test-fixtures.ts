import type { DocumentDetail } from '../../shared/contract/documents';
import type { ParsedFile, ReviewDocument } from '../../shared/contract/import';
import type { Document, DocumentSummary } from '../../shared/domain/document';

/** A library row with sensible defaults. */
export function summary(over: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: 'd1',
    title: '招远市人民政府关于印发招远市农村集体经济组织管理办法的通知',
    docNumber: '招政发〔2022〕8号',
    issuers: ['招远市人民政府'],
    dateSigned: '2022-02-07',
    effectiveDate: '2022-02-07',
    validUntil: '2025-02-06',
    kind: '通知',
    isNormative: true,
    hasValidityClause: true,
    status: '现行有效',
    ...over,
  };
}

/** A stored document with sensible defaults. */
export function storedDocument(over: Partial<Document> = {}): Document {
  return {
    id: 'd1',
    title: '招远市人民政府关于印发招远市农村集体经济组织管理办法的通知',
    docNumber: { raw: '招政发〔2022〕8号', normalized: '招政发〔2022〕8号', agency: '招政发', year: 2022, serial: 8 },
    registrationNumber: null,
    issuers: ['招远市人民政府'],
    dateSigned: '2022-02-07',
    kind: '通知',
    isNormative: true,
    effectiveClause: '本办法自印发之日起施行',
    effectiveDate: '2022-02-07',
    validityClause: '有效期三年',
    validUntil: '2025-02-06',
    declaredInvalidOn: null,
    appointments: [],
    body: ['为加强农村集体经济组织管理，制定本办法。', '本办法自印发之日起施行，有效期三年。'],
    sourceFileId: null,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...over,
  };
}

/** A document page answer with sensible defaults. */
export function detail(over: Partial<DocumentDetail> = {}): DocumentDetail {
  return {
    document: storedDocument(),
    status: '现行有效',
    asOf: '2026-11-22',
    outgoing: [],
    incoming: [],
    relatedStatuses: {},
    highlights: [],
    history: [],
    gazettes: [],
    ...over,
  };
}

/** An extracted document as the review screen receives it. */
export function reviewDoc(over: Partial<ReviewDocument> = {}): ReviewDocument {
  return {
    title: '关于做好2022年春耕生产工作的通知',
    docNumber: { raw: '招政办字〔2022〕3号', normalized: '招政办字〔2022〕3号', agency: '招政办字', year: 2022, serial: 3 },
    registrationNumber: null,
    issuers: ['招远市人民政府办公室'],
    dateSigned: '2022-02-20',
    kind: '通知',
    isNormative: false,
    effectiveClause: null,
    effectiveDate: null,
    validityClause: null,
    validUntil: null,
    abolishes: [],
    cites: [],
    appointments: [],
    lineStart: 1,
    lineEnd: 20,
    amends: [],
    replaces: [],
    body: ['各镇人民政府：'],
    reviewWarnings: [],
    duplicateOf: null,
    ...over,
  };
}

/** A parsed file with defaults. */
export function parsedFile(over: Partial<ParsedFile> = {}): ParsedFile {
  return {
    stagedId: `staged-${over.name ?? 'gazette.txt'}`,
    name: 'gazette.txt',
    sha256: 'a'.repeat(64),
    size: 100,
    alreadyImported: false,
    error: null,
    encoding: 'utf-8',
    encodingNote: null,
    gazette: null,
    documents: [],
    warnings: [],
    ...over,
  };
}
