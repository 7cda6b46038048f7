import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0005 (cleanup campaigns)', () => {
  it('keeps the library, adds campaign tables whose items follow their documents', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 5));
    migrate(db, migrations, previous);
    expect(schemaVersion(db)).toBe(previous);
    db.exec(`
      INSERT INTO documents (id, title, doc_number, content_hash, created_at, updated_at)
        VALUES ('d1', '招远市人民政府关于甲的通知', '招政发〔2018〕27号', 'h1', '2026-01-01', '2026-01-01');`);

    migrate(db, migrations, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT title FROM documents').pluck().all()).toEqual(['招远市人民政府关于甲的通知']);
    db.exec(`
      INSERT INTO cleanup_campaigns (id, name, cutoff, scope, created_at, created_by)
        VALUES ('c1', '2021年清理', '2021-06-30', '{}', '2026-01-01', '测试员');
      INSERT INTO cleanup_items (campaign_id, document_id, position, decision) VALUES ('c1', 'd1', 1, '废止');`);
    expect(() => db.exec(`UPDATE cleanup_items SET decision = '保留'`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO cleanup_items (campaign_id, document_id, position) VALUES ('c1', 'nope', 2)`)).toThrow(/FOREIGN KEY/);
    db.exec(`DELETE FROM documents WHERE id = 'd1'`);
    expect(db.prepare('SELECT count(*) FROM cleanup_items').pluck().get()).toBe(0);
    db.close();
  });
});
