import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import type { CampaignDetail, CampaignItem } from '../../../shared/contract/cleanup';
import { renderWith } from '../test-utils';
import { ReviewPage } from './ReviewPage';

const CAMPAIGN: CampaignDetail = {
  id: 'c1', name: '2021年行政规范性文件清理', basisDocNumber: '鲁司〔2020〕66号', basisTitle: '', organizer: '招远市人民政府', cutoff: '2021-06-30',
  scope: { issuers: [], normativeOnly: true, statuses: ['现行有效'] }, state: 'reviewing', total: 2, decided: 0, createdAt: '2026-01-01', createdBy: '张三',
  noticeDocNumber: null, noticeDate: null, noticeDocumentId: null, publishedAt: null,
  byDecision: [{ decision: '未决定', count: 2 }], byIssuer: [{ issuer: '招远市人民政府', total: 2, decided: 0 }], scopeChanges: [], pendingAmendments: 0,
};
const item = (n: number, over: Partial<CampaignItem> = {}): CampaignItem => ({
  position: n, documentId: `d${n}`, title: `招远市人民政府关于第${n}项的通知`, docNumber: `招政发〔2019〕${n}号`, issuers: ['招远市人民政府'],
  dateSigned: '2019-01-01', validUntil: null, status: '现行有效', statusAtCutoff: '现行有效', decision: null, reason: '', note: '', opinion: null, opinionReason: '',
  amendedBy: null, decidedBy: null, warnings: [], ...over,
});

function page(rows: CampaignItem[], handlers: Record<string, unknown> = {}) {
  const decide = vi.fn(async (req: Req<'cleanup:decide'>) => ({ updated: req.documentIds.length, warnings: [] }));
  const opinion = vi.fn(async (req: Req<'cleanup:opinion'>) => ({ ...rows.find((r) => r.documentId === req.documentId)!, opinion: req.opinion, opinionReason: req.reason }));
  renderWith(<ReviewPage id="c1" />, {
    'cleanup:get': async () => CAMPAIGN,
    'cleanup:reasons': async () => ['上位法已废止', '适用期已过'],
    'cleanup:items': async () => ({ total: rows.length, rows }),
    'cleanup:decide': decide as never,
    'cleanup:opinion': opinion as never,
    ...handlers,
  });
  return { decide, opinion };
}
const reasonBox = () => screen.getByLabelText('理由', { selector: 'input' }) as HTMLInputElement;
const opinionBox = () => screen.getByLabelText('起草机关意见理由', { selector: 'input' }) as HTMLInputElement;
const saveDecision = () => screen.getByRole('button', { name: '保存决定' }) as HTMLButtonElement;

