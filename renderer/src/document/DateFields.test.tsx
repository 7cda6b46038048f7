import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EditParsedDrawer } from '../import/EditParsedDrawer';
import { renderWith } from '../test-utils';
import { detail, reviewDoc } from '../test-fixtures';
import { DocumentPage } from './DocumentPage';
import { fieldOfMessage } from './DocumentFields';

const DATE_LABELS = ['成文日期', '施行日期', '有效期至'];

/** The error Mantine shows under a field, or null when the field is clean. */
function errorUnder(label: string): string | null {
  const input = screen.getByLabelText(label);
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  return input.closest('.mantine-InputWrapper-root')?.querySelector('.mantine-InputWrapper-error')?.textContent ?? '';
}
const errorsOf = (labels: string[]) => Object.fromEntries(labels.map((l) => [l, errorUnder(l)]));

async function openEditor(update = vi.fn(async () => detail())) {
  renderWith(<DocumentPage id="d1" terms={[]} />, { 'documents:get': async () => detail(), 'documents:update': update });
  fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
  await screen.findByLabelText('有效期至');
  return update;
}

describe('日期字段：错误标在出错的字段下', () => {
  it('edit form: only the bad field is marked, fixing it clears the mark at once, typed dates are sent as days', async () => {
    const update = await openEditor();
    fireEvent.change(screen.getByLabelText('成文日期'), { target: { value: '2022年2月7日' } });
    fireEvent.change(screen.getByLabelText('施行日期'), { target: { value: '2022-02-30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(errorsOf([...DATE_LABELS, '宣布失效日期'])).toEqual({
      成文日期: null, 施行日期: '施行日期“2022-02-30”不是有效的日期，请按 2022-02-07 或 2022年2月7日 的格式填写', 有效期至: null, 宣布失效日期: null,
    });
    expect(update).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('施行日期'), { target: { value: '2022/3/1' } });
    expect(errorUnder('施行日期')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    // 成文日期 retyped as the same day is no change.
    expect(update.mock.calls[0]).toEqual([{ id: 'd1', patch: { effectiveDate: '2022-03-01' }, expectedUpdatedAt: expect.any(String) }]);
  });

  it('edit form: a date refused by the service is shown under its field, and editing that field clears it', async () => {
    const update = vi.fn(async () => {
      throw Object.assign(new Error('宣布失效日期“2024-02-29”不是有效的日期。'), { code: 'INVALID_INPUT' });
    });
    await openEditor(update);
    fireEvent.change(screen.getByLabelText('宣布失效日期'), { target: { value: '2024-02-29' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(errorUnder('宣布失效日期')).toBe('宣布失效日期“2024-02-29”不是有效的日期。'));
    expect(errorsOf(DATE_LABELS)).toEqual({ 成文日期: null, 施行日期: null, 有效期至: null });
    expect(screen.queryByText('未能保存')).toBeNull();
    fireEvent.change(screen.getByLabelText('宣布失效日期'), { target: { value: '2024-02-28' } });
    expect(errorUnder('宣布失效日期')).toBeNull();
  });

  it('import review: a bad date is marked under its field only, blocks 确定 until fixed, and typed dates are saved as days', () => {
    const onSave = vi.fn();
    renderWith(<EditParsedDrawer doc={reviewDoc()} onClose={() => {}} onSave={onSave} />, {});
    fireEvent.change(screen.getByLabelText('有效期至'), { target: { value: '二〇二五年' } });
    expect(errorsOf(DATE_LABELS)).toEqual({ 成文日期: null, 施行日期: null, 有效期至: '有效期至“二〇二五年”不是有效的日期，请按 2022-02-07 或 2022年2月7日 的格式填写' });
    expect((screen.getByRole('button', { name: '确定' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('有效期至'), { target: { value: '2025年2月19日' } });
    expect(errorsOf(DATE_LABELS)).toEqual({ 成文日期: null, 施行日期: null, 有效期至: null });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(onSave.mock.calls[0][0]).toMatchObject({ validUntil: '2025-02-19', dateSigned: '2022-02-20' });
  });

  it('a service message is matched to the field it names first', () => {
    expect(fieldOfMessage('请求参数有误：成文日期：日期格式应为 YYYY-MM-DD')).toBe('dateSigned');
    expect(fieldOfMessage('有效期截止日期（2020-01-01）早于施行日期（2022-02-07），请检查。')).toBe('validUntil');
    expect(fieldOfMessage('文号 招政发〔2022〕8号 已用于《某办法》，请核对。')).toBe('docNumber');
    expect(fieldOfMessage('数据库正忙')).toBeNull();
  });
});
