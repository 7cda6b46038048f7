import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0004 (review flags)', () => {
  it('keeps existing documents, flags those whose dates contradict each other, and drops flags with their document', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db); // as openDatabase does on every connection
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 3);
    expect(schemaVersion(db)).toBe(3);
    const insert = db.prepare(`INSERT INTO documents (id, title, date_signed, effective_date, valid_until, content_hash, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')`);
    insert.run('ok', '正常的文件', '2022-01-05', '2022-02-01', '2027-01-31', 'h1');
    insert.run('early-end', '有效期早于施行', '2022-01-05', '2022-05-01', '2021-01-01', 'h2');
    insert.run('early-start', '施行早于成文', '2022-03-01', '2022-01-01', null, 'h3');
    insert.run('no-dates', '没有日期', null, null, '2025-01-01', 'h4');

    migrate(db, migrations, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(4);
    const flags = db.prepare('SELECT document_id, kind, message FROM document_flags ORDER BY document_id').all();
    expect(flags).toEqual([
      { document_id: 'early-end', kind: 'validity-before-start', message: '有效期截止日期（2021-01-01）早于施行日期（2022-05-01），按原文保存，请核对。' },
      { document_id: 'early-start', kind: 'effective-before-signed', message: '施行日期（2022-01-01）早于成文日期（2022-03-01），按原文保存，请核对。' },
    ]);
    db.prepare("DELETE FROM documents WHERE id = 'early-end'").run();
    expect(db.prepare('SELECT document_id FROM document_flags').pluck().all()).toEqual(['early-start']);
    db.close();
  });
});
