import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../core/composition';
import { BY } from '../../core/test-support/fixtures';
import { testCli } from '../testing';
import { auditCommand } from './audit';

const cli = testCli([auditCommand]);
const quiet = { info: () => {}, error: () => {} };

describe('normdesk audit', () => {
  it('prints a user name typed at the login page as one escaped field, never as a forged line', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nd-cli-audit-'));
    const app = createApp({ dataDir: data, shell: 'browser', log: quiet });
    await app.call('users:add', { name: 'wang', role: 'admin', password: 'lantern-19' }, BY);
    const forged = 'x\n2026-12-01T00:00:00.000Z\twang\tuser.create\tuser:mallory\u001b]0;owned\u0007\u202e';
    await app.services.accounts.login(forged, 'whatever guess', '10.0.0.9');
    await app.close();

    const text = await cli('audit', '--data', data);
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    expect(lines).toHaveLength(3); // user.create, session.login-failed, the count
    expect(lines.filter((l) => l.includes('user.create'))).toHaveLength(2); // the real one, and the forged one inside its field
    const failed = lines.find((l) => l.includes('session.login-failed'))!;
    expect(failed.split('\t')).toHaveLength(4);
    expect(failed).toContain('x\\n2026-12-01T00:00:00.000Z\\twang');
    for (const c of ['\u001b', '\u0007', '\u202e']) expect(text.out).not.toContain(c);
    // JSON output keeps the name exactly as typed
    const json = JSON.parse((await cli('audit', '--json', '--data', data)).out) as Array<{ user: string }>;
    expect(json.map((r) => r.user)).toContain(forged.slice(0, 64));
  });
});
