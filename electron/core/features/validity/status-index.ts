import { Worker } from 'node:worker_threads';
import { DOCUMENT_STATUSES, type DocumentStatus, type RelationType } from '../../../../shared/domain/document';
import { computeStatus, isoDay, type IncomingChange, type StatusInput } from '../../../../shared/domain/status';
import type { AppContext } from '../../kernel/context';
import { findWorkerScript } from '../../kernel/worker-script';
import { readStatusSnapshot, STATUS_RELATIONS, unpackSnapshot, type StatusSnapshot } from './status-snapshot';

/** Days whose statuses are kept at once (today, a picked 状态日期, a few more). */
const CACHED_DAYS = 8;
/**
 * Documents whose inputs are read one by one before the index reads every document's at once: a process that asks
 * for a page of statuses (the CLI printing search results, one document's view) reads a few rows; a walk over the
 * library reads them all (one bulk read of 100,000 documents ≈ 0.3 s, about the cost of this many single reads).
 */
const SINGLE_READS = 1000;

type InputRow = [id: string, dateSigned: string | null, effectiveDate: string | null, validUntil: string | null, declaredInvalidOn: string | null];

/** Statuses of every document on one day; computed on first ask, then kept until an input changes. */
export type StatusesOnDay = (id: string) => DocumentStatus;
/** A point in the status index's log of forgotten statuses. */
export interface StatusMark {
  resets: number;
  at: number;
}
/**
 * Every document's status code (position in DOCUMENT_STATUSES) by rid on one day (`key`: `asOf|evaluation window`),
 * as the index would compute them at `mark`, with the library's deleted_version then: what the worker that read the
 * index's snapshot computed, for the search's status column (status-column.ts) to start from.
 */
export interface StatusCodesAtMark {
  key: string;
  codes: Uint8Array;
  mark: StatusMark;
  deletedVersion: number;
}

/** Whether two lists of incoming changes are the same, in order. */
function sameChanges(a: readonly IncomingChange[] | undefined, b: readonly IncomingChange[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].type !== b[i].type || a[i].effectiveOn !== b[i].effectiveOn) return false;
  return true;
}

/** What the status worker sends: the snapshot, and the codes by rid on the day asked computed from it (status-worker.ts). */
export interface StatusWorkerResult {
  snapshot?: StatusSnapshot;
  codes?: Uint8Array | null;
  failure?: string;
}

/** Incoming changes by target, from the rows of the index's join. */
function incomingByTarget(rows: Iterable<{ target: string; type: RelationType; effective_on: string | null }>): Map<string, IncomingChange[]> {
  const next = new Map<string, IncomingChange[]>();
  for (const r of rows) {
    const list = next.get(r.target);
    const change = { type: r.type, effectiveOn: r.effective_on };
    if (list) list.push(change);
    else next.set(r.target, [change]);
  }
  return next;
}

/**
 * Libraries smaller than this read their statuses in the thread that asks: a worker's own start (≈ 0.06–0.1 s on a
 * 2-core VM) costs as much as it saves below it (at 20,000 documents the first answer came no sooner).
 */
const OFF_THREAD_MIN_ROWS = 40_000;

/** A heap for the snapshot's two strings and their rows (≈ 100,000 of each at a city's library). */
const SNAPSHOT_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 };

