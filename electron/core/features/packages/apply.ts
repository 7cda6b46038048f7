import { randomUUID } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import type { PackageImportResult, PackagePreview, Resolution } from '../../../../shared/contract/packages';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { DocumentService, NewDocument } from '../library/document-service';
import type { RelationService } from '../relations/relation-service';
import type { PackageContent, PkgDocument, PkgIssue, ReadPackage } from './format';
import { createRecordReceiver } from './receive-records';
import { createMatcher, factsHash, type Fact } from './match';

/** Extra work a feature does with its own part of a package (filing records), given the documents' local ids. */
export interface PackageExtension {
  kinds: ReadonlyArray<PackageContent['kind']>;
  /** lines for the preview: what importing would change */
  preview(read: ReadPackage, localIdOf: (remoteId: string) => string | null): string[];
  /** applies the part inside the import transaction; returns lines for the result */
  apply(by: Caller, read: ReadPackage, localIdOf: (remoteId: string) => string | null, info: { fileName: string }): string[];
}

/** A package document as a new document of this library (the package keeps the library's field names). */
function asNew(d: PkgDocument): NewDocument {
  const { id: _i, sourceSha256: _s, createdAt: _c, updatedAt: _u, ...fields } = d;
  return fields;
}


/** Rows a package brings, split into those this library lacks and those it has. */
function split<T>(rows: T[], present: (r: T) => boolean, label: (r: T) => string) {
  const out = { new: [] as string[], present: [] as string[] };
  for (const r of rows) (present(r) ? out.present : out.new).push(label(r));
  return out;
}

export interface ApplyDeps {
  audit: AuditService;
  documents: Pick<DocumentService, 'create' | 'update'>;
  relations: Pick<RelationService, 'insert'>;
}

/**
 * Matching and importing a read package: the preview says what would happen; the import does it in one
 * transaction with a named audit row per change (which package, which sender), and records the package so the
 * same one imported twice changes nothing.
 */
