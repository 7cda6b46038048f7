import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import { parseHash, routeHref } from '../shell/router';
import { renderWith } from '../test-utils';
import { CampaignsPage } from './CampaignsPage';
import { personMessage } from '../api/call';

describe('以这些文件发起清理…', () => {
  it('the link carries the check and its 状态日期 in the address', () => {
    const href = routeHref({ name: 'cleanup', id: null, check: 'too-long', asOf: '2026-06-30' });
    expect(parseHash(href)).toEqual({ name: 'cleanup', id: null, check: 'too-long', asOf: '2026-06-30' });
  });

  it('carries the documents the check found into the new campaign’s scope', async () => {
    const checks = vi.fn(async (_req: Req<'oversight:checks'>) => ({
      asOf: '2026-06-30',
      checks: [
        { id: 'no-validity' as const, title: '规范性文件未规定有效期', count: 0, documents: [] },
        {
          id: 'too-long' as const,
          title: '有效期超过发文机关所在省份规定的年限',
          count: 3,
          documents: [
            { id: 'a', title: '甲办法', docNumber: '招政发〔2020〕1号', reason: 'x' },
            { id: 'b', title: '乙办法', docNumber: null, reason: 'y' },
            { id: 'a', title: '甲办法', docNumber: '招政发〔2020〕1号', reason: 'z' },
          ],
        },
      ],
    }));
    const create = vi.fn(async (req: Req<'cleanup:create'>) => ({ id: 'c1', ...req }) as never);
    renderWith(<CampaignsPage id={null} fromCheck={{ check: 'too-long', asOf: '2026-06-30' }} />, {
      'cleanup:list': async () => [],
      'documents:list': async () => ({ total: 0, rows: [], options: { issuers: [], kinds: [], years: [] } }) as never,
      'oversight:checks': checks,
      'cleanup:create': create,
    });
    const carried = await screen.findByText(/只纳入检查“有效期超过发文机关所在省份规定的年限”发现的 2 件文件（状态截至 2026年6月30日）/);
    expect(carried).toBeTruthy();
    expect(checks).toHaveBeenCalledWith({ asOf: '2026-06-30' });
    fireEvent.change(screen.getByLabelText('清理名称'), { target: { value: '有效期过长的文件清理' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: '建立清理项目并锁定范围' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0].scope).toMatchObject({ documentIds: ['a', 'b'] });
  });

  it('a date is checked as typed: 2022-02-30 is refused at the field, naming it, and nothing is sent', async () => {
    const create = vi.fn();
    renderWith(<CampaignsPage id={null} />, {
      'cleanup:list': async () => [],
      'documents:list': async () => ({ total: 0, rows: [], options: { issuers: [], kinds: [], years: [] } }) as never,
      'cleanup:create': create,
    });
    fireEvent.change(await screen.findByLabelText('清理名称'), { target: { value: '清理' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2022-02-30' } });
    expect(screen.getAllByText('截止日期“2022-02-30”不是有效的日期，请按 2022-02-07 或 2022年2月7日 的格式填写').length).toBeGreaterThan(0);
    expect((screen.getByRole('button', { name: '建立清理项目并锁定范围' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2022年2月28日' } });
    expect(screen.queryByText(/不是有效的日期/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '建立清理项目并锁定范围' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith(expect.objectContaining({ cutoff: '2022-02-28' })));
  });

  it('never shows the service’s 请求参数有误 wording', () => {
    expect(personMessage('请求参数有误：清理截止日期：不是有效的日期')).toBe('请核对填写的内容：清理截止日期：不是有效的日期');
    expect(personMessage('未找到文件 x')).toBe('未找到文件 x');
  });
});
