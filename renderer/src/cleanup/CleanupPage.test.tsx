import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { CleanupPage, parseCleanupJson } from './CleanupPage';

const VALID = {
  title: '高青县人民政府关于公布行政规范性文件清理结果的通知',
  issuer: '高青县人民政府',
  date: '2021-09-26',
  items: [{ title: '某办法', docNumber: '高政发〔2018〕3号', decision: '废止', reason: '上位法已废止' }],
};

describe('清理结果', () => {
  it('a JSON file with a wrong decision is refused with the field named', () => {
    const res = parseCleanupJson(JSON.stringify({ ...VALID, items: [{ ...VALID.items[0], decision: '保留' }] }));
    expect('error' in res && res.error).toBe('JSON 内容不符合清理结果格式：条目（第1项）的清理决定（items.0.decision）应为以下之一：继续有效、修改、废止、宣布失效');
    expect(parseCleanupJson('{')).toEqual({ error: '不是有效的 JSON 文件' });
  });

  it('loads a JSON file and exports it through the service', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const exp = vi.fn(async (_req: Req<'export:cleanup'>) => ({ fileName: 'c.docx', mime: 'application/octet-stream', dataBase64: '', pages: null, warnings: [] }));
    renderWith(<CleanupPage />, { 'export:cleanup': exp as never, 'export:fonts': async () => [] });
    const input = screen.getByLabelText('载入清理结果 JSON') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([JSON.stringify(VALID)], 'c.json')] });
    fireEvent.change(input);
    expect(await screen.findByText('某办法')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出 DOCX' }));
    await waitFor(() => expect(exp).toHaveBeenCalledTimes(1));
    expect(exp.mock.calls[0][0]).toMatchObject({ format: 'docx', input: { issuer: '高青县人民政府', items: [{ decision: '废止', reason: '上位法已废止' }] } });
  });
});
