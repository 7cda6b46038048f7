import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../composition';
import { registerSearchFunctions } from '../../db/search-functions';
import { DOCUMENT_STATUSES } from '../../../../shared/domain/document';
import { BY, commitFile, parsedDoc } from '../../test-support/fixtures';
import { readStatusSnapshot, statusCodesOf } from './status-snapshot';

const now = () => new Date('2026-11-22T12:00:00');
const quiet = { info() {}, error() {} };

/** A library of 1,500 documents with dates of every kind and status-changing relations among them; their ids. */
async function seedLibrary(dir: string): Promise<string[]> {
  const db = new Database(join(dir, 'normdesk.db'));
  await createApp({ dataDir: dir, shell: 'cli', now, log: quiet }).close();
  registerSearchFunctions(db);
  const insert = db.prepare(`INSERT INTO documents (id, title, issuers, date_signed, effective_date, valid_until, declared_invalid_on, kind,
    is_normative, body, content_hash, created_at, updated_at) VALUES (?, ?, '[]', ?, ?, ?, ?, '通知', 1, '[]', ?, '2026-01-01', '2026-01-01')`);
  const relate = db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES (?, ?, ?, '2026-01-01')");
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 1500; i++) {
      const id = `d${i}`;
      const year = 2015 + (i % 13);
      insert.run(id, `文件${i}`, `${year}-0${1 + (i % 9)}-10`, i % 5 ? `${year}-1${i % 3}-01` : null, i % 7 ? null : `2026-1${i % 3}-2${i % 9}`, i % 11 ? null : '2026-06-01', `h${i}`);
      if (i % 4 === 3) relate.run(['abolishes', 'amends', 'replaces'][i % 3], id, ids[i - 1 - (i % 50)]);
      ids.push(id);
    }
  })();
  db.close();
  return ids;
}

describe('the status index re-reads relations only when they can have moved (issue 25)', () => {
  // A short-lived process reads the documents it is asked about one by one; a server reads every one at start.
  it.each(['one by one', 'every document at once'])('follows a source’s new 施行日期, relations removed and added by another process, and a deletion (read %s)', async (read) => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-status-'));
    const app = createApp({ dataDir: dir, shell: 'cli', now, log: quiet });
    const { imports, documents, statuses } = app.services;
    if (read !== 'one by one') statuses.loadAll();
    const [old, other] = imports.commitParsed(BY, [
      commitFile('old.txt', [
        parsedDoc({ title: '旧办法', docNumber: '招政发〔2018〕1号', dateSigned: '2018-01-09', effectiveDate: '2018-01-09', body: ['旧'] }),
        parsedDoc({ title: '另一办法', docNumber: '招政发〔2018〕2号', dateSigned: '2018-02-09', effectiveDate: '2018-02-09', body: ['另'] }),
      ]),
    ]).created.map((c) => c.id);
    const [repeal] = imports.commitParsed(BY, [
      commitFile('new.txt', [
        parsedDoc({ title: '新办法', docNumber: '招政发〔2026〕9号', dateSigned: '2026-10-09', effectiveDate: '2027-01-01', body: ['新'],
          abolishes: [{ title: '旧办法', docNumber: '招政发〔2018〕1号' }] }),
      ]),
    ]).created.map((c) => c.id);
    // abolished from 2027: still in force today
    expect(statuses.statusOf(old)).toBe('现行有效');
    expect(statuses.statusOf(old, '2027-06-01')).toBe('已废止');

    // the abolishing document takes effect earlier: an edit of its date alone moves the other's status
    documents.update(BY, repeal, { effectiveDate: '2026-11-01' });
    expect(statuses.statusOf(old)).toBe('已废止');

    // another process removes that relation, then abolishes the other document
    const db = new Database(join(dir, 'normdesk.db'));
    registerSearchFunctions(db);
    db.prepare("DELETE FROM relations WHERE source_id = ? AND type = 'abolishes'").run(repeal);
    expect(statuses.statusOf(old)).toBe('现行有效');
    db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('abolishes', ?, ?, '2026-11-22T00:00:00Z')").run(repeal, other);
    expect(statuses.statusOf(other)).toBe('已废止');
    // a citation is no status change and leaves the counter alone
    const counter = () => db.prepare('SELECT relations_version FROM search_state').pluck().get() as number;
    const before = counter();
    db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('cites', ?, ?, '2026-11-22T00:00:00Z')").run(repeal, old);
    expect(counter()).toBe(before);
    // deleting the abolishing document takes its relations along
    db.prepare('DELETE FROM documents WHERE id = ?').run(repeal);
    expect(counter()).toBeGreaterThan(before);
    db.close();
    expect(statuses.statusOf(other)).toBe('现行有效');
    await app.close();
  });

  it('gives the same statuses read one by one, past the point where it reads every document, and read at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-status-'));
    const ids = await seedLibrary(dir);
    const statusesOf = async (loadAll: boolean) => {
      const app = createApp({ dataDir: dir, shell: 'cli', now, log: quiet });
      if (loadAll) app.services.statuses.loadAll();
      const out = ['2026-11-22', '2025-06-30'].map((day) => {
        const on = app.services.statuses.onDay(day);
        return ids.map((id) => on(id));
      });
      await app.close();
      return out;
    };
    const oneByOne = await statusesOf(false);
    expect(oneByOne).toEqual(await statusesOf(true));
    expect(new Set(oneByOne[0]).size).toBeGreaterThan(4);
  });
});

