import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './paths';

describe('resolveDataDir', () => {
  it('prefers --data, then NORMDESK_DATA, then the per-user default of the platform', () => {
    expect(resolveDataDir('/srv/nd', { NORMDESK_DATA: '/env/nd' }, 'linux')).toBe('/srv/nd');
    expect(resolveDataDir(undefined, { NORMDESK_DATA: '/env/nd' }, 'linux')).toBe('/env/nd');
    expect(resolveDataDir(undefined, { HOME: '/home/li' }, 'linux')).toBe('/home/li/.local/share/normdesk');
    expect(resolveDataDir(undefined, { HOME: '/home/li', XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/normdesk');
    expect(resolveDataDir(undefined, { HOME: '/Users/li' }, 'darwin')).toBe('/Users/li/Library/Application Support/NormDesk');
  });
});
