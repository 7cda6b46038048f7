import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Req } from '../../../shared/contract';
import { MAX_COMMIT_REQUEST_FILES, MAX_PARSE_REQUEST_FILES } from '../../../shared/contract/import';
import { renderWith } from '../test-utils';
import { parsedFile, reviewDoc } from '../test-fixtures';
import { ImportPage } from './ImportPage';

/** one chunk saved, the rest (a whole number of parse requests) left when the person stops */
const REST = MAX_PARSE_REQUEST_FILES;
const TOTAL = MAX_COMMIT_REQUEST_FILES + REST;

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
      flagged: [],
      refused: [],
    }));
    renderWith(<ImportPage />, { 'import:parse': parse as never, 'import:commit': commit as never });
    pick([new File(['招远市人民政府公报'], '001.txt', { type: 'text/plain' })]);

    expect(await screen.findByText('文件乙')).toBeTruthy();
    expect(parse.mock.calls[0][0].files[0]).toEqual({ name: '001.txt', dataBase64: btoa(unescape(encodeURIComponent('招远市人民政府公报'))) });
    expect(screen.getByText(/招远市人民政府公报 2022年第1期/)).toBeTruthy();
    expect(screen.getByText('未写明有效期')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('保留 文件乙'));
    // Correct the title of 文件丙 in the drawer.
    fireEvent.click(screen.getAllByRole('button', { name: '修改' })[2]);
    fireEvent.change(await screen.findByLabelText('标题'), { target: { value: '文件丙（更正）' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    fireEvent.click(screen.getByRole('button', { name: '保存 2 件（跳过 1 件）' }));
    await waitFor(() => expect(commit).toHaveBeenCalledTimes(1));
    const sent = commit.mock.calls[0][0].files[0];
    // The staged parse by id, the kept documents by index with their reviewed metadata: never a body or a hash.
    expect(sent.stagedId).toBe('staged-001.txt');
    // Only what the person changed travels: the service keeps the rest as it extracted it.
    expect(sent.documents).toEqual([{ index: 0 }, { index: 2, title: '文件丙（更正）' }]);
    expect(sent.documents[0]).not.toHaveProperty('body');
    expect(sent.documents[0]).not.toHaveProperty('reviewWarnings');
    expect(sent).not.toHaveProperty('sha256');
    expect(sent.gazette?.title).toBe('招远市人民政府公报');
    expect(await screen.findByText(/新增 1 件，1 件已存在未重复保存/)).toBeTruthy();
  });

  it('refuses a file over 10 MB and an unsupported type before sending anything, and shows service errors', async () => {
    const parse = vi.fn(async (req: Req<'import:parse'>) => [parsedFile({ name: req.files[0].name, error: '这不是有效的 PDF 文件' })]);
    renderWith(<ImportPage />, { 'import:parse': parse as never });
    const big = new File(['x'], 'big.txt');
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    pick([big, new File(['x'], 'photo.bmp'), new File(['x'], 'fake.pdf')]);
    expect(await screen.findByText(/文件过大（11.0 MB）：单个文件不能超过 10 MB/)).toBeTruthy();
    expect(screen.getByText(/不支持的文件类型“.bmp”/)).toBeTruthy();
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

  it('says before anything is sent how large a file may be', () => {
    renderWith(<ImportPage />, {});
    expect(screen.getByText(/单个文件不超过 10 MB/)).toBeTruthy();
  });

  it('shows an encoding note, and names refused and flagged documents in the summary', async () => {
    const commit = vi.fn(async () => ({
      created: [{ id: '1', title: '文件甲', docNumber: null }],
      skipped: [],
      gazettes: [],
      resolvedRelations: 0,
      flagged: [{ id: '1', title: '文件甲', docNumber: null, reason: '有效期截止日期（2021-01-01）早于施行日期（2022-05-01），按原文保存，请核对。' }],
      refused: [{ file: 'a.txt', title: '文件乙', reason: '文件“a.txt”第2件《文件乙》：文号“乱写”无法识别：缺少四位年份。' }],
    }));
    renderWith(<ImportPage />, {
      'import:parse': async () => [
        parsedFile({ name: 'a.txt', encoding: 'big5', encodingNote: '按 GB18030 读取是乱码，文件编码应为 Big5（繁体中文），已按此编码读取，请核对。', documents: [reviewDoc({ title: '文件甲' }), reviewDoc({ title: '文件乙' })] }),
      ],
      'import:commit': commit as never,
    });
    pick([new File(['x'], 'a.txt')]);
    expect(await screen.findByText(/文件编码应为 Big5（繁体中文）/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存 2 件' }));
    expect(await screen.findByText(/1 项未保存（其余已保存）/)).toBeTruthy();
    expect(screen.getByText(/文号“乱写”无法识别/)).toBeTruthy();
    expect(screen.getByText(/早于施行日期（2022-05-01），按原文保存/)).toBeTruthy();
  });

  it(`reads ${TOTAL} files in requests of at most ${MAX_PARSE_REQUEST_FILES} and saves them in chunks of ${MAX_COMMIT_REQUEST_FILES}; stopping keeps saved chunks and lists the rest`, async () => {
    const parse = vi.fn(async (req: Req<'import:parse'>) =>
      req.files.map((f) => parsedFile({ name: f.name, documents: [reviewDoc({ title: `标题${f.name}` })] })),
    );
    let release: () => void = () => {};
    const commit = vi.fn(async (req: Req<'import:commit'>) => {
      await new Promise<void>((r) => (release = r));
      return {
        created: req.files.map((f, i) => ({ id: `${f.stagedId}-${i}`, title: f.stagedId, docNumber: null })),
        skipped: [],
        gazettes: [],
        resolvedRelations: 0,
        flagged: [],
        refused: [],
      };
    });
    renderWith(<ImportPage />, { 'import:parse': parse as never, 'import:commit': commit as never });
    pick(Array.from({ length: TOTAL }, (_, i) => new File(['x'], `${String(i).padStart(3, '0')}.txt`)));
    expect(await screen.findByRole('button', { name: `保存 ${TOTAL} 件` })).toBeTruthy();
    expect(parse.mock.calls.map((c) => c[0].files.length)).toEqual(Array(TOTAL / MAX_PARSE_REQUEST_FILES).fill(MAX_PARSE_REQUEST_FILES));

    fireEvent.click(screen.getByRole('button', { name: `保存 ${TOTAL} 件` }));
    await waitFor(() => expect(commit).toHaveBeenCalledTimes(1));
    expect(commit.mock.calls[0][0].files).toHaveLength(MAX_COMMIT_REQUEST_FILES);
    fireEvent.click(screen.getByRole('button', { name: '停止' }));
    release();
    expect(await screen.findByText(`已停止保存：已保存 1 批（${MAX_COMMIT_REQUEST_FILES} 件），其余 ${REST} 个文件未保存`, { exact: false })).toBeTruthy();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(screen.getByText(`新增 ${MAX_COMMIT_REQUEST_FILES} 件`, { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: `保存 ${REST} 件` })).toBeTruthy();
  });

  it('splits a document at the line a person picks in its text, and saves both parts by their new indices', async () => {
    const lines = ['招远市人民政府', '关于甲的通知', '正文甲。', '招远市人民政府办公室', '乙方案', '正文乙。'].map((text, i) => ({ line: 11 + i, text }));
    const split = vi.fn(async (req: Req<'import:split'>) => ({
      stagedId: req.stagedId,
      documents: [reviewDoc({ title: '招远市人民政府关于甲的通知', lineStart: 11, lineEnd: 13 }), reviewDoc({ title: '乙方案', lineStart: 14, lineEnd: 16 }), reviewDoc({ title: '文件丙' })],
    }));
    const commit = vi.fn(async (_req: Req<'import:commit'>) => ({ created: [], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] }));
    renderWith(<ImportPage />, {
      'import:parse': async () => [parsedFile({ name: 'a.txt', documents: [reviewDoc({ title: '招远市人民政府关于甲的通知' }), reviewDoc({ title: '文件丙' })] })],
      'import:lines': async () => ({ lines }),
      'import:split': split as never,
      'import:commit': commit as never,
    });
    pick([new File(['x'], 'a.txt')]);
    fireEvent.click(await screen.findByRole('button', { name: '拆分 招远市人民政府关于甲的通知' }));
    // The first line cannot start a second document; the line picked shows where the second one begins.
    expect(((await screen.findByLabelText('自第 11 行起拆分：招远市人民政府')) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '拆分为两件' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByText('招远市人民政府办公室'));
    expect(screen.getByText('以下为第二件')).toBeTruthy();
    expect(screen.getByText(/第一件：第 11–13 行（3 行）；第二件：第 14–16 行（3 行）/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '拆分为两件' }));

    await waitFor(() => expect(split).toHaveBeenCalledWith({ stagedId: 'staged-a.txt', index: 0, at: 3 }));
    expect(await screen.findByText('乙方案')).toBeTruthy();
    expect(screen.getAllByTestId('review-row').map((r) => r.textContent?.includes('拆分所得'))).toEqual([true, true, false]);
    fireEvent.click(screen.getByRole('button', { name: '保存 3 件' }));
    await waitFor(() => expect(commit).toHaveBeenCalledTimes(1));
    expect(commit.mock.calls[0][0].files[0].documents).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
  });

  it('merges a document with the next, keeping the title the person corrected', async () => {
    const merge = vi.fn(async (req: Req<'import:merge'>) => ({ stagedId: req.stagedId, documents: [reviewDoc({ title: '文件甲' }), reviewDoc({ title: '文件丙' })] }));
    const commit = vi.fn(async (_req: Req<'import:commit'>) => ({ created: [], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] }));
    renderWith(<ImportPage />, {
      'import:parse': async () => [parsedFile({ documents: [reviewDoc({ title: '文件甲' }), reviewDoc({ title: '附件乙' }), reviewDoc({ title: '文件丙' })] })],
      'import:merge': merge as never,
      'import:commit': commit as never,
    });
    pick([new File(['x'], 'a.txt')]);
    // The last document has nothing to merge with.
    expect(await screen.findByRole('button', { name: '与下一件合并 附件乙' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '与下一件合并 文件丙' })).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: '修改' })[0]);
    fireEvent.change(await screen.findByLabelText('标题'), { target: { value: '文件甲（更正）' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    fireEvent.click(await screen.findByRole('button', { name: '与下一件合并 文件甲（更正）' }));

    await waitFor(() => expect(merge).toHaveBeenCalledWith({ stagedId: 'staged-gazette.txt', index: 0 }));
    await waitFor(() => expect(screen.getAllByTestId('review-row')).toHaveLength(2));
    expect(screen.queryByText('附件乙')).toBeNull();
    expect(screen.getByText('合并所得，请核对')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存 2 件' }));
    await waitFor(() => expect(commit).toHaveBeenCalledTimes(1));
    expect(commit.mock.calls[0][0].files[0].documents).toEqual([{ index: 0, title: '文件甲（更正）' }, { index: 1 }]);
  });

  it('says why a merge was refused', async () => {
    renderWith(<ImportPage />, {
      'import:parse': async () => [parsedFile({ documents: [reviewDoc({ title: '文件甲' }), reviewDoc({ title: '文件乙' })] })],
      'import:merge': async () => {
        throw Object.assign(new Error('这两件文件都没有文字，无法合并。'), { code: 'INVALID_INPUT' });
      },
    });
    pick([new File(['x'], 'a.txt')]);
    fireEvent.click(await screen.findByRole('button', { name: '与下一件合并 文件甲' }));
    expect(await screen.findByText('这两件文件都没有文字，无法合并。')).toBeTruthy();
    expect(screen.getAllByTestId('review-row')).toHaveLength(2);
  });

  it('an untitled document blocks the save until it is completed or skipped; filling in the 文号 clears its warning', async () => {
    const parse = vi.fn(async (req: Req<'import:parse'>) => [
      parsedFile({
        name: req.files[0].name,
        documents: [
          reviewDoc({ title: '文件甲', docNumber: null, reviewWarnings: [{ kind: 'no-doc-number', message: '未识别出文号，请核对或补填。' }] }),
          reviewDoc({ title: '', reviewWarnings: [{ kind: 'no-title', message: '未识别出标题：请补填标题，或取消“保留”跳过此件。' }] }),
          reviewDoc({ title: '', reviewWarnings: [{ kind: 'no-title', message: '未识别出标题：请补填标题，或取消“保留”跳过此件。' }] }),
        ],
      }),
    ]);
    const commit = vi.fn(async (_req: Req<'import:commit'>) => ({ created: [], skipped: [], gazettes: [], resolvedRelations: 0, flagged: [], refused: [] }));
    renderWith(<ImportPage />, { 'import:parse': parse as never, 'import:commit': commit as never });
    pick([new File(['x'], 'x.txt', { type: 'text/plain' })]);

    const save = await screen.findByTestId('save-import');
    expect(save.textContent).toBe('保存 1 件（2 件缺标题待补填）');
    expect(save.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('incomplete-note').textContent).toContain('2 件没有标题');

    // 文号 filled in: 未识别出文号 goes
    expect(screen.getByText('未识别出文号，请核对或补填。')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '修改' })[0]);
    fireEvent.change(await screen.findByLabelText('文号'), { target: { value: '招政发〔2022〕8号' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(screen.queryByText('未识别出文号，请核对或补填。')).toBeNull());

    // one completed (its title typed), the other skipped explicitly
    fireEvent.click(screen.getAllByRole('button', { name: '补填标题' })[0]);
    fireEvent.change(await screen.findByLabelText('标题'), { target: { value: '补填的标题' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(save.textContent).toBe('保存 2 件（1 件缺标题待补填）'));
    fireEvent.click(screen.getByRole('button', { name: '跳过没有标题的 1 件' }));
    await waitFor(() => expect(save.textContent).toBe('保存 2 件（跳过 1 件）'));
    expect(save.hasAttribute('disabled')).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(commit).toHaveBeenCalledTimes(1));
    expect(commit.mock.calls[0][0].files[0].documents).toEqual([{ index: 0, docNumber: '招政发〔2022〕8号' }, { index: 1, title: '补填的标题' }]);
  });
});

describe('导入 folders and archives', () => {
  it('reads every supported file of a .zip (GBK names too) and lists what it skipped and why', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const gbkName = new Uint8Array([0xcd, 0xa8, 0xd6, 0xaa, 0x2e, 0x74, 0x78, 0x74]); // 通知.txt in GBK
    const zip = zipSync({ 'a/关于印发的通知.txt': strToU8('关于印发的通知'), 'a/照片.bmp': new Uint8Array([1, 2, 3]), '内层.zip': new Uint8Array([0x50, 0x4b]) });
    // rename one entry to raw GBK bytes (no UTF-8 flag), as Chinese Windows zip tools write names
    const withGbk = gbkZip(gbkName, strToU8('第二份通知'));
    const parse = vi.fn(async (req: Req<'import:parse'>) => req.files.map((f) => parsedFile({ name: f.name, documents: [reviewDoc({ title: atob(f.dataBase64).length ? f.name : '空' })] })));
    renderWith(<ImportPage />, { 'import:parse': parse as never });
    pick([new File([zip], '档案.zip'), new File([withGbk], '旧档案.zip')]);
    await waitFor(() => expect(parse).toHaveBeenCalled());
    const sent = parse.mock.calls.flatMap((c) => c[0].files.map((f) => f.name));
    expect(sent).toEqual(['档案.zip/a/关于印发的通知.txt', '旧档案.zip/通知.txt']);
    expect(await screen.findByText(/已跳过：不支持的文件类型/)).toBeTruthy();
    expect(screen.getByText(/已跳过：压缩包中的压缩包不展开/)).toBeTruthy();
  });

  it('reads the files of a chosen folder, named by their path in it', async () => {
    const parse = vi.fn(async (req: Req<'import:parse'>) => req.files.map((f) => parsedFile({ name: f.name, documents: [reviewDoc()] })));
    renderWith(<ImportPage />, { 'import:parse': parse as never });
    const inFolder = (name: string, path: string) => Object.defineProperty(new File(['关于印发的通知'], name), 'webkitRelativePath', { value: path });
    const input = screen.getByLabelText('选择要导入的文件夹') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [inFolder('a.doc', '档案/2015/a.doc'), inFolder('.DS_Store', '档案/.DS_Store')] });
    fireEvent.change(input);
    await waitFor(() => expect(parse).toHaveBeenCalled());
    expect(parse.mock.calls[0][0].files.map((f) => f.name)).toEqual(['档案/2015/a.doc']);
  });
});

