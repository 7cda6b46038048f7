import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('--text prints the text the parser sees, then what the reader kept apart and where a page came from', async () => {
    const fixtures = join(__dirname, '../../../test/fixtures/formats');
    const doc = await cli('parse', join(fixtures, 'notice.doc'), '--text');
    expect(doc.code).toBe(0);
    expect(doc.out).toMatch(/^招远市人民政府办公室\n关于印发招远市政府信息公开办法的通知\n招政办发〔2021〕12号/);
    expect(doc.out).toMatch(/——— 页眉（不参与识别）———\n招远市人民政府公报（页眉）/);
    const page = await cli('parse', join(fixtures, 'notice-gbk.html'), '--text');
    expect(page.out).toMatch(/——— 来源 ———\n网址：http:\/\/www\.zhaoyuan\.gov\.cn\/art\/2021\/4\/21\/art_123_456\.html\n发布日期：2021-04-21/);
    const sample = await cli('parse', SAMPLE_GAZETTE, '--text');
    expect(sample.out.trimEnd()).toBe(readFileSync(SAMPLE_GAZETTE, 'utf8').trimEnd());
  });
});
