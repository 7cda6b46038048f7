import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/documents';
import { renderWith } from '../test-utils';
import { History } from './History';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-11-20T02:00:00.000Z',
  actor: '张三',
  action: 'document.update',
  entity: 'document',
  entityId: 'd1',
  before: null,
  after: null,
  ...over,
});

describe('历史记录', () => {
  it('shows each changed field by its Chinese name with the value before and after', () => {
    renderWith(
      <History
        entries={[
          entry({
            before: { dateSigned: '2022-02-07', validUntil: null, issuers: ['招远市人民政府'], isNormative: true, docNumber: { normalized: '招政发〔2022〕8号' }, body: ['a', 'b'] },
            after: { dateSigned: '2022-03-01', validUntil: '2025-02-28', issuers: ['招远市人民政府', '招远市司法局'], isNormative: false, docNumber: null, body: ['a', 'b', 'c'] },
          }),
        ]}
      />,
      {},
    );
    const lines = [...screen.getByTestId('history-changes').children].map((c) => c.textContent);
    expect(lines).toEqual([
      '文号：招政发〔2022〕8号 → （空）',
      '发文机关：招远市人民政府 → 招远市人民政府、招远市司法局',
      '成文日期：2022年2月7日 → 2022年3月1日',
      '是否规范性文件：是 → 否',
      '有效期至：（空） → 2025年2月28日',
      '正文：2 段 → 3 段',
    ]);
  });

  it('names the related document of a relation entry, linking it when it is in the library', () => {
    renderWith(
      <History
        entries={[
          entry({
            id: 2,
            action: 'relation.create',
            entity: 'relation',
            entityId: '7',
            after: { type: 'abolishes', sourceId: 'd9', targetId: 'd1' },
            related: { direction: 'in', type: 'abolishes', id: 'd9', title: '关于废止部分文件的决定', docNumber: '招政发〔2023〕1号' },
          }),
          entry({
            id: 3,
            at: '2026-11-21T02:00:00.000Z',
            action: 'relation.delete',
            entity: 'relation',
            entityId: '8',
            before: { type: 'cites', sourceId: 'd1', targetId: null },
            related: { direction: 'out', type: 'cites', id: null, title: null, docNumber: '鲁司〔2020〕66号' },
          }),
        ]}
      />,
      {},
    );
    const [newest, oldest] = screen.getAllByTestId('history-relation');
    expect(newest.textContent).toBe('关系：本文件引用（鲁司〔2020〕66号）（未收录）');
    expect(oldest.textContent).toBe('关系：本文件被《关于废止部分文件的决定》（招政发〔2023〕1号）废止');
    expect(screen.getByRole('link', { name: '《关于废止部分文件的决定》（招政发〔2023〕1号）' }).getAttribute('href')).toBe('#/documents/d9');
    expect(screen.getByText('删除文件关系')).toBeTruthy();
  });
});
