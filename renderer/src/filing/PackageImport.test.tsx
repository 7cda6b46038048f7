import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Req, Res } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { FilingDue } from './FilingDue';
import { PackageImport } from './PackageImport';

const preview: Res<'packages:preview'> = {
  info: {
    id: 'p1', kind: 'library', label: '文件库数据包（全部文件库）', createdAt: '2026-11-20T08:00:00Z',
    sender: { name: '招远市人民政府办公室', fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111' },
    knownSender: false, senderKeyChanged: false,
    counts: { documents: 2, relations: 0, campaigns: 0, issues: 0, sources: 0, corrections: 0, audit: 2, files: 0, filings: 0 },
    parts: 5, bytes: 1000,
  },
  alreadyImported: null,
  documents: {
    new: [{ remoteId: 'r2', title: '关于乙的通知', docNumber: '招政发〔2026〕2号', dateSigned: '2026-10-02' }],
    present: [],
    conflicts: [{
      remoteId: 'r1', localId: 'l1', title: '关于甲的通知', docNumber: '招政发〔2026〕1号', dateSigned: '2026-10-01',
      fields: [{ field: 'validUntil', label: '有效期至', mine: '2029-05-31', theirs: '2031-05-31' }], bothEdited: true, suggested: 'mine',
    }],
  },
  campaigns: { new: [], present: [] },
  issues: { new: [], present: [] },
  filing: [],
};

describe('PackageImport', () => {
  it('shows the sender and the conflict side by side, and imports with the choice made per conflict', async () => {
    const imported: Array<Req<'packages:import'>> = [];
    renderWith(<PackageImport />, {
      'packages:preview': async () => preview,
      'packages:import': async (req) => {
        imported.push(req);
        return { packageId: 'p1', sender: '招远市人民政府办公室', changed: true, created: 1, replaced: 1, keptMine: 0, copies: 0, unchanged: 0, relations: 0, campaigns: 0, issues: 0, filing: [] };
      },
    });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([80, 75, 5, 6])], '招远.ndpkg')] } });
    await screen.findByText(/首次收到，请核对指纹/);
    expect(screen.getByText('2029-05-31')).toBeTruthy();
    expect(screen.getByText('2031-05-31')).toBeTruthy();
    expect(screen.getByText('双方均有修改')).toBeTruthy();
    fireEvent.click(screen.getByText('采用对方'));
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    await screen.findByText('已导入“招远市人民政府办公室”的数据包');
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ fileName: '招远.ndpkg', dataBase64: 'UEsFBg==', choices: { r1: 'theirs' } });
  });
});

describe('FilingDue', () => {
  it('lists overdue and due filings with this year’s rates on the start page', async () => {
    const row = (title: string, due: string, daysLeft: number) => ({
      documentId: title, title, docNumber: null, issuers: [], published: '2026-10-01', due, daysLeft, state: 'unfiled' as const, stateLabel: '未报备',
      decision: null, round: 0, firstSentOn: null, onTime: null, registrationNumber: null, correctionDue: null, answerNote: '', receiver: null, materials: [],
    });
    renderWith(<FilingDue />, {
      'filing:list': async ({ show }) => (show === 'overdue' ? [row('关于甲的通知', '2026-10-31', -5)] : [row('关于乙的通知', '2026-11-19', 14)]),
      'filing:stats': async ({ from, to }) => ({ from, to, expected: 3, filed: 1, onTime: 1, filingRate: 33.3, timelyRate: 33.3 }),
    });
    await screen.findByText('已逾期 1 件');
    expect(screen.getByText('待报备 1 件')).toBeTruthy();
    expect(screen.getByText(/报备率 33.3% · 报备及时率 33.3%/)).toBeTruthy();
    expect(screen.getByText(/《关于甲的通知》：期限 2026-10-31，已逾期 5 天/)).toBeTruthy();
  });
});
