import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migration0012 } from './0012_scans';
import { migrations } from './index';

describe('migration 0012 (scanned pages)', () => {
  it('keeps source files, and stores page images with their file and the pages each document came from', () => {
    const db = new Database(':memory:');
    registerSearchFunctions(db);
    db.pragma('foreign_keys = ON');
    const v = migration0012.version;
    const previous = Math.max(...migrations.map((m) => m.version).filter((x) => x < v));
    migrate(db, migrations, previous);
    db.exec(`INSERT INTO source_files (id, name, sha256, size, encoding, imported_at) VALUES ('f1', '扫描件.pdf', 'abc', 10, 'pdf+ocr', '2026-01-01T00:00:00Z')`);

    migrate(db, migrations, v);
    expect(schemaVersion(db)).toBe(v);
    expect(db.prepare('SELECT name FROM source_files').pluck().all()).toEqual(['扫描件.pdf']);
    db.prepare('INSERT INTO scan_pages (source_file_id, page, width, height, image) VALUES (?, ?, ?, ?, ?)').run('f1', 0, 1654, 2339, Buffer.from([0xff, 0xd8]));
    db.prepare('INSERT INTO document_scans (document_id, source_file_id, pages, engine) VALUES (?, ?, ?, ?)').run('d1', 'f1', '[0]', 'PaddleOCR');
    expect(db.prepare('SELECT pages, engine, low_confidence FROM document_scans').get()).toEqual({ pages: '[0]', engine: 'PaddleOCR', low_confidence: 0 });
    // A page of no stored file, a negative page number or a second copy of a page are refused.
    expect(() => db.prepare('INSERT INTO scan_pages (source_file_id, page, width, height, image) VALUES (?, 0, 1, 1, x\'00\')').run('missing')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO scan_pages (source_file_id, page, width, height, image) VALUES (?, -1, 1, 1, x\'00\')').run('f1')).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO scan_pages (source_file_id, page, width, height, image) VALUES (?, 0, 1, 1, x\'00\')').run('f1')).toThrow(/UNIQUE|PRIMARY/);
    // Deleting the file removes its pages.
    db.prepare("DELETE FROM source_files WHERE id = 'f1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM scan_pages').pluck().get()).toBe(0);
    db.close();
  });
});
