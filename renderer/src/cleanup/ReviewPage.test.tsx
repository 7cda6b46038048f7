import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import type { CampaignDetail, CampaignItem } from '../../../shared/contract/cleanup';
import { renderWith } from '../test-utils';
import { ReviewPage } from './ReviewPage';

const CAMPAIGN: CampaignDetail = {
  id: 'c1', name: '2021年行政规范性文件清理', basisDocNumber: '鲁司〔2020〕66号', basisTitle: '', cutoff: '2021-06-30',
  scope: { issuers: [], normativeOnly: true, statuses: ['现行有效'] }, state: 'reviewing', total: 2, decided: 0, createdAt: '2026-01-01', createdBy: '张三',
  noticeDocNumber: null, noticeDate: null, noticeDocumentId: null, publishedAt: null,
  byDecision: [{ decision: '未决定', count: 2 }], byIssuer: [{ issuer: '招远市人民政府', total: 2, decided: 0 }], scopeChanges: [], pendingAmendments: 0,
};
const item = (n: number, over: Partial<CampaignItem> = {}): CampaignItem => ({
  position: n, documentId: `d${n}`, title: `招远市人民政府关于第${n}项的通知`, docNumber: `招政发〔2019〕${n}号`, issuers: ['招远市人民政府'],
  dateSigned: '2019-01-01', validUntil: null, status: '现行有效', decision: null, reason: '', note: '', opinion: null, opinionReason: '',
  amendedBy: null, decidedBy: null, warnings: [], ...over,
});

describe('清理审查', () => {
  it('decides the current document with a number key and moves on; shows warnings', async () => {
    const decide = vi.fn(async (req: Req<'cleanup:decide'>) => ({ updated: req.documentIds.length, warnings: [] }));
    renderWith(<ReviewPage id="c1" />, {
      'cleanup:get': async () => CAMPAIGN,
      'cleanup:reasons': async () => ['上位法已废止'],
      'cleanup:items': async () => ({ total: 2, rows: [item(1), item(2, { decision: '继续有效', status: '已失效', warnings: ['该文件已失效，不能决定继续有效'] })] }),
      'cleanup:decide': decide as never,
    });
    expect(await screen.findByText('依据：鲁司〔2020〕66号', { exact: false })).toBeTruthy();
    await screen.findAllByText('招远市人民政府关于第1项的通知');
    fireEvent.keyDown(window, { key: '3' });
    await waitFor(() => expect(decide).toHaveBeenCalledTimes(1));
    expect(decide.mock.calls[0][0]).toMatchObject({ id: 'c1', documentIds: ['d1'], decision: '废止' });
    expect(await screen.findByText('该文件已失效，不能决定继续有效')).toBeTruthy();
  });
});
