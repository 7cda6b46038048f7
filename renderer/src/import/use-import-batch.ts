import { useRef, useState } from 'react';
import {
  base64Length,
  MAX_COMMIT_REQUEST_DOCUMENTS,
  MAX_COMMIT_REQUEST_FILES,
  MAX_PARSE_REQUEST_BASE64,
  MAX_PARSE_REQUEST_FILES,
  planChunks,
  type CommitDocument,
  type CommitFile,
  type ImportSummary,
  type ParsedFile,
  type ReviewDocument,
  type StagedDocuments,
} from '../../../shared/contract/import';
import { errorMessage } from '../api/call';
import type { useCall } from '../api/CallProvider';
import { countDocs } from '../common/format';
import type { PublishedNotice } from '../cleanup/PublishedResult';
import { isArchiveName } from '../../../shared/import/supported';
import { fileItem, precheck, readAsBase64, unpack, type ImportItem } from './read-file';

/** One file on the review screen: what the service parsed (staged), or why it could not be read. */
export interface ReviewFile {
  name: string;
  parsed: ParsedFile | null;
  /** refused before or while sending (too large, unreadable, service error) */
  error: string | null;
  docs: ReviewEntry[];
}

/** One document on the review screen: as the person corrected it, kept or dropped, and how its boundaries came about. */
export interface ReviewEntry {
  doc: ReviewDocument;
  keep: boolean;
  /** made by a split or merge at this review: its metadata was extracted again and wants a look */
  origin?: 'split' | 'merge';
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
  phase: 'parse' | 'commit';
}

/** The fields the review lets a person correct. */
const REVIEWED_FIELDS = [
  'title', 'docNumber', 'registrationNumber', 'issuers', 'dateSigned', 'kind', 'isNormative', 'effectiveClause', 'effectiveDate', 'validityClause', 'validUntil',
] as const;
type ReviewedField = (typeof REVIEWED_FIELDS)[number];

/** The reviewed fields the person changed from what was extracted (`printed`; every field when there is none). */
function edits(d: ReviewDocument, printed: ReviewDocument | undefined): ReviewedField[] {
  const value = (x: ReviewDocument | undefined, k: ReviewedField) => JSON.stringify(k === 'docNumber' ? (x?.docNumber?.raw ?? null) : x?.[k]);
  return REVIEWED_FIELDS.filter((k) => !printed || value(d, k) !== value(printed, k));
}

/** One kept staged document by its index, with the metadata the person corrected (body and lines stay with the service). */
function toCommitDocument(d: ReviewDocument, index: number, printed: ReviewDocument | undefined): CommitDocument {
  // Only what the person changed: the service keeps the rest as it extracted it.
  const out: CommitDocument = { index };
  for (const k of edits(d, printed)) (out as Record<string, unknown>)[k] = k === 'docNumber' ? (d.docNumber?.raw ?? null) : d[k];
  return out;
}

/** A document extracted again (split, merge) with the corrections the person had made to the one it came from. */
function carryEdits(entry: ReviewEntry, printed: ReviewDocument | undefined, fresh: ReviewDocument): ReviewDocument {
  const out = { ...fresh } as Record<string, unknown>;
  for (const k of printed ? edits(entry.doc, printed) : []) out[k] = entry.doc[k];
  return out as ReviewDocument;
}

/**
 * The review entries after the service split document `index` in two, or merged it with the next: entries
 * before it unchanged, the first new one with the person's corrections carried over, the rest moved along.
 */
export function afterRebound(old: ReviewEntry[], printed: ReviewDocument[], kind: 'split' | 'merge', index: number, fresh: ReviewDocument[]): ReviewEntry[] {
  const shift = kind === 'split' ? -1 : 1;
  return fresh.map((doc, j): ReviewEntry => {
    if (j < index) return old[j];
    if (j === index) return { doc: carryEdits(old[j], printed[j], doc), keep: old[j].keep || (kind === 'merge' && old[j + 1].keep), origin: kind };
    if (kind === 'split' && j === index + 1) return { doc, keep: true, origin: kind };
    return old[j + shift];
  });
}

/** A kept document without a title: it must be completed or skipped before the batch can be saved. */
export const isIncomplete = (e: ReviewEntry): boolean => e.keep && !e.doc.title.trim();

/** How the review stands: kept (to save), skipped by the person, kept but incomplete (no title). */
export function reviewCounts(files: ReviewFile[]): { kept: number; skipped: number; incomplete: number } {
  const all = files.flatMap((f) => (f.parsed?.stagedId && !f.parsed.error ? f.docs : []));
  return { kept: all.filter((d) => d.keep).length, skipped: all.filter((d) => !d.keep).length, incomplete: all.filter(isIncomplete).length };
}

const NO_TITLE = { kind: 'no-title', message: '未识别出标题：请补填标题，或取消“保留”跳过此件。' } as const;
const NO_NUMBER = { kind: 'no-doc-number', message: '未识别出文号，请核对或补填。' } as const;

