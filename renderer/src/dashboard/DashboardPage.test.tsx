import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Res } from '../../../shared/contract';
import { DOCUMENT_STATUSES } from '../../../shared/domain/document';
import { renderWith } from '../test-utils';
import { DashboardPage } from './DashboardPage';
import { parseHash, routeHref } from '../shell/router';

const months = (first: number, year: number) =>
  Array.from({ length: 24 }, (_, i) => {
    const t = year * 12 + first - 1 + i;
    return { month: `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`, count: 0 };
  });

function dashboard(): Res<'oversight:dashboard'> {
  const expiries = months(11, 2026);
  expiries[2].count = 3;
  const lapses = months(11, 2024);
  lapses[11].count = 2;
  return {
    asOf: '2026-11-22',
    windowMonths: 6,
    total: 12,
    byStatus: DOCUMENT_STATUSES.map((status) => ({ status, count: status === '即将到期' ? 4 : status === '现行有效' ? 8 : 0 })),
    expiring: [{ id: 'd1', title: '关于快到期的办法', docNumber: '招政发〔2024〕1号', validUntil: '2027-01-31', daysLeft: 70 }],
    expiriesByMonth: expiries,
    lapsesByMonth: lapses,
    byIssuer: [{ issuer: '招远市人民政府', count: 12 }],
    byYear: [{ year: 2024, count: 12 }],
    recent: [{ id: 'd1', title: '关于快到期的办法', docNumber: '招政发〔2024〕1号', action: '导入', at: '2026-11-20T08:00:00.000Z', actor: '张三' }],
  };
}

describe('首页', () => {
  beforeEach(() => window.localStorage.clear());

  it('every number opens the library filtered to exactly those documents', async () => {
    renderWith(<DashboardPage />, { 'oversight:dashboard': async () => dashboard() });
    const soon = await screen.findByRole('link', { name: '即将到期 4 件' });
    expect(soon.getAttribute('href')).toBe('#/library?status=%E5%8D%B3%E5%B0%86%E5%88%B0%E6%9C%9F&asOf=2026-11-22');
    expect(screen.getByRole('link', { name: '2027年1月 3 件' }).getAttribute('href')).toContain('validFrom=2027-01-01&validTo=2027-01-31');
    expect(screen.getByRole('link', { name: '2025年10月 2 件' }).getAttribute('href')).toContain('validFrom=2025-10-01&validTo=2025-10-31');
    expect(screen.getByRole('link', { name: '招远市人民政府' }).getAttribute('href')).toContain('issuer=');
    expect(screen.getByText('70 天')).toBeTruthy();
  });

  it('the 状态日期 comes from and goes to the address', async () => {
    const get = vi.fn(async (_req: { asOf?: string }) => dashboard());
    renderWith(<DashboardPage asOf="2026-06-30" />, { 'oversight:dashboard': get });
    await screen.findByRole('link', { name: '即将到期 4 件' });
    expect(get).toHaveBeenCalledWith({ asOf: '2026-06-30' });
    expect(parseHash('#/dashboard?asOf=2026-06-30')).toEqual({ name: 'dashboard', asOf: '2026-06-30' });
    expect(parseHash('#/dashboard?asOf=2026-13-99x')).toEqual({ name: 'dashboard', asOf: null });
    expect(routeHref({ name: 'dashboard', asOf: '2026-06-30' })).toBe('#/dashboard?asOf=2026-06-30');
  });

  it('reminds of what expires within the window once a day', async () => {
    const first = renderWith(<DashboardPage />, { 'oversight:dashboard': async () => dashboard() });
    expect((await screen.findByTestId('expiry-reminder')).textContent).toContain('4 件文件将在 6 个月内到期');
    first.unmount();
    renderWith(<DashboardPage />, { 'oversight:dashboard': async () => dashboard() });
    await screen.findByRole('link', { name: '即将到期 4 件' });
    expect(screen.queryByTestId('expiry-reminder')).toBeNull();
  });
});
