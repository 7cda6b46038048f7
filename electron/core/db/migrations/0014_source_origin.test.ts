import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

describe('migration 0014 (source origin)', () => {
  it('keeps imported files as they were and lets a file carry the address and 发布日期 it came from', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 14));
    migrate(db, migrations, previous);
    expect(schemaVersion(db)).toBe(previous);
    db.exec(`INSERT INTO source_files (id, name, sha256, size, encoding, imported_at) VALUES ('f1', '公报.txt', 'abc', 10, 'utf-8', '2026-01-01T00:00:00Z')`);

    migrate(db, migrations, 14);
    expect(schemaVersion(db)).toBe(14);
    expect(db.prepare('SELECT name, origin_url, origin_published FROM source_files').all()).toEqual([{ name: '公报.txt', origin_url: null, origin_published: null }]);
    db.prepare(`INSERT INTO source_files (id, name, sha256, size, encoding, imported_at, origin_url, origin_published) VALUES (?, ?, ?, 1, 'html-gbk', '2026-01-02T00:00:00Z', ?, ?)`)
      .run('f2', '通知.htm', 'def', 'http://www.zhaoyuan.gov.cn/art/1.html', '2021-04-21');
    expect(db.prepare("SELECT origin_url, origin_published FROM source_files WHERE id = 'f2'").get()).toEqual({ origin_url: 'http://www.zhaoyuan.gov.cn/art/1.html', origin_published: '2021-04-21' });
    db.close();
  });
});