/**
 * The review warnings after the person corrected a document: those about a missing title, 文号 or validity go once
 * the field is filled in (and a title or 文号 removed is flagged again); the rest stay as the service found them.
 */
export function refreshWarnings(doc: ReviewDocument): ReviewDocument {
  const kept = doc.reviewWarnings.filter(
    (w) =>
      !(w.kind === 'no-title' && doc.title.trim()) &&
      !(w.kind === 'no-doc-number' && doc.docNumber) &&
      !(w.kind === 'no-validity' && (doc.validityClause || doc.validUntil || !doc.isNormative)),
  );
  const has = (k: string) => kept.some((w) => w.kind === k);
  const added = [...(!doc.title.trim() && !has('no-title') ? [NO_TITLE] : []), ...(!doc.docNumber && !has('no-doc-number') ? [NO_NUMBER] : [])];
  return { ...doc, reviewWarnings: [...added, ...kept] };
}

const emptySummary = (): ImportSummary => ({ created: [], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] });

function addSummary(a: ImportSummary, b: ImportSummary): ImportSummary {
  return {
    created: [...a.created, ...b.created],
    skipped: [...a.skipped, ...b.skipped],
    gazettes: [...a.gazettes, ...b.gazettes],
    resolvedRelations: a.resolvedRelations + b.resolvedRelations,
    flagged: [...a.flagged, ...b.flagged],
    refused: [...a.refused, ...b.refused],
  };
}

const titleKey = (t: string) => t.replace(/\s+/g, ' ').trim();

/**
 * The documents of saved files that print cleanup result lists (继续有效/修改/废止/宣布失效 annexes) and are in the
 * library now (stored by this import, or there already): a notice that was not stored is not offered.
 */
export function cleanupNoticesIn(saved: ReviewFile[], stored: Pick<ImportSummary, 'created' | 'skipped'>): PublishedNotice[] {
  const inLibrary = new Set([...stored.created, ...stored.skipped].map((d) => titleKey(d.title)));
  return saved.flatMap((f) =>
    f.docs.flatMap(({ doc, keep }) =>
      keep && doc.cleanup?.items.length && titleKey(doc.title) && inLibrary.has(titleKey(doc.title))
        ? [{ title: titleKey(doc.title), docNumber: doc.docNumber?.normalized ?? null, dateSigned: doc.dateSigned, items: doc.cleanup.items }]
        : [],
    ),
  );
}

/**
 * The import batch: files read and parsed in chunks within the transport limit, reviewed, and committed in
 * chunks (one transaction each); `stop` ends either between two chunks, so nothing is ever half-saved.
 */
