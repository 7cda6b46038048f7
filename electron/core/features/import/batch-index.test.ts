import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

// Long, distinct bodies (as real documents have): each brings many new grams to the full-text indexes.
const HAN = '规范性文件管理办法实施细则政府信息公开安全生产责任制农村人居环境整治老旧小区改造耕地保护婴幼儿照护服务';
const body = (k: number) =>
  Array.from({ length: 6 }, (_, p) => Array.from({ length: 120 }, (_, c) => HAN[(k * 7 + p * 13 + c * c + k * c) % HAN.length]).join('') + `第${k}号`).concat(`本办法编号鲸鳄${k}号段。`);
const files = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) =>
    commitFile(`f${from + k}.txt`, [parsedDoc({ title: `某某市第${from + k}号管理办法`, docNumber: `某政发〔2020〕${from + k}号`, body: body(from + k) })]),
  );

describe('import batches and the full-text indexes (issue 25)', () => {
  it('writes as many index rows for a batch of 20 files into a library of 600 documents as into an empty one, and finds every document', () => {
    const t = testLibrary();
    const changes = t.ctx.db.prepare('SELECT total_changes()').pluck();
    const rowsWritten = (batch: ReturnType<typeof files>) => {
      const before = changes.get() as number;
      expect(t.imports.commitParsed(BY, batch).created).toHaveLength(batch.length);
      return (changes.get() as number) - before;
    };
    const intoEmpty = rowsWritten(files(1, 20));
    for (let b = 1; b <= 20; b++) t.imports.commitParsed(BY, files(b * 30, 30));
    const intoLarge = rowsWritten(files(800, 20));
    // One document at a time, FTS5 wrote a segment per document and merged them (more the larger the library).
    expect(intoLarge).toBeLessThan(intoEmpty * 1.25);
    for (const k of [1, 20, 800, 819]) {
      expect(t.search.matchIds(`某政发〔2020〕${k}号`)).toHaveLength(1);
      expect(t.search.matchIds(`"鲸鳄${k}号段"`)).toHaveLength(1);
    }
  });

  it('stores a batch with its journals in memory and leaves the connection settings as they were', () => {
    const t = testLibrary();
    const settings = () => ({ tempStore: t.ctx.db.pragma('temp_store', { simple: true }), checkpoint: t.ctx.db.pragma('wal_autocheckpoint', { simple: true }) });
    const before = settings();
    const inBatch: unknown[] = [];
    t.ctx.db.function('nd_test_temp_store', (value: unknown) => {
      inBatch.push(value);
      return 1;
    });
    t.ctx.db.exec('CREATE TRIGGER test_temp_store AFTER INSERT ON documents BEGIN SELECT nd_test_temp_store((SELECT temp_store FROM pragma_temp_store())); END');
    expect(t.imports.commitParsed(BY, files(1, 3)).created).toHaveLength(3);
    expect(inBatch).toEqual([2, 2, 2]);
    expect(settings()).toEqual(before);
  });

  it('leaves the merging of the body indexes to later writes: each batch adds its own segment, the setting stays as stored, every document is found', () => {
    const t = testLibrary();
    const db = t.ctx.db;
    // An FTS5 index's segments: its %_data rows hold (segment id << 37) + page (ids from 65,536 on are tombstones).
    const segments = (fts: string) => db.prepare(`SELECT count(DISTINCT id >> 37) FROM ${fts}_data WHERE id >> 37 BETWEEN 1 AND 65535`).pluck().get() as number;
    const automerge = (fts: string) => db.prepare(`SELECT v FROM ${fts}_config WHERE k = 'automerge'`).pluck().get();
    const stored = { body: automerge('search_body'), grams: automerge('search_grams') };
    const before = { body: segments('search_body'), grams: segments('search_grams') };
    for (let b = 1; b <= 12; b++) expect(t.imports.commitParsed(BY, files(b * 30, 30)).created).toHaveLength(30);
    // Merged during the batches (FTS5 starts at 8 segments), the count moved otherwise: a merge writes a segment and
    // drops its inputs only when done. Crisis merging (16 segments) still bounds the count.
    expect(segments('search_body') - before.body).toBe(12);
    expect(segments('search_grams') - before.grams).toBe(12);
    expect({ body: automerge('search_body'), grams: automerge('search_grams') }).toEqual(stored);
    expect(stored.body).toBeGreaterThan(0);
    // An edit after the batches is indexed as before.
    db.prepare(`UPDATE documents SET body = '["改写后的正文，鲸鳄改写号段。"]' WHERE id = (SELECT id FROM documents ORDER BY rowid LIMIT 1)`).run();
    for (const k of [31, 59, 200, 389]) {
      expect(t.search.matchIds(`某政发〔2020〕${k}号`)).toHaveLength(1);
      expect(t.search.matchIds(`"鲸鳄${k}号段"`)).toHaveLength(1);
    }
    expect(t.search.matchIds('"鲸鳄30号段"')).toEqual([]);
    expect(t.search.matchIds('"鲸鳄改写号段"')).toHaveLength(1);
  });
});
