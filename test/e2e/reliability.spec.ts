import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReliability } from '../reliability/run';
import { ROOT } from './harness';

// The short form of `npm run test:reliability` (5 rounds) against the built CLI: kill -9 during imports and edits,
// export path cases, backup/restore after a crash, and the hostile files of issue 26 (the inflate bomb through
// parse, import and the server, mixed encodings, a corpus of 45 generated files). Runs here because the
// end-to-end step builds out/ first.
describe('reliability (issue 14), 5 rounds', () => {
  it('no crash, export or restore loses or damages what is stored, and every refusal is a Chinese message', async () => {
    expect(existsSync(join(ROOT, 'out', 'main', 'cli.js')), '需要先 npm run build').toBe(true);
    const lines: string[] = [];
    const results = await runReliability({ rounds: 5, built: true, corpus: 45, log: (l) => lines.push(l) });
    console.log(lines.join('\n'));
    expect(results.length).toBeGreaterThanOrEqual(20);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  }, 360_000);
});