export function createPackageApplier(ctx: Pick<AppContext, 'db' | 'now' | 'events'>, deps: ApplyDeps, extensions: PackageExtension[]) {
  const db = ctx.db;
  const { audit, documents, relations } = deps;
  const records = createRecordReceiver(db, audit);
  const { campaignSame, issueSame } = records;
  const place = createMatcher(db);
  const setExchanged = db.prepare<[string, string, string, string]>(
    'INSERT INTO exchange_documents (document_id, peer, facts_hash, at) VALUES (?, ?, ?, ?) ON CONFLICT (document_id, peer) DO UPDATE SET facts_hash = excluded.facts_hash, at = excluded.at',
  );
  const importedBefore = db.prepare<[string], { imported_at: string; imported_by: string }>('SELECT imported_at, imported_by FROM exchange_imports WHERE package_id = ?');
  const recordImport = db.prepare('INSERT INTO exchange_imports (package_id, kind, file_name, sender_name, sender_fingerprint, imported_at, imported_by, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const peerByFingerprint = db.prepare<[string], { name: string }>('SELECT name FROM exchange_peers WHERE fingerprint = ?');
  const peerByName = db.prepare<[string, string], { fingerprint: string }>('SELECT fingerprint FROM exchange_peers WHERE name = ? AND fingerprint <> ? LIMIT 1');
  const upsertPeer = db.prepare(
    'INSERT INTO exchange_peers (fingerprint, name, public_key, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name, last_seen = excluded.last_seen',
  );
  const sourceBySha = db.prepare<[string], string>('SELECT id FROM source_files WHERE sha256 = ?').pluck();
  const insertSource = db.prepare('INSERT INTO source_files (id, name, sha256, size, encoding, imported_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertCorrection = db.prepare(
    'INSERT INTO import_corrections (source_file_id, document_id, kind, field, extracted_value, corrected_value, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ref = (d: PkgDocument) => ({ remoteId: d.id, title: d.title, docNumber: d.docNumber?.normalized ?? null, dateSigned: d.dateSigned });
  const issueLabel = (i: PkgIssue) => `${i.title} ${i.year ?? ''}年第${i.issueNumber ?? '？'}期${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}`;

  function preview(read: ReadPackage, info: PackagePreview['info']): PackagePreview {
    const { manifest, content } = read;
    const placements = content.documents.map((d) => place(d, manifest.office.fingerprint));
    const localOf = new Map(placements.flatMap((p) => (p.kind === 'present' ? [[p.doc.id, p.localId]] : p.kind === 'conflict' ? [[p.doc.id, p.local.id]] : [])));
    const before = importedBefore.get(manifest.id);
    const ext = extensions.find((e) => e.kinds.includes(content.kind));
    return {
      info,
      alreadyImported: before ? { at: before.imported_at, by: before.imported_by } : null,
      documents: {
        new: placements.filter((p) => p.kind === 'new').map((p) => ref(p.doc)),
        present: placements.flatMap((p) => (p.kind === 'present' ? [{ ...ref(p.doc), localId: p.localId, newerHere: p.newerHere }] : [])),
        conflicts: placements.flatMap((p) => (p.kind === 'conflict' ? [p.conflict] : [])),
      },
      campaigns: split(content.campaigns, (c) => !!campaignSame.get(c.name, c.cutoff), (c) => c.name),
      issues: split(content.issues, (i) => !!issueSame.get(i.gazetteTitle, i.year, i.issueNumber, i.totalNumber), issueLabel),
      filing: ext ? ext.preview(read, (id) => localOf.get(id) ?? null) : [],
    };
  }


  function run(by: Caller, read: ReadPackage, fileName: string, choices: Record<string, Resolution>, fallback: Resolution | undefined): PackageImportResult {
    const { manifest, content } = read;
    const sender = manifest.office.name;
    const peer = manifest.office.fingerprint;
    const result: PackageImportResult = { packageId: manifest.id, sender, changed: false, created: 0, replaced: 0, keptMine: 0, copies: 0, unchanged: 0, relations: 0, campaigns: 0, issues: 0, filing: [] };
    if (importedBefore.get(manifest.id)) return result;
    const placements = content.documents.map((d) => place(d, peer));
    const undecided = placements.filter((p) => p.kind === 'conflict' && !choices[p.doc.id] && !fallback);
    if (undecided.length) {
      const names = undecided.slice(0, 3).map((p) => `《${p.doc.title}》`).join('、');
      throw new AppError('CONFLICT', `有 ${undecided.length} 件文件与本机不一致（${names}${undecided.length > 3 ? '等' : ''}），请逐件选择保留本机、采用对方或两者都保留后再导入。文件库未作任何改动。`);
    }
    const at = ctx.now().toISOString();
    const localOf = new Map<string, string>();
    const touched: string[] = [];
    const receipt = (resolution: Resolution | 'new') => ({ package: manifest.id, file: fileName, sender, fingerprint: peer, resolution });
    const sourceIdOf = new Map<string, string>();
    for (const s of content.sources) {
      let id = sourceBySha.get(s.sha256);
      if (!id) {
        id = randomUUID();
        insertSource.run(id, s.name, s.sha256, s.size, s.encoding, s.importedAt);
      }
      sourceIdOf.set(s.sha256, id);
    }
    // the sender's history by document, read once (not once per document: 20,000 × 40,000 rows)
    const historyOf = new Map<string, PackageContent['audit']>();
    for (const row of content.audit) {
      if (row.entity !== 'document') continue;
      const rows = historyOf.get(row.entityId);
      if (rows) rows.push(row);
      else historyOf.set(row.entityId, [row]);
    }
    const receiveNew = (d: PkgDocument, resolution: 'new' | 'both') => {
      const { id } = documents.create(by, asNew(d), d.sourceSha256 ? (sourceIdOf.get(d.sourceSha256) ?? null) : null);
      // the sender's history of this document travels with it; then the row that says how it arrived
      for (const row of historyOf.get(d.id) ?? []) audit.recordReceived({ ...row, entityId: id }, sender);
      audit.record(by, 'document.receive', 'document', id, null, { ...receipt(resolution), title: d.title, docNumber: d.docNumber?.normalized ?? null, remoteId: d.id });
      touched.push(id);
      return id;
    };
    const fresh = new Set<string>();
    for (const p of placements) {
      if (p.kind === 'new') {
        localOf.set(p.doc.id, receiveNew(p.doc, 'new'));
        fresh.add(p.doc.id);
        result.created++;
      } else if (p.kind === 'present') {
        localOf.set(p.doc.id, p.localId);
        result.unchanged++;
      } else {
        const choice = choices[p.doc.id] ?? fallback!;
        if (choice === 'mine') {
          localOf.set(p.doc.id, p.local.id);
          result.keptMine++;
        } else if (choice === 'theirs') {
          const patch = Object.fromEntries(p.conflict.fields.map((f) => [f.field, f.field === 'docNumber' ? (p.doc.docNumber?.raw ?? null) : p.doc[f.field as Fact]]));
          documents.update(by, p.local.id, patch);
          audit.record(by, 'document.receive', 'document', p.local.id, null, { ...receipt('theirs'), fields: p.conflict.fields.map((f) => f.label) });
          localOf.set(p.doc.id, p.local.id);
          fresh.add(p.doc.id);
          touched.push(p.local.id);
          result.replaced++;
        } else {
          localOf.set(p.doc.id, receiveNew(p.doc, 'both'));
          fresh.add(p.doc.id);
          result.copies++;
        }
      }
    }
    for (const p of placements) {
      const local = localOf.get(p.doc.id)!;
      const copy = p.kind === 'conflict' && (choices[p.doc.id] ?? fallback) === 'both';
      if (!copy) setExchanged.run(local, peer, factsHash(p.doc), at);
    }
    for (const r of content.relations) {
      if (!fresh.has(r.sourceId)) continue;
      const target = r.targetId ? (localOf.get(r.targetId) ?? null) : null;
      if (relations.insert(by, localOf.get(r.sourceId)!, r.type, { docNumber: r.targetDocNumber, title: r.targetTitle }, target)) result.relations++;
    }
    for (const c of content.corrections) {
      const source = sourceIdOf.get(c.sourceSha256);
      const doc = c.documentId ? localOf.get(c.documentId) : null;
      if (!source || !doc || !c.documentId || !fresh.has(c.documentId)) continue;
      insertCorrection.run(source, doc, c.kind, c.field, c.extractedValue, c.correctedValue, c.createdAt, c.createdBy);
    }
    result.campaigns = records.campaigns(by, content.campaigns, localOf, receipt('new'));
    result.issues = records.issues(by, content, localOf, receipt('new'), at);
    const ext = extensions.find((e) => e.kinds.includes(content.kind));
    if (ext) result.filing = ext.apply(by, read, (id) => localOf.get(id) ?? null, { fileName });
    upsertPeer.run(peer, sender, manifest.office.publicKey, at, at);
    result.changed = true;
    recordImport.run(manifest.id, manifest.kind, fileName, sender, peer, at, by.user, JSON.stringify(result));
    audit.record(by, 'package.import', 'package', manifest.id, null, { ...result, file: fileName, fingerprint: peer, kind: manifest.kind });
    if (touched.length) ctx.events.emit('documents:changed', { ids: touched, deleted: [] });
    return result;
  }

  return {
    preview,
    /** Imports in one transaction; a failure anywhere leaves the library as it was. */
    import(by: Caller, read: ReadPackage, fileName: string, choices: Record<string, Resolution>, fallback?: Resolution): PackageImportResult {
      return db.transaction(() => run(by, read, fileName, choices, fallback))();
    },
    /** The sender as this library knows it: seen before with this key; another key under the same name. */
    senderStatus(fingerprint: string, name: string): { known: boolean; keyChanged: boolean } {
      return { known: !!peerByFingerprint.get(fingerprint), keyChanged: !!peerByName.get(name, fingerprint) };
    },
  };
}
export type PackageApplier = ReturnType<typeof createPackageApplier>;
