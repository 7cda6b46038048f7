import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../composition';
import { BY, commitFile, parsedDoc } from '../../test-support/fixtures';
import { buildDocument } from './build-document';
import { createRenderPool } from './render-pool';
import { renderOfficialText } from './service';

const app = createApp({ dataDir: ':memory:', shell: 'cli', now: () => new Date('2026-11-22T12:00:00'), log: { info() {}, error() {} } });
afterAll(() => app.close());

describe('exports render in worker threads (issue 25)', () => {
  it('a document rendered by the pool is the file the request thread would have made', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `第${i + 1}条 为加强城区供热管理，保障供热质量，根据有关规定，结合本市实际，制定本办法。`);
    const id = app.services.imports.commitParsed(BY, [commitFile('a.txt', [parsedDoc({ title: '招远市城区供热管理办法', docNumber: '招政发〔2024〕3号', body })])]).created[0].id;
    const text = buildDocument(app.services.documents.get(id), { letterhead: true });
    const now = new Date('2026-11-22T12:00:00');
    const inProcess = vi.fn(renderOfficialText);
    const pool = createRenderPool(app.ctx.log, inProcess, 2);
    try {
      const [pdf, docx] = await Promise.all([pool(text, 'pdf', app.ctx.resourcesDir, now), pool(text, 'docx', app.ctx.resourcesDir, now)]);
      const want = await renderOfficialText(text, 'pdf', app.ctx.resourcesDir, now);
      expect(inProcess).not.toHaveBeenCalled();
      expect(pdf.pages).toBe(want.pages);
      expect(pdf.pages).toBeGreaterThan(1);
      expect(pdf.warnings).toEqual(want.warnings);
      expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.bytes.length).toBe(want.bytes.length);
      expect(docx.fileName).toMatch(/招远市城区供热管理办法\.docx$/);
      expect(Buffer.from(docx.bytes).subarray(0, 2).toString()).toBe('PK');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('the export channel answers through the pool', async () => {
    const [row] = (await app.call('documents:list', { limit: 1 })).rows;
    const file = await app.call('export:document', { id: row.id, format: 'docx' });
    expect(file.fileName).toMatch(/\.docx$/);
    expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
