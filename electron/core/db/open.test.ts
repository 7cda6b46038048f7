import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates a new library at the latest schema with foreign keys and WAL', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nd-db-')), 'lib.db');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database from a newer NormDesk and leaves the file untouched', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nd-db-')), 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.pragma(`user_version = ${latestVersion(migrations) + 5}`);
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(AppError);
    expect(() => openDatabase(file)).toThrow(/高于本程序支持的版本/);
    expect(sha(file)).toBe(before);
  });

  it('says clearly when the file is not a database', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nd-db-')), 'junk.db');
    writeFileSync(file, 'this is not sqlite '.repeat(500));
    expect(() => openDatabase(file)).toThrow(/损坏|不是 NormDesk 数据库/);
  });
});

describe('migrate', () => {
  it('applies pending migrations in one transaction: a failing step leaves the version and tables as they were', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      { version: 999, name: 'broken', up: 'CREATE TABLE half_done (x TEXT); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('documents', 'half_done')").get()).toEqual({ n: 0 });
  });

  it('0001 creates the tables later features rely on, with working foreign keys', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['documents', 'relations', 'gazette_issues', 'gazette_entries', 'audit_log', 'settings', 'source_files']));
    expect(() =>
      db.prepare("INSERT INTO relations (type, source_id, created_at) VALUES ('cites', 'missing', '2026-01-01')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
