import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { withDeferredSearchIndex } from '../search-batch';
import { migrations } from './index';

const insertDoc = (db: Database.Database, id: string, title: string, body: string[]) =>
  db
    .prepare(`INSERT INTO documents (id, title, issuers, is_normative, body, content_hash, created_at, updated_at)
      VALUES (?, ?, '["招远市人民政府"]', 1, ?, ?, '2026-01-01', '2026-01-01')`)
    .run(id, title, JSON.stringify(body), `h-${id}`);
const found = (db: Database.Database, fts: string, text: string) =>
  db.prepare(`SELECT m.doc_id FROM ${fts} JOIN search_map m ON m.rid = ${fts}.rowid WHERE ${fts} MATCH ? ORDER BY m.doc_id`).pluck().all(`"${text}"`);

describe('migration 0016 (full-text indexing deferred to the end of an import batch; relation history by index)', () => {
  it('keeps stored documents searchable, indexes new ones at once, and those of a batch when it ends', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 16));
    migrate(db, migrations, previous);
    insertDoc(db, 'd1', '养犬管理办法', ['城区内禁止饲养烈性犬。']);
    migrate(db, migrations, 16);
    expect(schemaVersion(db)).toBe(16);
    expect(found(db, 'search_body', '饲养烈性犬')).toEqual(['d1']);

    // Outside a batch: indexed by the trigger as before.
    insertDoc(db, 'd2', '燃放烟花爆竹管理规定', ['春节期间限时燃放。']);
    expect(found(db, 'search_body', '限时燃放')).toEqual(['d2']);
    expect(found(db, 'search_meta', '烟花爆竹')).toEqual(['d2']);

    // In a batch: nothing in the full-text indexes until the batch ends, everything after; an edit within it is kept.
    db.transaction(() =>
      withDeferredSearchIndex(db, () => {
        insertDoc(db, 'd3', '耕地保护实施意见', ['严格落实耕地占补平衡。']);
        insertDoc(db, 'd4', '老旧小区改造方案', ['加装电梯补助。']);
        expect(found(db, 'search_body', '占补平衡')).toEqual([]);
        db.prepare(`UPDATE documents SET body = '["改造后加装电梯补助标准提高。"]' WHERE id = 'd4'`).run();
      }),
    )();
    expect(db.prepare('SELECT defer_fts FROM search_state').pluck().get()).toBe(0);
    expect(found(db, 'search_body', '占补平衡')).toEqual(['d3']);
    expect(found(db, 'search_grams', '占补')).toEqual(['d3']);
    expect(found(db, 'search_meta', '耕地保护')).toEqual(['d3']);
    expect(found(db, 'search_body', '补助标准提高')).toEqual(['d4']);
    expect(db.prepare('SELECT count(*) FROM search_body').pluck().get()).toBe(4);

    // A batch that fails leaves the flag unset (rolled back with it) and nothing indexed.
    expect(() =>
      db.transaction(() =>
        withDeferredSearchIndex(db, () => {
          insertDoc(db, 'd5', '安全生产责任制规定', ['层层压实责任。']);
          throw new Error('refused');
        }),
      )(),
    ).toThrow('refused');
    expect(db.prepare('SELECT defer_fts FROM search_state').pluck().get()).toBe(0);
    expect(found(db, 'search_body', '压实责任')).toEqual([]);
    insertDoc(db, 'd6', '政府信息公开规定', ['主动公开目录。']);
    expect(found(db, 'search_body', '公开目录')).toEqual(['d6']);
    // A document's history finds its relations' audit rows by index, not by reading every relation row.
    for (const [column, end] of [['after', 'sourceId'], ['after', 'targetId'], ['before', 'sourceId'], ['before', 'targetId']]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE entity = 'relation' AND json_extract(${column}, '$.${end}') = 'd1'`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' ');
      expect(plan).toMatch(/USING INDEX audit_relation_/);
    }
    db.close();
  });
});
