import { describe, expect, it } from 'vitest';
import { createLunrClient } from './lunr-client';
import { toLunrDoc } from './lunr-engine';

describe('lunr client', () => {
  it('builds and queries the index in a worker thread when running from TypeScript source', async () => {
    const client = createLunrClient({ useWorker: true, log: { info() {}, error() {} } });
    try {
      const docs = [
        toLunrDoc({ id: 'a', title: '招远市城区居民养犬管理办法', docnum: '招政发〔2018〕27号', issuers: '招远市人民政府', kind: '办法' }),
        toLunrDoc({ id: 'b', title: '关于加快黄金深加工产业发展的扶持意见', docnum: '招政发〔2022〕1号', issuers: '招远市人民政府', kind: '意见' }),
      ];
      // Two shards, one document each: a query is answered over both.
      expect(await client.request({ op: 'build', shard: 0, docs: [docs[0]], file: null, stamp: '1:1' })).toMatchObject({ op: 'build', ok: true });
      expect(await client.request({ op: 'build', shard: 1, docs: [docs[1]], file: null, stamp: '1:2' })).toMatchObject({ op: 'build', ok: true });
      const reply = await client.request({ op: 'query', text: '养狗管理', limit: 5 });
      expect(reply.op === 'query' && reply.hits.map((h) => h.ref)).toEqual(['a']);
      const both = await client.request({ op: 'query', text: '招远市人民政府', limit: 5 });
      expect(both.op === 'query' && both.hits.map((h) => h.ref).sort()).toEqual(['a', 'b']);
      expect(client.mode).toBe('worker');
    } finally {
      await client.close();
    }
  });
});
