import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../../core/test-support/hostile-files';
import { SAMPLE_GAZETTE, testCli } from '../testing';
import { parseCommand } from './parse';

const sample = SAMPLE_GAZETTE;
const cli = testCli([parseCommand]);


describe('normdesk parse', () => {
  it('prints the parse contract of a file, extracted in the bounded worker', async () => {
    const r = await cli('parse', sample, '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ file: '004_3ab14222ae9e6d15.txt', encoding: 'utf-8', gazette: { title: '高青县人民政府公报' } });
    expect(result.documents.length).toBeGreaterThan(5);
  });

  it('refuses a zip bomb with one Chinese line naming the limit', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nd-cli-parse-')), '炸弹.docx');
    writeFileSync(file, await zipBomb(100));
    const r = await cli('parse', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Word 文档正文解压后过大（超过 64 MB 的上限）/);
  });
});
