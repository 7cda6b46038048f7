import { createHash } from 'node:crypto';
import type { PackageConflict } from '../../../../shared/contract/packages';
import { DOCUMENT_FIELD_LABELS } from '../../../../shared/domain/document';
import type { Document } from '../../../../shared/domain/document';
import type { Db } from '../../db/open';
import { toDocument, type DocumentRow } from '../library/document-row';
import type { PkgDocument } from './format';

/** The facts compared between two copies of a document (what a person sees and edits; not ids or timestamps). */
const FACTS = ['title', 'docNumber', 'registrationNumber', 'issuers', 'dateSigned', 'kind', 'isNormative', 'effectiveClause', 'effectiveDate', 'validityClause', 'validUntil', 'declaredInvalidOn', 'appointments', 'body'] as const;
export type Fact = (typeof FACTS)[number];
type Facts = Pick<Document, Fact>;

const factValue = (d: Facts, f: Fact): unknown => (f === 'docNumber' ? (d.docNumber?.normalized ?? null) : d[f]);
export const factsHash = (d: Facts) => createHash('sha256').update(JSON.stringify(FACTS.map((f) => factValue(d, f)))).digest('hex');
/** How two offices recognise the same document: 文号 + title + 成文日期 (never the id, which is each library's own). */
export const docKey = (d: Pick<Document, 'docNumber' | 'title' | 'dateSigned'>) => `${d.docNumber?.normalized ?? ''}\u0001${d.title}\u0001${d.dateSigned ?? ''}`;

function shown(d: Facts, f: Fact): string {
  const v = factValue(d, f);
  if (v === null || v === undefined) return '（空）';
  if (f === 'body') return (v as string[]).join('\n');
  if (f === 'isNormative') return v ? '是' : '否';
  if (f === 'issuers') return (v as string[]).join('、');
  if (f === 'appointments') return (v as Array<{ action: string; name: string; position: string }>).map((a) => `${a.action}${a.name}为${a.position}`).join('；');
  return String(v);
}

/** What a package document is here: new, already present, or in conflict with a stored copy. */
export type Placement =
  | { kind: 'new'; doc: PkgDocument }
  | { kind: 'present'; doc: PkgDocument; localId: string; newerHere: boolean }
  | { kind: 'conflict'; doc: PkgDocument; local: Document; conflict: PackageConflict };

/**
 * Places a package document in this library: by 文号 + title + 成文日期; the same facts → present; different facts →
 * a conflict, unless only this side changed it since the last exchange with that sender (then theirs is just older).
 */
export function createMatcher(db: Db) {
  const byTitle = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE title = ? ORDER BY created_at, id');
  // the version this library last exchanged: received from that sender, or sent in a package to anyone
  const exchanged = db.prepare<[string, string], string>(
    "SELECT facts_hash FROM exchange_documents WHERE document_id = ? AND peer IN (?, 'sent') ORDER BY at DESC, peer = 'sent' LIMIT 1",
  ).pluck();

  return function place(doc: PkgDocument, peer: string): Placement {
    const candidates = byTitle.all(doc.title).map(toDocument).filter((d) => docKey(d) === docKey(doc));
    if (!candidates.length) return { kind: 'new', doc };
    const theirs = factsHash(doc);
    const same = candidates.find((d) => factsHash(d) === theirs);
    if (same) return { kind: 'present', doc, localId: same.id, newerHere: false };
    const local = candidates[0];
    const last = exchanged.get(local.id, peer);
    // only this side changed it since the last exchange: theirs is the old version, nothing to decide
    if (last && last === theirs) return { kind: 'present', doc, localId: local.id, newerHere: true };
    const bothEdited = !(last && last === factsHash(local));
    const fields = FACTS.filter((f) => JSON.stringify(factValue(local, f)) !== JSON.stringify(factValue(doc, f))).map((f) => ({
      field: f,
      label: DOCUMENT_FIELD_LABELS[f] ?? f,
      mine: shown(local, f),
      theirs: shown(doc, f),
    }));
    const conflict: PackageConflict = {
      remoteId: doc.id,
      localId: local.id,
      title: doc.title,
      docNumber: doc.docNumber?.normalized ?? null,
      dateSigned: doc.dateSigned,
      fields,
      bothEdited,
      suggested: bothEdited ? 'mine' : 'theirs',
    };
    return { kind: 'conflict', doc, local, conflict };
  };
}
