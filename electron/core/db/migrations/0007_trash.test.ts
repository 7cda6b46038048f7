import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0007 (trash)', () => {
  it('keeps existing documents and adds an empty trash', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 7));
    migrate(db, migrations, previous);
    db.exec(`INSERT INTO documents (id, title, doc_number, content_hash, created_at, updated_at)
      VALUES ('d1', '招远市人民政府关于甲的通知', '招政发〔2018〕27号', 'h1', '2026-01-01', '2026-01-01');`);
    migrate(db, migrations, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT title FROM documents').pluck().all()).toEqual(['招远市人民政府关于甲的通知']);
    expect(db.prepare('SELECT count(*) FROM trash').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO trash (id, title, deleted_at, deleted_by, document, relations, gazette_entries) VALUES ('x', NULL, 'now', 'u', '{}', '{}', '[]')").run()).toThrow();
    db.close();
  });
});