describe('导入 dropped folders', () => {
  it('walks a dropped folder (entries read in batches) and names each file by its path', async () => {
    const parse = vi.fn(async (req: Req<'import:parse'>) => req.files.map((f) => parsedFile({ name: f.name, documents: [reviewDoc()] })));
    renderWith(<ImportPage />, { 'import:parse': parse as never });
    const file = (name: string, fullPath: string) => ({ isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(new File(['关于印发的通知'], name)) });
    const dir = (name: string, fullPath: string, children: object[]) => {
      let given = false;
      // like Chromium: the entries in one batch, then an empty batch
      const reader = { readEntries: (ok: (e: object[]) => void) => ok(given ? [] : ((given = true), children)) };
      return { isFile: false, isDirectory: true, name, fullPath, createReader: () => reader };
    };
    const folder = dir('档案', '/档案', [file('b.doc', '/档案/b.doc'), dir('2015', '/档案/2015', [file('a.rtf', '/档案/2015/a.rtf')]), file('.hidden.doc', '/档案/.hidden.doc')]);
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [], items: [{ kind: 'file', webkitGetAsEntry: () => folder }] } });
    await waitFor(() => expect(parse).toHaveBeenCalled());
    expect(parse.mock.calls[0][0].files.map((f) => f.name)).toEqual(['档案/2015/a.rtf', '档案/b.doc']);
  });
});

/** A zip with one stored entry whose name is raw GBK bytes (no UTF-8 flag). */
function gbkZip(name: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const crc = (() => {
    let c = ~0;
    for (const b of data) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  })();
  const local = new Uint8Array(30 + name.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(data, 30 + name.length);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(6, 20, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, name.length, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + central.length + end.length);
  out.set(local, 0);
  out.set(central, local.length);
  out.set(end, local.length + central.length);
  return out;
}
