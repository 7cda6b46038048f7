import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../core/composition';
import { commands } from './commands';
import { SAMPLE_GAZETTE, testCli } from './testing';

const cli = testCli(commands);
const RAW = ['\u001b', '\u0007', '\u202e', '\u009b'];
const hasRaw = (text: string) => RAW.some((c) => text.includes(c));

describe('stored strings on their way to the terminal (issue 26)', () => {
  it('prints a file name with an ESC sequence (which would retitle the terminal) escaped, in import and parse output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-cli-esc-'));
    const hostile = join(dir, '\u001b]0;owned\u0007公报\u202etxt.txt');
    copyFileSync(SAMPLE_GAZETTE, hostile);
    const imported = await cli('import', hostile, '--data', join(dir, 'data'));
    expect(imported.code).toBe(0);
    expect(hasRaw(imported.out + imported.err)).toBe(false);
    expect(imported.out).toContain('\\u001b]0;owned\\u0007公报\\u202etxt.txt');
    const parsed = await cli('parse', hostile);
    expect(hasRaw(parsed.out + parsed.err)).toBe(false);
    expect(parsed.out).toContain('\\u001b]0;owned');
  });

  it('prints a stored title with a line break, a tab and CSI codes as one escaped cell in list, search and check', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-esc-'));
    expect((await cli('import', SAMPLE_GAZETTE, '--yes', '--data', data)).code).toBe(0);
    const app = createApp({ dataDir: data, shell: 'cli', log: { info() {}, error() {} }, dailyBackup: false });
    const [first] = (await app.call('documents:list', {})).rows;
    // stored as an older version (or a damaged file) may have left it: straight into the table
    app.ctx.db.prepare('UPDATE documents SET title = ? WHERE id = ?').run(`伪造\n（无文号）\t伪造标题\u009b2J\u001b[31m红字`, first.id);
    await app.close();
    const listed = await cli('list', '--data', data);
    expect(hasRaw(listed.out)).toBe(false);
    const rows = listed.out.split('\n');
    expect(rows.filter((r) => r.includes('伪造'))).toHaveLength(1);
    expect(rows.every((r) => r.startsWith('共 ') || r.split('\t').length === 5)).toBe(true);
    const json = JSON.parse((await cli('list', '--json', '--data', data)).out) as Array<{ title: string }>;
    expect(json.some((d) => d.title.includes('\u001b[31m'))).toBe(true); // JSON keeps the stored value exactly
    const found = await cli('search', '伪造标题', '--data', data);
    expect(hasRaw(found.out)).toBe(false);
  });
});
