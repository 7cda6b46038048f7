import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0008 (accounts)', () => {
  it('keeps the audit log, adds the users table and refuses an unknown role', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 8));
    migrate(db, migrations, previous);
    expect(schemaVersion(db)).toBe(previous);
    db.exec(`INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('2026-01-01T00:00:00Z', '张三', 'document.update', 'document', 'd1')`);

    migrate(db, migrations, 8);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(8);
    expect(db.prepare('SELECT actor FROM audit_log').pluck().all()).toEqual(['张三']);
    db.prepare(`INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES ('admin', 'admin', 'x', 'now', 'now')`).run();
    expect(db.prepare('SELECT role, disabled, session_epoch FROM users').get()).toEqual({ role: 'admin', disabled: 0, session_epoch: 0 });
    expect(() => db.prepare(`INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES ('x', 'root', 'x', 'now', 'now')`).run()).toThrow(/CHECK/);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE actor = 'a' AND at >= '2026'").all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/audit_log_actor_at/);
    db.close();
  });
});
