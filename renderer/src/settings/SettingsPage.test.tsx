import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../shared/contract/system';
import { renderWith } from '../test-utils';
import { SettingsPage } from './SettingsPage';
import { SHANDONG_VALIDITY_RULE } from '../../../shared/domain/validity';

const SETTINGS: Settings = {
  expiryWindowMonths: 6,
  inForceFirst: true,
  registrationPattern: '[A-Z]{4}-\\d{4}-\\d+',
  masthead: { sponsor: '高青县人民政府办公室', editor: '', address: '', phone: '', postcode: '' },
  backupRetentionDays: 30,
  validityRules: [SHANDONG_VALIDITY_RULE],
};

describe('设置', () => {
  it('shows data directory, versions and document count', async () => {
    renderWith(<SettingsPage />, {
      'app:info': async () => ({ version: '0.1.0', schemaVersion: 3, dataDir: '/home/u/normdesk', documentCount: 1234, shell: 'browser', user: '张三', integrity: { state: 'ok', message: null } }),
      'settings:get': async () => SETTINGS,
    });
    expect(await screen.findByText('/home/u/normdesk')).toBeTruthy();
    expect(screen.getByText('0.1.0')).toBeTruthy();
    expect(screen.getByText('第 3 版')).toBeTruthy();
    expect(screen.getByText('1,234 件')).toBeTruthy();
    expect(screen.getByText('浏览器模式')).toBeTruthy();
    // changes are recorded under the user who makes them, not a name typed into a setting
    expect(screen.getByText('张三（记入修改记录）')).toBeTruthy();
  });

  it('saves changed settings and refuses an invalid 登记号 pattern', async () => {
    const update = vi.fn(async (req: Partial<Settings>) => ({ ...SETTINGS, ...req }) as Settings);
    renderWith(<SettingsPage />, {
      'app:info': async () => ({ version: '0.1.0', schemaVersion: 1, dataDir: '/d', documentCount: 0, shell: 'cli', user: 'u', integrity: { state: 'ok', message: null } }),
      'settings:get': async () => SETTINGS,
      'settings:update': update,
    });
    const pattern = await screen.findByLabelText(/登记号格式/);
    fireEvent.change(pattern, { target: { value: '[A-Z' } });
    expect(screen.getByText('不是有效的正则表达式')).toBeTruthy();
    expect((screen.getByRole('button', { name: '保存设置' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(pattern, { target: { value: 'GQDR-\\d+' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][0]).toMatchObject({ registrationPattern: 'GQDR-\\d+' });
    expect(await screen.findByText('设置已保存。')).toBeTruthy();
  });

  it('refuses an evaluation window of 0 or out of range with a message instead of changing it silently', async () => {
    const update = vi.fn(async (req: Partial<Settings>) => ({ ...SETTINGS, ...req }) as Settings);
    renderWith(<SettingsPage />, {
      'app:info': async () => ({ version: '0.1.0', schemaVersion: 1, dataDir: '/d', documentCount: 0, shell: 'cli', user: 'u', integrity: { state: 'ok', message: null } }),
      'settings:get': async () => SETTINGS,
      'settings:update': update,
    });
    const months = await screen.findByLabelText(/即将到期提醒/);
    const save = () => screen.getByRole('button', { name: '保存设置' }) as HTMLButtonElement;
    for (const bad of ['0', '25']) {
      fireEvent.change(months, { target: { value: bad } });
      expect(await screen.findByText('即将到期提醒（月）应为 1 至 24 之间的整数，例如 6')).toBeTruthy();
      expect((months as HTMLInputElement).value).toBe(bad);
      expect(save().disabled).toBe(true);
    }
    fireEvent.change(months, { target: { value: '3' } });
    await waitFor(() => expect(screen.queryByText(/应为 1 至 24/)).toBeNull());
    fireEvent.click(save());
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0][0]).toMatchObject({ expiryWindowMonths: 3 });
  });
});

describe('设置：备份保留天数', () => {
  it('sends the retention days and shows the service refusal naming the field', async () => {
    const update = vi.fn(async () => {
      throw Object.assign(new Error('请求参数有误：备份保留天数：至少为 1 天'), { code: 'INVALID_INPUT' });
    });
    renderWith(<SettingsPage />, {
      'app:info': async () => ({ version: '0.1.0', schemaVersion: 3, dataDir: '/d', documentCount: 0, shell: 'browser', user: 'u', integrity: { state: 'ok', message: null } }),
      'settings:get': async () => SETTINGS,
      'settings:update': update,
      'backup:list': async () => ({ dir: '/d/backups', retentionDays: 30, entries: [] }),
    });
    fireEvent.change(await screen.findByLabelText(/备份保留天数/), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText(/备份保留天数：至少为 1 天/)).toBeTruthy();
    expect(update).toHaveBeenCalledWith(expect.objectContaining({ backupRetentionDays: 0 }));
    expect(screen.getByText('还没有备份。')).toBeTruthy();
  });

  it('edits the validity rules per province: Shandong’s shipped, another added, a half-filled one refused at the field', async () => {
    const update = vi.fn(async (req: Partial<Settings>) => ({ ...SETTINGS, ...req }) as Settings);
    renderWith(<SettingsPage />, {
      'app:info': async () => ({ version: '0.1.0', schemaVersion: 1, dataDir: '/d', documentCount: 0, shell: 'cli', user: 'u', integrity: { state: 'ok', message: null } }),
      'settings:get': async () => SETTINGS,
      'settings:update': update,
    });
    expect(((await screen.findAllByLabelText('省份'))[0] as HTMLInputElement).value).toBe('山东');
    expect((screen.getAllByLabelText(/^依据/)[0] as HTMLInputElement).value).toBe('山东省行政程序规定第五十三条');
    fireEvent.click(screen.getByRole('button', { name: '添加省份规则' }));
    expect(screen.getByText(/每条规则须填写省份/)).toBeTruthy();
    expect((screen.getByRole('button', { name: '保存设置' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getAllByLabelText('省份')[1], { target: { value: '云南' } });
    fireEvent.change(screen.getAllByLabelText(/^依据/)[1], { target: { value: '云南省某规定第十条' } });
    fireEvent.change(screen.getAllByLabelText(/所属地名/)[1], { target: { value: '昆明市 曲靖市，玉溪市' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    const rules = update.mock.calls[0][0].validityRules!;
    expect(rules.map((r) => r.province)).toEqual(['山东', '云南']);
    expect(rules[1]).toMatchObject({ basis: '云南省某规定第十条', places: ['昆明市', '曲靖市', '玉溪市'], maxYears: 5 });
  });
});
