import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0013 (campaign organizer)', () => {
  it('keeps existing campaigns with an empty organizer and stores a new one', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 13));
    migrate(db, migrations, previous);
    expect(schemaVersion(db)).toBe(previous);
    db.exec(`INSERT INTO cleanup_campaigns (id, name, cutoff, scope, created_at, created_by)
      VALUES ('c1', '2021年清理', '2021-06-30', '{"issuers":["高青县人民政府"]}', '2021-07-01T00:00:00Z', '张三')`);

    migrate(db, migrations, 13);
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT name, organizer FROM cleanup_campaigns').all()).toEqual([{ name: '2021年清理', organizer: '' }]);
    db.prepare(`INSERT INTO cleanup_campaigns (id, name, cutoff, scope, created_at, created_by, organizer)
      VALUES ('c2', '2026年清理', '2026-06-30', '{}', '2026-07-01T00:00:00Z', '张三', '招远市人民政府')`).run();
    expect(db.prepare("SELECT organizer FROM cleanup_campaigns WHERE id = 'c2'").pluck().get()).toBe('招远市人民政府');
    // STRICT: an organizer is text, never null
    expect(() => db.prepare("UPDATE cleanup_campaigns SET organizer = NULL WHERE id = 'c1'").run()).toThrow(/NOT NULL/);
    db.close();
  });
});