/** The status worker's snapshot of `file` and statuses on `asOf` (keyed as `onDay` keys them); null if it failed. */
function readInWorker(script: { file: string; eval: boolean }, file: string, asOf: string, months: number): Promise<StatusWorkerResult | null> {
  const workerData = { file, asOf, months, order: DOCUMENT_STATUSES };
  const worker = new Worker(script.file, { eval: script.eval, workerData, resourceLimits: SNAPSHOT_LIMITS });
  worker.unref();
  return new Promise((resolve) => {
    worker.once('message', (m: StatusWorkerResult) => resolve(m));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}

/** Forgotten ids kept in the log (a keeper further behind starts again). */
const FORGOTTEN_KEPT = 5_000;

/**
 * The ids whose statuses the index forgot, in order, for those who keep statuses derived from it (the search's
 * status column): the ids forgotten one by one since a mark — or none after everything was forgotten at once, or
 * when more than the log keeps came since, and the keeper starts again.
 */
function createForgottenLog() {
  let resets = 0;
  let base = 0;
  const ids: string[] = [];
  return {
    add(id: string): void {
      ids.push(id);
      if (ids.length > 2 * FORGOTTEN_KEPT) {
        ids.splice(0, FORGOTTEN_KEPT);
        base += FORGOTTEN_KEPT;
      }
    },
    reset(): void {
      resets++;
      base += ids.length;
      ids.length = 0;
    },
    mark: (): StatusMark => ({ resets, at: base + ids.length }),
    since: (mark: StatusMark): readonly string[] | null => (mark.resets !== resets || mark.at < base ? null : ids.slice(mark.at - base)),
  };
}

/**
 * The status index's `loadAll` with its reading done in a worker thread on a connection of its own (a server's
 * start: the thread that answers requests loads the search columns meanwhile); read in this thread when no worker
 * can start or its snapshot does not parse.
 */
function createOffThreadLoad(
  ctx: Pick<AppContext, 'db' | 'settings' | 'now'>,
  index: { isFull(): boolean; loadSnapshot(s: StatusSnapshot, today?: { key: string; codes: Uint8Array }): boolean; loadAll(): void },
) {
  let pending: Promise<void> | null = null;
  /** the day and evaluation window the worker computes statuses for (as `onDay` keys them) */
  let key = '';
  const settle = (m: StatusWorkerResult | null) => {
    pending = null;
    try {
      if (!m?.snapshot || !index.loadSnapshot(m.snapshot, m.codes ? { key, codes: m.codes } : undefined)) index.loadAll();
    } catch {
      /* the library closed meanwhile, or a read failed: statuses are read again when asked */
    }
  };
  return {
    /** Starts loading every document's inputs off this thread; never rejects. */
    loadAllOffThread(minRows = OFF_THREAD_MIN_ROWS): Promise<void> {
      if (index.isFull()) return Promise.resolve();
      if (pending) return pending;
      const rows = ctx.db.prepare<[], number | null>('SELECT max(rid) FROM search_map').pluck().get() ?? 0;
      const script = ctx.db.memory || rows < minRows ? null : findWorkerScript(import.meta.url, 'status-worker');
      if (!script) return (pending = new Promise((resolve) => setImmediate(resolve)).then(() => settle(null)));
      const asOf = isoDay(ctx.now());
      const months = ctx.settings.get().expiryWindowMonths;
      key = `${asOf}|${months}`;
      return (pending = readInWorker(script, ctx.db.name, asOf, months).then(settle));
    },
    /** The off-thread load under way (a search about to ask every status waits for it rather than read again), or null. */
    loading: (): Promise<void> | null => pending,
  };
}

/** What the status index asks of search_map and relations. */
function statusStatements(db: AppContext['db']) {
  const stateStmt = db.prepare<[], { meta_version: number; deleted_version: number; relations_version: number }>(
    'SELECT meta_version, deleted_version, relations_version FROM search_state WHERE id = 1',
  );
  const INPUTS = 'SELECT doc_id, date_signed, effective_date, valid_until, declared_invalid_on FROM search_map';
  const allInputs = db.prepare<[], InputRow>(INPUTS).raw();
  const inputsSince = db.prepare<[number], InputRow>(`${INPUTS} WHERE ver > ?`).raw();
  const liveIds = db.prepare<[], string>('SELECT doc_id FROM search_map').pluck();
  const incomingStmt = db.prepare<[], { target: string; type: RelationType; effective_on: string | null }>(`
    SELECT r.target_id AS target, r.type, coalesce(s.effective_date, s.date_signed) AS effective_on
    FROM relations r JOIN search_map s ON s.doc_id = r.source_id
    WHERE r.target_id IS NOT NULL AND r.type IN ${STATUS_RELATIONS}`);
  const actsStmt = db.prepare<[string], number>(`SELECT 1 FROM relations WHERE source_id = ? AND type IN ${STATUS_RELATIONS} LIMIT 1`).pluck();
  const inputOf = db.prepare<[string], InputRow>(`${INPUTS} WHERE doc_id = ?`).raw();
  const incomingOf = db.prepare<[string], { type: RelationType; effective_on: string | null }>(`
    SELECT r.type, coalesce(s.effective_date, s.date_signed) AS effective_on
    FROM relations r JOIN search_map s ON s.doc_id = r.source_id
    WHERE r.target_id = ? AND r.type IN ${STATUS_RELATIONS}`);
  return { stateStmt, allInputs, inputsSince, liveIds, incomingStmt, actsStmt, inputOf, incomingOf };
}

/**
 * The status index: the only place document statuses are computed and cached. Its inputs are each document's
 * dates and the status-changing relations pointing at it (abolishes, amends, replaces, with when the acting
 * document took effect). It follows the library through the change counters the database triggers keep
 * (search_state: every write to documents or relations, by this process or another, moves them) and re-reads only
 * the rows that moved (search_map.ver), so a refresh after an edit costs a few rows, not the library; the
 * status-changing relations are read again only when one of them moved (search_state.relations_version, migration
 * 0017), a document was deleted, or a changed document's own date dates one of its abolitions or amendments.
 */
export function createStatusIndex(ctx: Pick<AppContext, 'db' | 'settings' | 'now'>) {
  const db = ctx.db;
  const { stateStmt, allInputs, inputsSince, liveIds, incomingStmt, actsStmt, inputOf, incomingOf } = statusStatements(db);

  let metaVersion = -1;
  let deletedVersion = -1;
  let relationsVersion = -1;
  /** every document's inputs are held (else only those read one by one, with their incoming changes) */
  let full = false;
  let singleReads = 0;
  let inputs = new Map<string, StatusInput>();
  /** incoming changes by target; until `full`, an entry (maybe empty) for every document read one by one */
  let incoming = new Map<string, IncomingChange[]>();
  /** statuses per `asOf|evaluation window`, by document id */
  const days = new Map<string, Map<string, DocumentStatus>>();

  const log = createForgottenLog();
  const forget = (id: string) => {
    for (const day of days.values()) day.delete(id);
    log.add(id);
  };
  const forgetAll = () => {
    days.clear();
    log.reset();
  };
  /** true when a document's 施行日期 (or 成文日期) changed and it abolishes, amends or replaces another */
  let sourceMoved = false;
  const put = (r: InputRow) => {
    const before = inputs.get(r[0]);
    inputs.set(r[0], { dateSigned: r[1], effectiveDate: r[2], validUntil: r[3], declaredInvalidOn: r[4] });
    forget(r[0]);
    if (before && (before.effectiveDate !== r[2] || before.dateSigned !== r[1]) && actsStmt.get(r[0])) sourceMoved = true;
  };

  /**
   * Re-reads what moved since the last look; cheap (one row) when nothing did. Until every document is held, the
   * documents read one by one are simply forgotten when anything moved (they are few, and read again when asked).
   */
  function refresh(): void {
    const st = stateStmt.get()!;
    if (st.meta_version === metaVersion && st.deleted_version === deletedVersion && st.relations_version === relationsVersion) return;
    held();
    if (!full) {
      inputs.clear();
      incoming = new Map();
      forgetAll();
      metaVersion = st.meta_version;
      deletedVersion = st.deleted_version;
      relationsVersion = st.relations_version;
      return;
    }
    if (metaVersion < 0) {
      for (const r of allInputs.iterate()) put(r);
      forgetAll();
    } else {
      if (st.deleted_version !== deletedVersion) {
        const live = new Set(liveIds.all());
        for (const id of [...inputs.keys()]) {
          if (live.has(id)) continue;
          inputs.delete(id);
          forget(id);
        }
      }
      for (const r of inputsSince.iterate(metaVersion)) put(r);
    }
    metaVersion = st.meta_version;
    // Relations (and the dates of their sources) decide statuses too: re-read them when they (or a source's date)
    // moved — or a document went, taking its relations — and forget the statuses they moved.
    const relationsMoved = st.relations_version !== relationsVersion || st.deleted_version !== deletedVersion || sourceMoved;
    deletedVersion = st.deleted_version;
    relationsVersion = st.relations_version;
    sourceMoved = false;
    if (!relationsMoved) return;
    const next = incomingByTarget(incomingStmt.iterate());
    for (const target of new Set([...next.keys(), ...incoming.keys()])) {
      if (!sameChanges(next.get(target), incoming.get(target))) forget(target);
    }
    incoming = next;
  }

  /** Holds every document's inputs and the status-changing relations (a server's start, a walk over the library). */
  function loadAll(): void {
    if (full) return;
    // one string per table from SQLite; row by row only if it does not parse
    if (loadSnapshot(readStatusSnapshot(db))) return;
    full = true;
    metaVersion = deletedVersion = relationsVersion = -1;
    inputs.clear();
    incoming = new Map();
    forgetAll();
    refresh();
  }

  /** Today's codes from the worker that read the snapshot, until the search's status column takes them. */
  let codesAtLoad: StatusCodesAtMark | null = null;

  /** A snapshot held as read: its rows are made (`held`) before the inputs or relations are first looked at. */
  let unpacked: StatusSnapshot | null = null;
  function held(): void {
    if (!unpacked) return;
    const rows = unpackSnapshot(unpacked)!;
    unpacked = null;
    inputs = rows.inputs;
    incoming = rows.incoming;
  }

  /**
   * Holds every document's inputs and relations from a snapshot (status-snapshot.ts), then catches up with what
   * was written since, as any refresh. False when it does not parse. `today`: the codes a worker computed from it
   * (it parsed), for `takeCodes`; its rows are then made when first needed (a server's first search needs none).
   */
  function loadSnapshot(snapshot: StatusSnapshot, today?: { key: string; codes: Uint8Array }): boolean {
    if (full) return true;
    const rows = today ? { inputs: new Map(), incoming: new Map() } : unpackSnapshot(snapshot);
    if (!rows) return false;
    full = true;
    forgetAll();
    inputs = rows.inputs;
    incoming = rows.incoming;
    unpacked = today ? snapshot : null;
    ({ meta_version: metaVersion, deleted_version: deletedVersion, relations_version: relationsVersion } = snapshot.versions);
    // what moves from here on is forgotten after this mark: the column patches it
    if (today) codesAtLoad = { ...today, mark: log.mark(), deletedVersion };
    refresh();
    return true;
  }

  const offThread = createOffThreadLoad(ctx, { isFull: () => full, loadSnapshot, loadAll });

  /** One document's inputs and incoming changes, read on their own — or every document's, past SINGLE_READS. */
  function readOne(id: string): void {
    if (++singleReads > SINGLE_READS) {
      loadAll();
      return;
    }
    const r = inputOf.get(id);
    if (r) inputs.set(id, { dateSigned: r[1], effectiveDate: r[2], validUntil: r[3], declaredInvalidOn: r[4] });
    incoming.set(id, incomingOf.all(id).map((c) => ({ type: c.type, effectiveOn: c.effective_on })));
  }

  /**
   * Statuses on `asOf` (default today) under the configured evaluation window, after a refresh. `many`: the caller
   * is about to ask for (nearly) every document's, so every document's inputs are read at once, not one by one.
   */
  function onDay(asOf: string = isoDay(ctx.now()), many = false): StatusesOnDay {
    if (many) loadAll();
    refresh();
    const months = ctx.settings.get().expiryWindowMonths;
    const key = `${asOf}|${months}`;
    let day = days.get(key);
    if (!day) {
      if (days.size >= CACHED_DAYS) days.delete(days.keys().next().value!);
      day = new Map();
      days.set(key, day);
    }
    const cache = day;
    return (id) => {
      let s = cache.get(id);
      if (s === undefined) {
        held();
        if (!full && !incoming.has(id)) readOne(id);
        const input = inputs.get(id);
        s = input ? computeStatus(input, incoming.get(id) ?? [], asOf, months) : '现行有效';
        cache.set(id, s);
      }
      return s;
    };
  }

  return {
    onDay,
    /** Where the log of forgotten statuses stands now (after a refresh: ask `onDay` first). */
    mark: log.mark,
    /** Ids whose statuses were forgotten since a mark (changed, deleted, or moved by a relation), or null: start again. */
    forgottenSince: log.since,
    /** Reads every document's inputs now (the server, before anyone asks), not one by one as asked. */
    loadAll,
    ...offThread,
    /** Holds a snapshot read elsewhere (tests; `loadAllOffThread` in a worker). */
    loadSnapshot,
    /** The status codes computed with the snapshot the index loaded from, once (the search's status column starts from them). */
    takeCodes(): StatusCodesAtMark | null {
      const codes = codesAtLoad;
      codesAtLoad = null;
      return codes;
    },
    /** One document's status on `asOf` (default today). */
    statusOf(id: string, asOf?: string): DocumentStatus {
      return onDay(asOf)(id);
    },
  };
}
export type StatusIndex = ReturnType<typeof createStatusIndex>;
