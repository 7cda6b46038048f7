import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0003 (library lookups)', () => {
  it('keeps existing documents and relations and makes title and reference lookups use an index', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db); // as openDatabase does on every connection
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 2);
    expect(schemaVersion(db)).toBe(2);
    db.exec(`
      INSERT INTO documents (id, title, doc_number, content_hash, created_at, updated_at)
        VALUES ('d1', '招远市人民政府关于甲的通知', '招政发〔2018〕27号', 'h1', '2026-01-01', '2026-01-01');
      INSERT INTO relations (type, source_id, target_id, target_doc_number, target_title, created_at)
        VALUES ('cites', 'd1', NULL, NULL, '山东省某办法', '2026-01-01');`);

    migrate(db, migrations, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT title FROM documents').pluck().all()).toEqual(['招远市人民政府关于甲的通知']);
    expect(db.prepare('SELECT target_title FROM relations').pluck().all()).toEqual(['山东省某办法']);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan("SELECT id FROM documents WHERE title = 'x'")).toMatch(/USING INDEX documents_title/);
    expect(plan("SELECT id FROM relations WHERE target_id IS NULL AND target_title = 'x'")).toMatch(/USING INDEX relations_unresolved_title/);
    db.close();
  });
});
