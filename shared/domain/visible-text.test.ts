import { describe, expect, it } from 'vitest';
import { terminalField, terminalText, visibleText } from './visible-text';

const FORGED = 'x\n2026-12-01T00:00:00Z\twang\tuser.create\t\u001b]0;owned\u0007\u202etxt.exe';

describe('stored text on its way to a terminal, a log or the UI', () => {
  it('escapes line breaks, tabs, ESC, BEL and direction overrides inside a field', () => {
    const shown = terminalField(FORGED);
    expect(shown).toBe('x\\n2026-12-01T00:00:00Z\\twang\\tuser.create\\t\\u001b]0;owned\\u0007\\u202etxt.exe');
    expect([...shown].filter((c) => c < ' ' || c === '\u202e')).toEqual([]);
  });

  it('keeps the layout of a block but escapes every other control, leaving JSON valid and equal', () => {
    const json = JSON.stringify({ user: 'a\u202eb\u0085c', n: 1 }, null, 2);
    const safe = terminalText(json);
    expect(safe).not.toMatch(/[\u202e\u0085]/);
    expect(JSON.parse(safe)).toEqual({ user: 'a\u202eb\u0085c', n: 1 });
    expect(terminalText('a\tb\nc\u001b[2J')).toBe('a\tb\nc\\u001b[2J');
  });

  it('shows controls in the UI as the same escapes as on a terminal', () => {
    expect(visibleText('li\nwang\t\u001b')).toBe('li\\nwang\\t\\u001b');
    expect(visibleText('abc\u202edef')).toBe('abc\\u202edef');
    expect(visibleText('王科长 wang')).toBe('王科长 wang');
  });
});
