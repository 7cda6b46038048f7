import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0001 (init)', () => {
  it('creates the library tables on an empty file, with foreign keys that keep relations and entries consistent', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 1);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'documents', 'gazette_entries', 'gazette_issues', 'relations', 'settings', 'source_files']));

    db.exec(`
      INSERT INTO documents (id, title, doc_number, content_hash, created_at, updated_at)
        VALUES ('d1', '招远市人民政府关于甲的通知', '招政发〔2018〕27号', 'h1', '2026-01-01', '2026-01-01');
      INSERT INTO relations (type, source_id, target_id, target_doc_number, target_title, created_at)
        VALUES ('abolishes', 'd1', NULL, '招政发〔2017〕3号', NULL, '2026-01-01');`);
    // A relation from a document that does not exist is refused, and an unknown relation type too.
    expect(() =>
      db.exec(`INSERT INTO relations (type, source_id, created_at) VALUES ('cites', 'nope', '2026-01-01')`),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO relations (type, source_id, created_at) VALUES ('likes', 'd1', '2026-01-01')`),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(1);
  });
});
