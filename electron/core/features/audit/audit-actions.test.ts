import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../../../../shared/domain/audit-actions';

const CORE = resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('audit action names', () => {
  it('every action a service records has a Chinese name, so no history or audit row shows a code', () => {
    const actions = new Set<string>();
    for (const file of sources(CORE)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('audit.record(')) continue;
      for (const m of text.matchAll(/'((?:document|relation|gazette|campaign|user|session)\.[a-z-]+)'/g)) actions.add(m[1]);
    }
    expect(actions.size).toBeGreaterThan(20);
    expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    expect(auditActionLabel('document.archive')).toBe('其他操作');
  });
});
