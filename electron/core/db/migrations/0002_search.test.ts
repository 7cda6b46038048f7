import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

function insertDoc(db: Database.Database, id: string, title: string, body: string[]) {
  db.prepare(
    `INSERT INTO documents (id, title, doc_number_raw, doc_number, issuers, body, content_hash, created_at, updated_at)
     VALUES (?, ?, '招政发[2018]027 号', '招政发〔2018〕27号', '["招远市人民政府"]', ?, ?, '2026-01-01', '2026-01-01')`,
  ).run(id, title, JSON.stringify(body), `h-${id}`);
}

/** Documents whose normalized body, title, 文号 or issuers contain q (3+ characters), from the trigram indexes. */
const fts = (db: Database.Database, q: string) =>
  new Set([
    ...db.prepare<[string], number>('SELECT rowid FROM search_body WHERE search_body MATCH ?').pluck().all(`"${q}"`),
    ...db.prepare<[string], number>('SELECT rowid FROM search_meta WHERE search_meta MATCH ?').pluck().all(`"${q}"`),
  ]).size;
const grams = (db: Database.Database, q: string) =>
  db.prepare<[string], { rowid: number }>('SELECT rowid FROM search_grams WHERE search_grams MATCH ?').all(`"${q}"`).length;

describe('migration 0002 (search)', () => {
  it('indexes documents stored before it, normalized, and keeps the index in step with later writes', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db); // as openDatabase does on every connection
    migrate(db, migrations, 1);
    insertDoc(db, 'a', '关于加快黄金深加工产业发展的扶持意见', ['对黄金深', '加工企业给予奖励。']);
    migrate(db, migrations, 2);
    expect(schemaVersion(db)).toBe(2);

    expect(fts(db, '黄金深加工企业')).toBe(1); // a line break inside the phrase is ignored
    expect(fts(db, '招政发〔2018〕27号')).toBe(1); // the raw 文号 spelling is normalized too
    expect(grams(db, '奖')).toBe(1);
    expect(grams(db, '奖励')).toBe(1);
    expect(db.prepare('SELECT docs_version FROM search_state').pluck().get()).toBe(0);

    // After the migration, the triggers keep the index current in the writing transaction.
    insertDoc(db, 'b', '白银通知', ['白银精炼。']);
    expect(fts(db, '白银精炼')).toBe(1);
    db.prepare('UPDATE documents SET body = ? WHERE id = ?').run(JSON.stringify(['铜矿开采。']), 'b');
    expect(fts(db, '白银精炼')).toBe(0);
    expect(fts(db, '铜矿开采')).toBe(1);
    expect(grams(db, '铜')).toBe(1);
    expect(grams(db, '白')).toBe(0); // the old body's grams are gone
    // A title edit re-indexes the title only, and the body stays findable.
    db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('黄铜通知', 'b');
    expect(fts(db, '白银通知')).toBe(0);
    expect(fts(db, '黄铜通知')).toBe(1);
    expect(fts(db, '铜矿开采')).toBe(1);
    expect(db.prepare("SELECT blen FROM search_map WHERE doc_id = 'b'").pluck().get()).toBe(5);
    db.prepare('DELETE FROM documents WHERE id = ?').run('b');
    expect(fts(db, '铜矿开采')).toBe(0);
    expect(grams(db, '铜')).toBe(0);
    expect(fts(db, '黄铜通知')).toBe(0);
    expect(db.prepare('SELECT count(*) FROM search_map').pluck().get()).toBe(1);
    // The insert, the title edit and the delete move what lunr indexes; the body edit does not.
    expect(db.prepare('SELECT docs_version FROM search_state').pluck().get()).toBe(3);
    expect(db.prepare('SELECT meta_version FROM search_state').pluck().get()).toBeGreaterThanOrEqual(3);

    // A failed write rolls the index back with it.
    expect(() =>
      db.transaction(() => {
        insertDoc(db, 'c', '锌业通知', ['锌锭冶炼。']);
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(fts(db, '锌锭冶炼')).toBe(0);
    db.close();
  });
});
