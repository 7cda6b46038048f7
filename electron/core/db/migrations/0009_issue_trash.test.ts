import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0009 (issue trash)', () => {
  it('keeps the issues and their entries and adds an empty issue trash ordered by deletion time', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 8);
    db.exec(`INSERT INTO gazette_issues (id, title, year, issue_number, created_at, state) VALUES ('g1', '高青县人民政府公报', 2021, 3, 'now', 'draft');
      INSERT INTO gazette_entries (issue_id, position, title) VALUES ('g1', 1, '关于甲的通知')`);

    migrate(db, migrations, 9);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(9);
    expect(db.prepare('SELECT title FROM gazette_entries WHERE issue_id = ?').pluck().all('g1')).toEqual(['关于甲的通知']);
    expect(db.prepare('SELECT count(*) FROM issue_trash').pluck().get()).toBe(0);
    expect(() => db.prepare(`INSERT INTO issue_trash (id, title, deleted_at, deleted_by, issue) VALUES ('g1', 't', 'now', 'u', '{}')`).run()).toThrow(/NOT NULL/);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT * FROM issue_trash ORDER BY deleted_at DESC').all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/issue_trash_deleted_at/);
    db.close();
  });
});
