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
      VALUES ('d1', '招远市人民政府关于甲的通知', '招政发〔2018〕27号', 'h1', '2026-01-01', '2026-01-01');
      INSERT INTO documents (id, title, doc_number, registration_number, content_hash, created_at, updated_at)
      VALUES ('d2', '高青县人民政府关于乙的通知', '高政发〔2021〕8号', 'GQDR-2021-0020002', 'h2', '2026-01-01', '2026-01-01');`);
    migrate(db, migrations, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT title FROM documents ORDER BY id').pluck().all()).toEqual(['招远市人民政府关于甲的通知', '高青县人民政府关于乙的通知']);
    // 登记号 stored before the migration is in the search index now, and follows edits afterwards.
    const found = (term: string) =>
      db.prepare(`SELECT m.doc_id FROM search_meta s JOIN search_map m ON m.rid = s.rowid WHERE search_meta MATCH ? ORDER BY 1`).pluck().all(`docnum:"${term}"`);
    expect(found('0020002')).toEqual(['d2']);
    expect(found('招政发')).toEqual(['d1']);
    db.exec("UPDATE documents SET registration_number = 'GQDR-2018-0010001' WHERE id = 'd1'");
    expect(found('0010001')).toEqual(['d1']);
    expect(found('招政发')).toEqual(['d1']);
    db.exec("DELETE FROM documents WHERE id = 'd2'");
    expect(found('0020002')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM trash').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO trash (id, title, deleted_at, deleted_by, document, relations, gazette_entries) VALUES ('x', NULL, 'now', 'u', '{}', '{}', '[]')").run()).toThrow();
    db.close();
  });
});