export function useImportBatch(call: ReturnType<typeof useCall>) {
  const [files, setFiles] = useState<ReviewFile[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string; phase: 'parse' | 'commit' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancelRef = useRef(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  // cleanup result notices among the saved documents: offered for applying once the import is done
  const [cleanupNotices, setCleanupNotices] = useState<PublishedNotice[]>([]);

  /** Reads and parses files, the files of chosen or dropped folders, and the files of .zip archives. */
  const addFiles = async (list: Array<File | ImportItem>) => {
    if (!list.length || progress || saving) return;
    setSummary(null);
    setSaveError(null);
    setNotice(null);
    cancelRef.current = false;
    const results: ReviewFile[] = [];
    const sendable: ImportItem[] = [];
    for (const f of list.map((x) => (x instanceof File ? fileItem(x) : x))) {
      const refused = precheck(f);
      if (refused) results.push({ name: f.name, parsed: null, error: refused, docs: [] });
      else if (!isArchiveName(f.name)) sendable.push(f);
      else {
        setProgress({ done: 0, total: list.length, current: `正在展开压缩包 ${f.name}`, phase: 'parse' });
        try {
          const { items, skipped } = await unpack(f);
          sendable.push(...items);
          for (const k of skipped) results.push({ name: k.name, parsed: null, error: `已跳过：${k.reason}`, docs: [] });
        } catch (err) {
          results.push({ name: f.name, parsed: null, error: errorMessage(err), docs: [] });
        }
      }
    }
    // Several files per request within the transport limit, so a folder of any size is read in steps that show
    // progress and can be stopped between them; one bad file spoils nothing else.
    const chunks = planChunks(sendable, MAX_PARSE_REQUEST_FILES, MAX_PARSE_REQUEST_BASE64, (f) => base64Length(f.size));
    let done = 0;
    for (const chunk of chunks) {
      if (cancelRef.current) {
        setNotice(`已停止读取：${sendable.length - done} 个文件未读取，已读取的 ${done} 个文件列在下方。`);
        break;
      }
      setProgress({ done, total: sendable.length, current: chunk.map((f) => f.name).join('、'), phase: 'parse' });
      const files: Array<{ name: string; dataBase64: string }> = [];
      for (const f of chunk) {
        try {
          files.push({ name: f.name, dataBase64: await readAsBase64(f) });
        } catch (err) {
          results.push({ name: f.name, parsed: null, error: errorMessage(err), docs: [] });
        }
      }
      if (files.length) {
        try {
          const parsed = await call('import:parse', { files });
          parsed.forEach((p) => results.push({ name: p.name, parsed: p, error: null, docs: p.documents.map((doc) => ({ doc, keep: true })) }));
        } catch (err) {
          for (const f of files) results.push({ name: f.name, parsed: null, error: errorMessage(err), docs: [] });
        }
      }
      done += chunk.length;
    }
    setProgress(null);
    setFiles((prev) => [...prev, ...results]);
  };

  const commit = async () => {
    const toCommit = files.filter((f) => f.parsed?.stagedId && !f.parsed.error && f.docs.some((d) => d.keep));
    // An untitled document is never sent to be "saved" and then refused: it is completed or skipped first.
    if (!toCommit.length || toCommit.some((f) => f.docs.some(isIncomplete))) return;
    setSaving(true);
    setSaveError(null);
    setNotice(null);
    cancelRef.current = false;
    // Each request is its own transaction: stopping between them leaves every saved chunk whole and nothing half-saved.
    const chunks = planChunks(toCommit, MAX_COMMIT_REQUEST_FILES, MAX_COMMIT_REQUEST_DOCUMENTS, (f) => f.docs.filter((d) => d.keep).length);
    let total = emptySummary();
    const saved = new Set<ReviewFile>();
    let savedDocs = 0;
    const keptCount = toCommit.reduce((n, f) => n + f.docs.filter((d) => d.keep).length, 0);
    try {
      for (const [k, chunk] of chunks.entries()) {
        if (cancelRef.current) {
          setNotice(`已停止保存：已保存 ${k} 批（${countDocs(savedDocs)}），其余 ${toCommit.length - saved.size} 个文件未保存，仍列在下方，可再次保存。`);
          break;
        }
        setProgress({ done: savedDocs, total: keptCount, current: `第 ${k + 1}/${chunks.length} 批`, phase: 'commit' });
        const req: CommitFile[] = chunk.map((f) => ({
          stagedId: f.parsed!.stagedId!,
          gazette: f.parsed!.gazette,
          documents: f.docs.flatMap((d, index) => (d.keep ? [toCommitDocument(d.doc, index, f.parsed!.documents[index])] : [])),
        }));
        total = addSummary(total, await call('import:commit', { files: req }));
        chunk.forEach((f) => saved.add(f));
        savedDocs += req.reduce((n, f) => n + f.documents.length, 0);
      }
    } catch (err) {
      setSaveError(
        saved.size
          ? `${errorMessage(err)}（此前已保存的 ${saved.size} 个文件不受影响，见下方；未保存的文件仍列在下方）`
          : errorMessage(err),
      );
    } finally {
      setProgress(null);
      setSaving(false);
      if (saved.size) {
        setSummary(total);
        setCleanupNotices(cleanupNoticesIn([...saved], total));
        setFiles((prev) => prev.filter((f) => !saved.has(f)));
      }
    }
  };

  /** Splits (before line `at` of its text) or merges with the next a staged document, in the service, and shows the result. */
  const rebound = async (fi: number, di: number, change: { kind: 'split'; at: number } | { kind: 'merge' }) => {
    const stagedId = files[fi]?.parsed?.stagedId;
    if (!stagedId) return;
    const res: StagedDocuments =
      change.kind === 'split' ? await call('import:split', { stagedId, index: di, at: change.at }) : await call('import:merge', { stagedId, index: di });
    setFiles((prev) =>
      prev.map((f, i) =>
        i !== fi || !f.parsed
          ? f
          : { ...f, parsed: { ...f.parsed, documents: res.documents }, docs: afterRebound(f.docs, f.parsed.documents, change.kind, di, res.documents) },
      ),
    );
  };

  /** A staged document extracted again after a line of its scan was corrected: the fresh extraction replaces it. */
  const replaceStaged = (fi: number, di: number, res: StagedDocuments) =>
    setFiles((prev) =>
      prev.map((f, i) =>
        i !== fi || !f.parsed ? f : { ...f, parsed: { ...f.parsed, documents: res.documents }, docs: f.docs.map((d, j) => (j === di ? { ...d, doc: res.documents[di] } : d)) },
      ),
    );

  const update = (fi: number, di: number, patch: Partial<{ doc: ReviewDocument; keep: boolean }>) =>
    setFiles((prev) =>
      prev.map((f, i) =>
        i !== fi ? f : { ...f, docs: f.docs.map((d, j) => (j === di ? { ...d, ...patch, ...(patch.doc ? { doc: refreshWarnings(patch.doc) } : {}) } : d)) },
      ),
    );

  /** Skips (unkeeps) every kept document without a title. */
  const skipIncomplete = () => setFiles((prev) => prev.map((f) => ({ ...f, docs: f.docs.map((d) => (isIncomplete(d) ? { ...d, keep: false } : d)) })));

  return {
    files, setFiles, progress, notice, saving, saveError, summary, cleanupNotices, addFiles, commit, update, rebound, replaceStaged, skipIncomplete, stop: () => (cancelRef.current = true),
  };
}
