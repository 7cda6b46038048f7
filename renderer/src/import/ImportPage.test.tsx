import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import { renderWith } from '../test-utils';
import { parsedFile, reviewDoc } from '../test-fixtures';
import { ImportPage } from './ImportPage';

function pick(files: File[]) {
  const input = screen.getByLabelText('选择要导入的文件') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  fireEvent.change(input);
}

describe('导入', () => {
  it('reviews the parsed documents, drops one, and commits only the kept ones', async () => {
    const parse = vi.fn(async (req: Req<'import:parse'>) => [
      parsedFile({
        name: req.files[0].name,
        gazette: { title: '招远市人民政府公报', issueNumber: 1, totalNumber: null, year: 2022, publishDate: '2022-03-01', toc: [] },
        documents: [
          reviewDoc({ title: '文件甲', reviewWarnings: [{ kind: 'no-validity', message: '未写明有效期' }] }),
          reviewDoc({ title: '文件乙' }),
          reviewDoc({ title: '文件丙' }),
        ],
      }),
    ]);
    const commit = vi.fn(async (_req: Req<'import:commit'>) => ({
      created: [{ id: '1', title: '文件甲', docNumber: null }],
      skipped: [{ id: '3', title: '文件丙', docNumber: '招政发〔2018〕27号' }],
      gazettes: [{ id: 'g', title: '招远市人民政府公报' }],
      resolvedRelations: 1,
    }));
    renderWith(<ImportPage />, { 'import:parse': parse as never, 'import:commit': commit as never });
    pick([new File(['招远市人民政府公报'], '001.txt', { type: 'text/plain' })]);

    expect(await screen.findByText('文件乙')).toBeTruthy();
    expect(parse.mock.calls[0][0].files[0]).toEqual({ name: '001.txt', dataBase64: btoa(unescape(encodeURIComponent('招远市人民政府公报'))) });
    expect(screen.getByText(/招远市人民政府公报 2022年第1期/)).toBeTruthy();
    expect(screen.getByText('未写明有效期')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('保留 文件乙'));
    fireEvent.click(screen.getByRole('button', { name: '保存 2 件' }));
    await waitFor(() => expect(commit).toHaveBeenCalledTimes(1));
    const sent = commit.mock.calls[0][0].files[0];
    expect(sent.documents.map((d) => d.title)).toEqual(['文件甲', '文件丙']);
    expect(sent.documents[0]).not.toHaveProperty('reviewWarnings');
    expect(sent.gazette?.title).toBe('招远市人民政府公报');
    expect(await screen.findByText(/新增 1 件，1 件已存在未重复保存/)).toBeTruthy();
  });

  it('refuses a file over 10 MB and an unsupported type before sending anything, and shows service errors', async () => {
    const parse = vi.fn(async (req: Req<'import:parse'>) => [parsedFile({ name: req.files[0].name, error: '这不是有效的 PDF 文件' })]);
    renderWith(<ImportPage />, { 'import:parse': parse as never });
    const big = new File(['x'], 'big.txt');
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    pick([big, new File(['x'], 'photo.jpg'), new File(['x'], 'fake.pdf')]);
    expect(await screen.findByText(/文件过大（11.0 MB）：单个文件不能超过 10 MB/)).toBeTruthy();
    expect(screen.getByText(/不支持的文件类型“.jpg”/)).toBeTruthy();
    expect(await screen.findByText('这不是有效的 PDF 文件')).toBeTruthy();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /^保存/ })?.hasAttribute('disabled') ?? true).toBe(true);
  });

  it('says when a file was imported before', async () => {
    renderWith(<ImportPage />, {
      'import:parse': async () => [parsedFile({ alreadyImported: true, documents: [reviewDoc()] })],
    });
    pick([new File(['x'], 'a.txt')]);
    expect(await screen.findByText('此文件已导入过')).toBeTruthy();
  });

  it('an edited 文号 that does not parse cannot be confirmed', async () => {
    renderWith(<ImportPage />, { 'import:parse': async () => [parsedFile({ documents: [reviewDoc({ title: '文件甲' })] })] });
    pick([new File(['x'], 'a.txt')]);
    fireEvent.click(await screen.findByRole('button', { name: '修改' }));
    fireEvent.change(await screen.findByLabelText('文号'), { target: { value: '没有年份的文号' } });
    expect(await screen.findByText('无法识别的文号，应形如“招政发〔2022〕8号”')).toBeTruthy();
    expect((screen.getByRole('button', { name: '确定' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
