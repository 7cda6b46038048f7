import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0010 (import corrections)', () => {
  it('keeps imported files and documents, and records corrections with their file', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 10));
    migrate(db, migrations, previous);
    expect(schemaVersion(db)).toBe(previous);
    db.exec(`INSERT INTO source_files (id, name, sha256, size, encoding, imported_at) VALUES ('f1', '公报.txt', 'abc', 10, 'utf-8', '2026-01-01T00:00:00Z')`);

    migrate(db, migrations, 10);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT name FROM source_files').pluck().all()).toEqual(['公报.txt']);
    const insert = db.prepare(`INSERT INTO import_corrections (source_file_id, document_id, kind, field, extracted_value, corrected_value, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, '2026-01-02T00:00:00Z', '张三')`);
    insert.run('f1', 'd1', 'field', 'title', '旧标题', '新标题');
    insert.run('f1', 'd2', 'split', null, '《甲》（第1–80行）', '第41–80行');
    expect(db.prepare('SELECT kind, field, extracted_value, corrected_value, created_by FROM import_corrections ORDER BY id').all()).toEqual([
      { kind: 'field', field: 'title', extracted_value: '旧标题', corrected_value: '新标题', created_by: '张三' },
      { kind: 'split', field: null, extracted_value: '《甲》（第1–80行）', corrected_value: '第41–80行', created_by: '张三' },
    ]);
    // An unknown kind, a field correction without its field and a correction of no stored file are refused.
    expect(() => insert.run('f1', null, 'guess', null, 'a', 'b')).toThrow(/CHECK/);
    expect(() => insert.run('f1', null, 'field', null, 'a', 'b')).toThrow(/CHECK/);
    expect(() => insert.run('missing', null, 'merge', null, 'a', 'b')).toThrow(/FOREIGN KEY/);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM import_corrections WHERE document_id = 'd1'").all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/import_corrections_document/);
    db.close();
  });
});