describe('清理审查', () => {
  it('a number key decides 继续有效 at once and moves on; 废止 without a reason waits in the form for one', async () => {
    const { decide } = page([item(1), item(2, { decision: '继续有效', status: '已失效', warnings: ['该文件已失效，不能决定继续有效'] }), item(3)]);
    expect(await screen.findByText('依据：鲁司〔2020〕66号', { exact: false })).toBeTruthy();
    await screen.findAllByText('招远市人民政府关于第1项的通知');
    fireEvent.keyDown(window, { key: '3' });
    // nothing saved: the form takes 废止 and asks for the reason, 保存决定 stays disabled until one is given
    expect(await screen.findByText(/决定“废止”须填写理由/)).toBeTruthy();
    expect(decide).not.toHaveBeenCalled();
    expect(saveDecision().disabled).toBe(true);
    fireEvent.change(reasonBox(), { target: { value: '上位法已废止' } });
    await waitFor(() => expect(saveDecision().disabled).toBe(false));
    fireEvent.click(saveDecision());
    await waitFor(() => expect(decide).toHaveBeenCalledTimes(1));
    expect(decide.mock.calls[0][0]).toMatchObject({ id: 'c1', documentIds: ['d1'], decision: '废止', reason: '上位法已废止' });
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(decide).toHaveBeenCalledTimes(2));
    expect(decide.mock.calls[1][0]).toMatchObject({ documentIds: ['d1'], decision: '继续有效', reason: '' });
    expect(await screen.findByText('该文件已失效，不能决定继续有效')).toBeTruthy();
  });

  it('changing the decision by key drops the other decision\'s reason (继续有效 is never saved with 适用期已过)', async () => {
    const { decide } = page([item(1, { decision: '宣布失效', reason: '适用期已过' })]);
    await screen.findAllByText('招远市人民政府关于第1项的通知');
    await waitFor(() => expect(reasonBox().value).toBe('适用期已过'));
    fireEvent.keyDown(window, { key: '1' });
    await waitFor(() => expect(decide).toHaveBeenCalledTimes(1));
    expect(decide.mock.calls[0][0]).toMatchObject({ decision: '继续有效', reason: '' });
    // the same decision again keeps its own reason
    fireEvent.keyDown(window, { key: '4' });
    await waitFor(() => expect(decide).toHaveBeenCalledTimes(2));
    expect(decide.mock.calls[1][0]).toMatchObject({ decision: '宣布失效', reason: '适用期已过' });
  });

  it('clearing the reason of a 废止 decision disables 保存决定', async () => {
    page([item(1, { decision: '废止', reason: '上位法已废止' })]);
    await waitFor(() => expect(reasonBox().value).toBe('上位法已废止'));
    fireEvent.change(reasonBox(), { target: { value: '' } });
    expect(await screen.findByText(/决定“废止”须填写理由/)).toBeTruthy();
    expect(saveDecision().disabled).toBe(true);
  });

  it('the opinion box shows the selected row\'s own opinion reason, free text too, and saves only that row\'s', async () => {
    const rows = [item(1, { opinion: '宣布失效', opinionReason: '适用期已过' }), item(2, { opinion: '废止', opinionReason: '已由2023年新办法代替，建议废止' }), item(3)];
    const { opinion } = page(rows);
    await waitFor(() => expect(opinionBox().value).toBe('适用期已过'));
    fireEvent.click(screen.getAllByTestId('review-row')[1]);
    await waitFor(() => expect(opinionBox().value).toBe('已由2023年新办法代替，建议废止'));
    fireEvent.click(screen.getAllByTestId('review-row')[2]);
    await waitFor(() => expect(opinionBox().value).toBe(''));
    fireEvent.click(screen.getAllByTestId('review-row')[1]);
    await waitFor(() => expect(opinionBox().value).toBe('已由2023年新办法代替，建议废止'));
    fireEvent.change(opinionBox(), { target: { value: '已由2023年新办法代替，建议废止。' } });
    fireEvent.click(screen.getByRole('button', { name: '保存意见' }));
    await waitFor(() => expect(opinion).toHaveBeenCalledTimes(1));
    expect(opinion.mock.calls[0][0]).toMatchObject({ documentId: 'd2', opinion: '废止', reason: '已由2023年新办法代替，建议废止。' });
  });

  it('saving the opinion keeps the decision reason being typed for the same row', async () => {
    let rows = [item(1, { opinion: '废止', opinionReason: '适用期已过' })];
    const opinion = vi.fn(async (req: Req<'cleanup:opinion'>) => {
      rows = [{ ...rows[0], opinion: req.opinion, opinionReason: req.reason ?? '' }];
      return rows[0];
    });
    page([], { 'cleanup:items': async () => ({ total: 1, rows }), 'cleanup:opinion': opinion as never });
    await waitFor(() => expect(opinionBox().value).toBe('适用期已过'));
    fireEvent.change(reasonBox(), { target: { value: '与上位法不一致' } });
    fireEvent.change(opinionBox(), { target: { value: '适用期已过，建议宣布失效' } });
    fireEvent.click(screen.getByRole('button', { name: '保存意见' }));
    await waitFor(() => expect(opinion).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByRole('button', { name: '保存意见' }) as HTMLButtonElement).disabled).toBe(true));
    expect(reasonBox().value).toBe('与上位法不一致');
    expect(opinionBox().value).toBe('适用期已过，建议宣布失效');
  });

  it('shows the status as of the cut-off date, with today\'s beside it when it differs', async () => {
    page([item(1, { statusAtCutoff: '现行有效', status: '已失效' })]);
    expect(await screen.findByText('截止日状态')).toBeTruthy();
    expect((await screen.findAllByTestId('status-today'))[0].textContent).toBe('今日：已失效');
  });
});
