import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DocumentQuery } from '../../../../shared/contract/documents';
import { createApp } from '../../composition';
import { registerSearchFunctions } from '../../db/search-functions';
import { BY, commitFile, parsedDoc } from '../../test-support/fixtures';

describe('the library list follows the library, not every write (issue 25)', () => {
  it('shows a title changed by another process, and a login or audit write does not hide it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-libver-'));
    const app = createApp({ dataDir: dir, shell: 'cli', log: { info() {}, error() {} } });
    const { imports, documents } = app.services;
    const id = imports.commitParsed(BY, [commitFile('a.txt', [parsedDoc({ title: '养犬管理办法', docNumber: '招政发〔2020〕1号' })])]).created[0].id;
    const titles = () => documents.list(DocumentQuery.parse({})).rows.map((r) => r.title);
    expect(titles()).toEqual(['养犬管理办法']);

    // another process edits the document (its triggers move the library's version)
    const other = new Database(join(dir, 'normdesk.db'));
    registerSearchFunctions(other);
    other.prepare('UPDATE documents SET title = ? WHERE id = ?').run('城区养犬管理办法', id);
    other.close();
    expect(titles()).toEqual(['城区养犬管理办法']);

    // a write that is not a document (an audit row here) leaves the list as it is, and correct
    app.ctx.db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('2026-01-01', 'x', 'user.login', 'user', 'x')`).run();
    expect(titles()).toEqual(['城区养犬管理办法']);
    documents.update(BY, id, { title: '城区养犬管理规定' });
    expect(titles()).toEqual(['城区养犬管理规定']);
    await app.close();
  });
});

describe('the start page follows the changed rows only (issue 25)', () => {
  it('after another process edits and deletes, and this one edits, the dashboard equals one read afresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-dashver-'));
    const app = createApp({ dataDir: dir, shell: 'cli', now: () => new Date('2026-11-22T12:00:00'), log: { info() {}, error() {} } });
    const { imports, oversight, documents } = app.services;
    const docs = Array.from({ length: 6 }, (_, i) =>
      parsedDoc({ title: `办法${i}`, docNumber: `招政发〔2024〕${i + 1}号`, dateSigned: '2024-01-09', validityClause: '有效期五年', validUntil: '2029-01-08', body: [`第${i}件`] }),
    );
    const ids = imports.commitParsed(BY, [commitFile('a.txt', docs)]).created.map((c) => c.id);
    expect(oversight.dashboard().total).toBe(6);

    const other = new Database(join(dir, 'normdesk.db'));
    registerSearchFunctions(other);
    other.prepare('UPDATE documents SET valid_until = ?, issuers = ? WHERE id = ?').run('2026-12-01', '["龙口市人民政府"]', ids[0]);
    other.prepare('DELETE FROM documents WHERE id = ?').run(ids[1]);
    other.close();
    documents.update(BY, ids[2], { validUntil: '2026-01-01' });

    const now = oversight.dashboard();
    const fresh = createApp({ dataDir: dir, shell: 'cli', now: () => new Date('2026-11-22T12:00:00'), log: { info() {}, error() {} } });
    expect(now).toEqual(fresh.services.oversight.dashboard());
    expect(now.total).toBe(5);
    expect(now.byIssuer).toContainEqual({ issuer: '龙口市人民政府', count: 1 });
    expect(now.byStatus.find((s) => s.status === '即将到期')?.count).toBe(1);
    await fresh.close();
    await app.close();
  });
});
