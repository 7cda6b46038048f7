import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the CLI entry', () => {
  it('a reader that closes the pipe early (| head) gets no English stack trace', () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-epipe-'));
    // `true` and `head -c 1` stop reading at once: the CLI then writes into a closed pipe.
    const r = spawnSync('sh', ['-c', `npx tsx electron/cli/index.ts --help --data ${data} | true; npx tsx electron/cli/index.ts gazette --help --data ${data} | head -c 1 >/dev/null`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at .*\(/);
  }, 70_000);
});
