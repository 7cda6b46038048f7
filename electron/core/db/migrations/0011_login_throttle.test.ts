import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0011 (login throttle)', () => {
  it('keeps the accounts and adds the throttle counters, refusing a negative count', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 11));
    migrate(db, migrations, previous);
    expect(schemaVersion(db)).toBe(previous);
    db.prepare(`INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES ('wang', 'admin', 'x', 'now', 'now')`).run();

    migrate(db, migrations, 11);
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT name FROM users').pluck().all()).toEqual(['wang']);
    const insert = db.prepare('INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)');
    insert.run('u:wang', 5, 1_800_000_000_000, '2026-01-01T00:00:00Z');
    expect(db.prepare('SELECT key, failures, locked_until FROM login_throttle').get()).toEqual({ key: 'u:wang', failures: 5, locked_until: 1_800_000_000_000 });
    expect(() => insert.run('u:wang', 1, 0, 'now')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('a:10.0.0.1', -1, 0, 'now')).toThrow(/CHECK/);
    db.close();
  });
});