describe('the status index says which statuses it forgot, so a search keeps the others (issue 25)', () => {
  it('names the documents an edit or a relation moved; after a deletion too; and nothing when nothing moved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-status-'));
    const app = createApp({ dataDir: dir, shell: 'cli', now, log: quiet });
    const { imports, documents, statuses } = app.services;
    statuses.loadAll();
    const [a, b, c] = imports.commitParsed(BY, [
      commitFile('three.txt', ['甲', '乙', '丙'].map((t, i) =>
        parsedDoc({ title: `${t}办法`, docNumber: `招政发〔2018〕${i + 1}号`, dateSigned: '2018-01-09', effectiveDate: '2018-01-09', body: [t] }))),
    ]).created.map((x) => x.id);
    statuses.onDay();
    let mark = statuses.mark();
    statuses.onDay();
    expect(statuses.forgottenSince(mark)).toEqual([]);

    // an edit of one document: only it
    documents.update(BY, b, { validUntil: '2020-12-31' });
    statuses.onDay();
    expect(statuses.forgottenSince(mark)).toEqual([b]);
    expect(statuses.statusOf(b)).not.toBe('现行有效');

    // a document abolishing another: the new one and its target, not the third
    mark = statuses.mark();
    imports.commitParsed(BY, [
      commitFile('new.txt', [parsedDoc({ title: '新办法', docNumber: '招政发〔2026〕9号', dateSigned: '2026-10-09', effectiveDate: '2026-11-01', body: ['新'],
        abolishes: [{ title: '甲办法', docNumber: '招政发〔2018〕1号' }] })]),
    ]);
    statuses.onDay();
    const moved = statuses.forgottenSince(mark)!;
    expect(moved).toContain(a);
    expect(moved).not.toContain(c);
    expect(statuses.statusOf(a)).toBe('已废止');

    // a mark from before the index started again names nothing: the keeper starts again too
    const stale = { ...statuses.mark(), resets: statuses.mark().resets - 1 };
    expect(statuses.forgottenSince(stale)).toBeNull();
    await app.close();
  });
});

describe('a server reads every status off its main thread at start (issue 25)', () => {
  // The worker reads a snapshot and computes today's statuses by rid; the search's status column starts from them.
  // Edits made after the snapshot was read must show as in a process that read everything afterwards.
  it.each(['in a worker thread', 'from a snapshot read before the edits'])('gives the statuses read in this thread, through a search too, after edits made meanwhile (%s)', async (how) => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-status-'));
    const ids = await seedLibrary(dir);
    const app = createApp({ dataDir: dir, shell: 'cli', now, log: quiet });
    const { statuses, documents } = app.services;
    const today = '2026-11-22';
    const key = `${today}|${app.ctx.settings.get().expiryWindowMonths}`;
    const before = readStatusSnapshot(app.ctx.db);
    const loaded = how === 'in a worker thread' ? statuses.loadAllOffThread(0) : null;
    // meanwhile: a date that ends a document's validity, a new abolition, a deletion (by this process or another)
    documents.update(BY, ids[10], { validUntil: '2026-01-31' });
    app.ctx.db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('abolishes', ?, ?, '2026-01-01')").run(ids[20], ids[21]);
    app.ctx.db.prepare('DELETE FROM documents WHERE id = ?').run(ids[30]);
    if (loaded) await loaded;
    else expect(statuses.loadSnapshot(before, { key, codes: statusCodesOf(before, today, app.ctx.settings.get().expiryWindowMonths, DOCUMENT_STATUSES)! })).toBe(true);
    const found = await app.call('search:query', { text: '文件', limit: 200, filters: { status: ['已失效', '已废止'] } });
    const all = await app.call('search:query', { text: '文件', limit: 1 });
    await app.close();

    const fresh = createApp({ dataDir: dir, shell: 'cli', now, log: quiet });
    const on = fresh.services.statuses.onDay(today);
    const expected = ids.filter((id) => id !== ids[30]).map((id) => on(id));
    await fresh.close();
    expect(expected[10]).toBe('已失效');
    expect(expected[21]).toBe('已废止');
    const counts = new Map<string, number>();
    for (const s of expected) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(new Map(all.facets.status.map((f) => [f.value, f.count]))).toEqual(counts);
    expect(found.total).toBe((counts.get('已失效') ?? 0) + (counts.get('已废止') ?? 0));
    expect(found.results.map((r) => r.status).every((s) => s === '已失效' || s === '已废止')).toBe(true);
    expect(found.results.map((r) => r.id)).toEqual(expect.arrayContaining([ids[10], ids[21]]));
  });
});
