import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0017 (relations_version)', () => {
  it('keeps the relations and counts every change of a status-changing one, not of a citation', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 17));
    migrate(db, migrations, previous);
    const doc = db.prepare(`INSERT INTO documents (id, title, issuers, is_normative, appointments, body, content_hash, created_at, updated_at)
      VALUES (?, ?, '[]', 1, '[]', '[]', ?, '2026-01-01', '2026-01-01')`);
    doc.run('a', '甲', 'h1');
    doc.run('b', '乙', 'h2');
    db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('abolishes', 'b', 'a', '2026-01-01')").run();

    migrate(db, migrations, 17);
    expect(schemaVersion(db)).toBe(17);
    const counter = () => db.prepare('SELECT relations_version FROM search_state').pluck().get();
    expect(counter()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(1);
    db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('cites', 'b', 'a', '2026-01-01')").run();
    expect(counter()).toBe(0);
    db.prepare("INSERT INTO relations (type, source_id, target_id, created_at) VALUES ('amends', 'a', 'b', '2026-01-01')").run();
    expect(counter()).toBe(1);
    db.prepare("UPDATE relations SET target_id = NULL, target_title = '乙' WHERE type = 'amends'").run();
    expect(counter()).toBe(2);
    // a document deleted: its relations go by the foreign key, and the counter moves
    db.prepare("DELETE FROM documents WHERE id = 'b'").run();
    expect(counter()).toBe(3);
    db.close();
  });
});
