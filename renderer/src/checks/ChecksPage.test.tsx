import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Res } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { ChecksPage } from './ChecksPage';

const REPORT: Res<'oversight:checks'> = {
  asOf: '2026-11-22',
  checks: [
    { id: 'no-validity', title: '规范性文件未规定有效期', count: 1, documents: [{ id: 'd1', title: '关于甲的办法', docNumber: '招政发〔2025〕2号', reason: '未找到有效期条款，也未填写有效期截止日期' }] },
    { id: 'duplicate-number', title: '文号重复', count: 0, documents: [] },
  ],
};

describe('检查', () => {
  it('lists each check with its documents, reasons and links, and exports the findings', async () => {
    const exported = vi.fn(async () => ({ fileName: 'a.xlsx', mime: 'application/octet-stream', dataBase64: 'AA==', pages: null, warnings: [] }));
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    renderWith(<ChecksPage />, { 'oversight:checks': async () => REPORT, 'oversight:export': exported });
    expect((await screen.findByTestId('checks-summary')).textContent).toContain('发现 1 处问题');
    expect(screen.getByRole('link', { name: '关于甲的办法' }).getAttribute('href')).toBe('#/documents/d1');
    expect(screen.getByText('未找到有效期条款，也未填写有效期截止日期')).toBeTruthy();
    expect(screen.getByText('无问题')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(exported).toHaveBeenCalledWith(expect.objectContaining({ format: 'xlsx' })));
  });
});
