import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0015 (exchange and filing)', () => {
  it('keeps the library, starts with one office row without a key, and keeps filings of a document in the trash', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 15));
    migrate(db, migrations, previous);
    db.exec(`INSERT INTO documents (id, title, content_hash, created_at, updated_at) VALUES ('d1', '关于甲的通知', 'h', '2026-01-01', '2026-01-01')`);

    migrate(db, migrations, 15);
    expect(schemaVersion(db)).toBe(15);
    expect(db.prepare('SELECT title FROM documents').pluck().all()).toEqual(['关于甲的通知']);
    expect(db.prepare('SELECT id, name, filing_rule, review_days, public_key FROM exchange_office').all()).toEqual([
      { id: 1, name: '', filing_rule: '30d', review_days: 30, public_key: null },
    ]);
    expect(() => db.exec('INSERT INTO exchange_office (id) VALUES (2)')).toThrow(/CHECK/);
    const filing = db.prepare(`INSERT INTO filings (document_id, state, first_sent_on, last_sent_at, package_id, updated_at) VALUES (?, ?, '2026-01-05', '2026-01-05T08:00:00Z', 'p1', '2026-01-05')`);
    filing.run('d1', 'sent');
    expect(() => db.exec("UPDATE filings SET state = 'lost'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE filings SET decision = '同意'")).toThrow(/CHECK/);
    db.exec(`INSERT INTO filing_reviews (id, sender_fingerprint, sender_name, remote_document_id, document_id, title, round, received_on, state, updated_at)
      VALUES ('r1', 'fp', '某县人民政府', 'd9', 'd1', '关于甲的通知', 1, '2026-01-06', 'received', '2026-01-06')`);
    expect(() => db.exec(`INSERT INTO filing_reviews (id, sender_fingerprint, sender_name, remote_document_id, title, round, received_on, state, updated_at)
      VALUES ('r2', 'fp', '某县人民政府', 'd9', '关于甲的通知', 1, '2026-01-06', 'received', '2026-01-06')`)).toThrow(/UNIQUE/);
    // a document moved to the trash leaves the documents table: its filing and review entry stay for its restore
    db.exec(`DELETE FROM documents WHERE id = 'd1'`);
    expect(db.prepare('SELECT document_id FROM filings').pluck().all()).toEqual(['d1']);
    expect(db.prepare('SELECT document_id FROM filing_reviews').pluck().all()).toEqual(['d1']);
    db.close();
  });
});
