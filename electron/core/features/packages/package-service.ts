import { randomUUID } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import type { PackageImportResult, PackageInfo, PackagePreview, PackageSelection, Resolution } from '../../../../shared/contract/packages';
import { PACKAGE_KIND_LABELS } from '../../../../shared/contract/packages';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { DocumentService } from '../library/document-service';
import type { RelationService } from '../relations/relation-service';
import { createPackageApplier, type PackageExtension } from './apply';
import { createCollector, type Chosen } from './collect';
import { factsHash } from './match';
import { readPackage, writePackage, type PackageContent, type ReadPackage } from './format';
import type { OfficeService } from './office';
import type { ZipLimits } from './zip';

export interface PackageDeps {
  audit: AuditService;
  office: OfficeService;
  documents: Pick<DocumentService, 'create' | 'update' | 'list'>;
  relations: Pick<RelationService, 'insert'>;
}

/** A file name for a package: 发送机关-内容-日期.ndpkg, without characters file systems refuse. */
export function packageFileName(office: string, kind: string, label: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${office}-${kind}-${label}-${day}`.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120) + '.ndpkg';
}

/**
 * Library packages (.ndpkg): export a chosen part of the library as one signed file, read a package with every
 * check before anything else looks at it, preview what importing it would do, and import it. Other features (备案)
 * add what their own packages carry through `extend`.
 */
export function createPackageService(ctx: Pick<AppContext, 'db' | 'now' | 'events' | 'version'>, deps: PackageDeps) {
  const collector = createCollector(ctx.db);
  const extensions: PackageExtension[] = [];
  const applier = createPackageApplier(ctx, deps, extensions);
  const sentStmt = ctx.db.prepare<[string, string, string]>(
    "INSERT INTO exchange_documents (document_id, peer, facts_hash, at) VALUES (?, 'sent', ?, ?) ON CONFLICT (document_id, peer) DO UPDATE SET facts_hash = excluded.facts_hash, at = excluded.at",
  );

  function chosen(selection: PackageSelection): { chosen: Chosen; label: string } {
    switch (selection.kind) {
      case 'all':
        return { chosen: collector.everything(), label: '全部文件库' };
      case 'documents':
        return { chosen: { documentIds: selection.ids, campaignIds: [], issueIds: [] }, label: `${selection.ids.length}件文件` };
      case 'filter': {
        const rows = deps.documents.list({ ...selection.query, offset: 0, limit: 50_000 }).rows;
        return { chosen: { documentIds: rows.map((r) => r.id), campaignIds: [], issueIds: [] }, label: `筛选的${rows.length}件文件` };
      }
      case 'campaign': {
        const c = collector.campaign(selection.id);
        if (!c) throw new AppError('NOT_FOUND', `未找到清理项目 ${selection.id}`);
        return { chosen: c, label: '清理项目' };
      }
      case 'issue': {
        const c = collector.issue(selection.id);
        if (!c) throw new AppError('NOT_FOUND', `未找到公报期次 ${selection.id}`);
        return { chosen: c, label: '公报期次' };
      }
    }
  }

  function info(read: Pick<ReadPackage, 'manifest' | 'bytes'>): PackageInfo {
    const m = read.manifest;
    const sender = applier.senderStatus(m.office.fingerprint, m.office.name);
    return {
      id: m.id,
      kind: m.kind,
      label: m.label,
      createdAt: m.createdAt,
      sender: { name: m.office.name, fingerprint: m.office.fingerprint },
      knownSender: sender.known,
      senderKeyChanged: sender.keyChanged,
      counts: m.counts,
      parts: m.parts.length + 2,
      bytes: read.bytes,
    };
  }

  /** Signs and writes `content` as this office; the export is audited (what left the library, for whom to check). */
  function write(by: Caller, content: PackageContent) {
    const identity = deps.office.identity(by);
    const id = randomUUID();
    const now = ctx.now();
    const { bytes, manifest } = writePackage(content, { id, createdAt: now.toISOString(), app: ctx.version }, { ...identity, sign: deps.office.sign });
    // what was sent is the base of the next exchange: an edit made only on the other side is then no conflict
    const at = now.toISOString();
    for (const d of content.documents) sentStmt.run(d.id, factsHash(d), at);
    deps.audit.record(by, 'package.export', 'package', id, null, { kind: content.kind, label: content.label, counts: manifest.counts, bytes: bytes.length });
    return { id, bytes, info: info({ manifest, bytes: bytes.length }), fileName: packageFileName(identity.name, PACKAGE_KIND_LABELS[content.kind], content.label, now) };
  }

  return {
    /** Registers what another feature's packages carry (filing records), applied inside the import. */
    extend(ext: PackageExtension): void {
      extensions.push(ext);
    },
    /** The rows of the chosen documents (with relations, campaigns, issues, history) in package form. */
    collect(chosenDocs: Chosen, kind: PackageContent['kind'], label: string): PackageContent {
      return collector.collect(chosenDocs, kind, label);
    },
    write,
    /** A library package of the selection. */
    export(by: Caller, selection: PackageSelection) {
      deps.office.identity(by);
      const { chosen: c, label } = chosen(selection);
      if (!c.documentIds.length && !c.campaignIds.length && !c.issueIds.length) throw new AppError('INVALID_INPUT', '所选范围内没有文件，未生成数据包。');
      const content = collector.collect(c, 'library', label);
      // a campaign or an issue is named as people know it
      const campaign = content.campaigns[0];
      const issue = content.issues[0];
      if (selection.kind === 'campaign' && campaign) content.label = `清理项目“${campaign.name}”`;
      if (selection.kind === 'issue' && issue) content.label = `${issue.title}${issue.year ?? ''}年第${issue.issueNumber ?? '？'}期`;
      return write(by, content);
    },
    /** Reads and checks a package (limits, signature, checksums, schemas). */
    read(bytes: Buffer, limits?: ZipLimits): ReadPackage {
      return readPackage(bytes, limits);
    },
    info,
    /** What importing would do; writes nothing. */
    preview(bytes: Buffer): PackagePreview {
      const read = readPackage(bytes);
      return applier.preview(read, info(read));
    },
    /** Imports a package: conflicts as chosen, else by `fallback`; refused while a conflict has no choice. */
    import(by: Caller, bytes: Buffer, fileName: string, choices: Record<string, Resolution> = {}, fallback?: Resolution): PackageImportResult {
      return applier.import(by, readPackage(bytes), fileName, choices, fallback);
    },
  };
}
export type PackageService = ReturnType<typeof createPackageService>;
