import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/composition';
import { consistencyProblems, snapshot } from '../reliability/run';

// The reliability script's checks must be able to fail: each kind of damage it looks for is reported.
describe('reliability checks', () => {
  it('finds a document missing from search_map, a dangling relation and an edit without its audit row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-relcheck-'));
    const app = createApp({ dataDir: dir, shell: 'cli', log: { info() {}, error() {} }, dailyBackup: false });
    await app.call('import:samples', {});
    await app.close();
    expect(consistencyProblems(snapshot(dir))).toEqual([]);

    const db = new Database(join(dir, 'normdesk.db'));
    db.pragma('foreign_keys = OFF');
    for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'documents'").pluck().all() as string[]) {
      db.exec(`DROP TRIGGER "${t}"`); // changes made behind the services' back
    }
    const [a, b] = db.prepare('SELECT id FROM documents LIMIT 2').pluck().all() as string[];
    db.prepare("UPDATE documents SET title = '未审计的修改' WHERE id = ?").run(a);
    db.prepare('DELETE FROM search_map WHERE doc_id = ?').run(b);
    db.prepare("INSERT INTO relations (source_id, type, target_id, created_at) VALUES (?, 'cites', 'no-such-doc', '2026-11-30')").run(a);
    db.close();
    const problems = consistencyProblems(snapshot(dir)).join('\n');
    expect(problems).toMatch(/search_map/);
    expect(problems).toMatch(/关系指向不存在的文件/);
    expect(problems).toMatch(/与其修改记录不符/);
  });
});
