import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { durably, openDatabase, retryBusy } from './open';

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

describe('two writers at once (issue 14)', () => {
  /** Runs the writer script in its own process; resolves with its exit code and output. */
  function writer(dir: string, startAt: number, tag: string, count: number): Promise<{ code: number | null; out: string; err: string }> {
    const script = join(__dirname, '..', 'test-support', 'concurrent-writer-worker.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(startAt), tag, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  }

  it('two processes creating one new library and importing into it at once both succeed, and nothing is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-db-'));
    const startAt = Date.now() + 4000;
    const [a, b] = await Promise.all([writer(dir, startAt, 'a', 150), writer(dir, startAt, 'b', 150)]);
    expect([a.code, a.err, a.out]).toEqual([0, '', 'done']);
    expect([b.code, b.err, b.out]).toEqual([0, '', 'done']);
    const db = openDatabase(join(dir, 'normdesk.db'));
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(300);
    db.close();
  }, 60_000);

  it('a writer waits for another connection holding the write lock instead of failing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nd-db-')), 'held.db');
    openDatabase(file).close();
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const db = openDatabase(file);
    db.pragma('busy_timeout = 100');
    const insert = () => db.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('t', 'x', 'test', 'test', '1')").run();
    // Held for good: after its retries the error says in Chinese that the library is busy, and nothing was written.
    expect(() => retryBusy(() => db.transaction(insert).immediate(), 2)).toThrow(/文件库正被另一个程序写入/);
    holder.exec('COMMIT');
    retryBusy(() => db.transaction(insert).immediate());
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'test'").pluck().get()).toBe(1);
    db.close();
    holder.close();
  });
});

describe('durably (synchronous=FULL for the writes worth it)', () => {
  it('commits with synchronous=FULL and goes back to NORMAL after, also when the write fails', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'nd-db-')), 'lib.db'));
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL for everyday edits
    const seen = durably(db, () => db.pragma('synchronous', { simple: true }));
    expect(seen).toBe(2); // FULL
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(() => durably(db, () => { throw new Error('boom'); })).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });
});
