import { mkdtempSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../composition';
import { checkInBackground, quickCheckOffThread, SYNC_CHECK_MAX_BYTES, type IntegrityState } from './integrity';

function damagedLibrary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nd-int-'));
  const file = join(dir, 'normdesk.db');
  const db = new Database(file);
  db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t(x);');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`行 ${i} `.repeat(20));
  })();
  db.close();
  // Scribble over a page in the middle of the file: the header stays valid, the b-tree does not.
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
  closeSync(fd);
  return dir;
}

describe('database integrity check', () => {
  it('refuses to open a small damaged library with a clear message', () => {
    expect(() => createApp({ dataDir: damagedLibrary(), shell: 'cli' })).toThrow(/损坏/);
  });

  it('checks a large library in a worker and reports damage instead of blocking start-up', async () => {
    const dir = damagedLibrary();
    const state = await new Promise<IntegrityState>((resolve) => {
      const stop = checkInBackground(join(dir, 'normdesk.db'), (s) => {
        resolve(s);
        void stop();
      }, 0);
    });
    expect(state.state).toBe('failed');
    expect(state.message).toMatch(/损坏/);
    expect(SYNC_CHECK_MAX_BYTES).toBeGreaterThan(0);
  });

  it('checks a file (a backup copy) in a worker: damage is reported, an intact file passes', async () => {
    const damaged = join(damagedLibrary(), 'normdesk.db');
    expect(await quickCheckOffThread(damaged)).not.toBe('ok');
    const intact = join(mkdtempSync(join(tmpdir(), 'nd-int-')), 'normdesk.db');
    const db = new Database(intact);
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('行');");
    db.close();
    expect(await quickCheckOffThread(intact)).toBe('ok');
  });
});
