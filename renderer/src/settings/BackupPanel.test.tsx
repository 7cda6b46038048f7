import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { BackupEntry } from '../../../shared/contract/backup';
import { renderWith } from '../test-utils';
import { BackupPanel } from './BackupPanel';

const entry = (over: Partial<BackupEntry>): BackupEntry => ({
  name: 'normdesk-20261130-090000-auto.db',
  kind: 'auto',
  createdAt: '2026-11-30T01:00:00.000Z',
  bytes: 5 * 1024 * 1024,
  documents: 120,
  schemaVersion: 3,
  problem: null,
  ...over,
});

describe('备份与恢复', () => {
  it('lists backups with date, kind, size and document count; 立即备份 adds one', async () => {
    const entries = [entry({}), entry({ name: 'bad.db', kind: 'other', documents: null, problem: '无法读取：不是 NormDesk 文件库或已损坏' })];
    const create = vi.fn(async () => {
      const e = entry({ name: 'normdesk-20261130-100000-manual.db', kind: 'manual', documents: 121 });
      entries.unshift(e);
      return e;
    });
    renderWith(<BackupPanel onRestored={() => {}} />, {
      'backup:list': async () => ({ dir: '/data/backups', retentionDays: 30, entries: [...entries] }),
      'backup:now': create,
    });
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('每日自动')).toBeTruthy();
    expect(within(rows[0]).getByText('5.0 MB')).toBeTruthy();
    expect(within(rows[0]).getByText('120 件')).toBeTruthy();
    expect((within(rows[1]).getByRole('button', { name: /恢复/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/保留 30 天/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '立即备份' }));
    expect(await screen.findByText(/已备份 121 件/)).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(3));
  });

  it('restores only after confirmation and says where the replaced library was kept', async () => {
    const restore = vi.fn(async () => ({ name: 'normdesk-20261130-090000-auto.db', documents: 120, schemaVersion: 3, asideDir: '/data/before-restore-20261130-101500' }));
    const onRestored = vi.fn();
    renderWith(<BackupPanel onRestored={onRestored} />, {
      'backup:list': async () => ({ dir: '/data/backups', retentionDays: 30, entries: [entry({})] }),
      'backup:restore': restore,
    });
    fireEvent.click(await screen.findByRole('button', { name: /恢复 normdesk/ }));
    expect(await screen.findByText(/替换当前文件库/)).toBeTruthy();
    expect(restore).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '确认恢复' }));
    expect(await screen.findByText(/原文件库保存在：\/data\/before-restore-20261130-101500/)).toBeTruthy();
    expect(restore).toHaveBeenCalledWith({ name: 'normdesk-20261130-090000-auto.db' });
    expect(onRestored).toHaveBeenCalled();
  });

  it('shows the refusal of a damaged backup', async () => {
    renderWith(<BackupPanel onRestored={() => {}} />, {
      'backup:list': async () => ({ dir: '/data/backups', retentionDays: 30, entries: [entry({})] }),
      'backup:restore': async () => {
        throw Object.assign(new Error('备份文件已损坏（quick_check：…）'), { code: 'INVALID_INPUT' });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /恢复 normdesk/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确认恢复' }));
    expect(await screen.findByText('备份文件已损坏（quick_check：…）')).toBeTruthy();
  });
});
