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
});
