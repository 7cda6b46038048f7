import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWith } from '../test-utils';
import { detail, storedDocument } from '../test-fixtures';
import { DocumentPage } from './DocumentPage';

describe('文件页', () => {
  it('shows the service refusal of a 文号 that does not parse, and keeps the dialog open', async () => {
    const update = vi.fn(async () => {
      throw Object.assign(new Error('无法识别的文号“招政发2022”：应形如 招政发〔2022〕8号'), { code: 'INVALID_INPUT' });
    });
    renderWith(<DocumentPage id="d1" terms={[]} />, { 'documents:get': async () => detail(), 'documents:update': update });
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    const field = await screen.findByLabelText('文号');
    fireEvent.change(field, { target: { value: '招政发2022' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('无法识别的文号“招政发2022”：应形如 招政发〔2022〕8号')).toBeTruthy();
    // Only the changed field is sent.
    expect(update).toHaveBeenCalledWith({ id: 'd1', patch: { docNumber: '招政发2022' }, expectedUpdatedAt: storedDocument().updatedAt });
    expect(screen.getByLabelText('文号')).toBeTruthy();
  });

  it('refuses a malformed date before calling the service', async () => {
    const update = vi.fn();
    renderWith(<DocumentPage id="d1" terms={[]} />, { 'documents:get': async () => detail(), 'documents:update': update });
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    fireEvent.change(await screen.findByLabelText('有效期至'), { target: { value: '2025年2月30日' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('有效期至“2025年2月30日”不是有效的日期，请按 2022-02-07 或 2022年2月7日 的格式填写')).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
  });

  it('highlights clauses and search terms, and lists relations both ways with unresolved ones as 未收录', async () => {
    const d = detail({
      document: storedDocument({ body: ['本办法自印发之日起施行，有效期三年。', '《招远市某办法》同时废止。'] }),
      highlights: [{ paragraph: 0, start: 0, end: 11, kind: 'effective' }],
      outgoing: [
        { id: 1, type: 'abolishes', sourceId: 'd1', sourceTitle: 'x', sourceDocNumber: null, targetId: 'd0', targetTitle: '招远市某办法', targetDocNumber: '招政发〔2018〕27号' },
        { id: 2, type: 'cites', sourceId: 'd1', sourceTitle: 'x', sourceDocNumber: null, targetId: null, targetTitle: null, targetDocNumber: '鲁司〔2020〕66号' },
      ],
      incoming: [{ id: 3, type: 'amends', sourceId: 'd9', sourceTitle: '修改决定', sourceDocNumber: '招政发〔2023〕1号', targetId: 'd1', targetTitle: null, targetDocNumber: null }],
    });
    renderWith(<DocumentPage id="d1" terms={['有效期']} />, { 'documents:get': async () => d });
    const body = await screen.findByTestId('document-body');
    expect(body.querySelector('mark.nd-hl-effective')?.textContent).toBe('本办法自印发之日起施行');
    expect(body.querySelector('mark.nd-hl-term')?.textContent).toBe('有效期');
    expect(screen.getByRole('link', { name: '《招远市某办法》（招政发〔2018〕27号）' }).getAttribute('href')).toBe('#/documents/d0');
    expect(screen.getByText('（鲁司〔2020〕66号）')).toBeTruthy();
    expect(screen.getByText('未收录')).toBeTruthy();
    expect(screen.getByText('被修改')).toBeTruthy();
    expect(screen.getByRole('link', { name: '《修改决定》（招政发〔2023〕1号）' }).getAttribute('href')).toBe('#/documents/d9');
  });

  it('a document that cannot be found says so in Chinese', async () => {
    renderWith(<DocumentPage id="nope" terms={[]} />, {
      'documents:get': async () => {
        throw Object.assign(new Error('未找到文件 nope'), { code: 'NOT_FOUND' });
      },
    });
    expect(await screen.findByText('未找到文件 nope')).toBeTruthy();
  });
});

describe('导出', () => {
  it('exports through the service and shows substituted fonts and warnings', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const exp = vi.fn(async () => ({ fileName: 'a.pdf', mime: 'application/pdf', dataBase64: btoa('%PDF'), pages: 2, warnings: ['字符“𠀀”没有字形'] }));
    renderWith(<DocumentPage id="d1" terms={[]} />, {
      'documents:get': async () => detail(),
      'export:document': exp,
      'export:fonts': async () => [{ role: '正文', docxName: '仿宋_GB2312', pdfFont: 'LXGW WenKai', note: '仿宋以霞鹜文楷替代' }],
    });
    fireEvent.click(await screen.findByRole('button', { name: '导出 ▾' }));
    fireEvent.click(await screen.findByText('导出 PDF（公文格式）'));
    await waitFor(() => expect(exp).toHaveBeenCalledWith({ id: 'd1', format: 'pdf' }));
    expect(await screen.findByText('字符“𠀀”没有字形')).toBeTruthy();
    expect(await screen.findByText('仿宋以霞鹜文楷替代')).toBeTruthy();
  });

  it('shows what was corrected at import review, stored with the file, and nothing when there was none', async () => {
    const at = { fileName: '两件.txt', createdAt: '2026-11-22T04:00:00.000Z', createdBy: '王科长' };
    renderWith(<DocumentPage id="d1" terms={[]} />, {
      'documents:get': async () => detail(),
      'import:corrections': async ({ documentId }) =>
        documentId !== 'd1'
          ? []
          : [
              { kind: 'split', field: null, extractedValue: '《甲》（第1–20行）', correctedValue: '第1–11行；第12–20行', ...at },
              { kind: 'field', field: 'title', extractedValue: '印发乙方案', correctedValue: '关于印发乙方案的通知', ...at },
              { kind: 'field', field: 'validUntil', extractedValue: null, correctedValue: '2025-02-19', ...at },
            ],
    });
    const list = await screen.findByTestId('import-corrections');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '拆分：原识别为一件 《甲》（第1–20行），拆为两件（第1–11行；第12–20行）',
      '标题 由“印发乙方案”改为“关于印发乙方案的通知”',
      '有效期至 由（空）改为“2025-02-19”',
    ]);
    expect(screen.getByText('导入时人工更正')).toBeTruthy();
    expect(screen.getByText(/导入“两件.txt”时 王科长 于/)).toBeTruthy();
  });

  it('has no import corrections section for a document imported as extracted', async () => {
    const corrections = vi.fn(async () => []);
    renderWith(<DocumentPage id="d1" terms={[]} />, { 'documents:get': async () => detail(), 'import:corrections': corrections });
    expect(await screen.findByText('历史记录')).toBeTruthy();
    await waitFor(() => expect(corrections).toHaveBeenCalledWith({ documentId: 'd1' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.queryByText('导入时人工更正')).toBeNull();
  });

  it('a deleted document’s address says it is in the 回收站, with the way there', async () => {
    renderWith(<DocumentPage id="gone" terms={[]} />, {
      'documents:get': async () => {
        throw Object.assign(new Error('未找到文件 gone'), { code: 'NOT_FOUND' });
      },
      'trash:list': async () => [{ id: 'gone', kind: 'document', title: '删掉的办法', docNumber: '招政发〔2022〕8号', deletedAt: '2026-11-20T08:00:00.000Z', deletedBy: '王科长' }],
    });
    const alert = await screen.findByTestId('document-in-trash');
    expect(alert.textContent).toContain('此文件已删除，在回收站中');
    expect(alert.textContent).toContain('《删掉的办法》（招政发〔2022〕8号）');
    expect(screen.getByRole('link', { name: '打开回收站 →' }).getAttribute('href')).toBe('#/trash');
    expect(screen.queryByText('未找到文件 gone')).toBeNull();
  });

  it('“← 返回文件库” goes back to the library as it was left (filters and sort)', async () => {
    window.sessionStorage.setItem('normdesk.library.params', 'status=即将到期&sort=title&dir=asc');
    renderWith(<DocumentPage id="d1" terms={[]} />, { 'documents:get': async () => detail() });
    const back = await screen.findByRole('link', { name: '← 返回文件库' });
    expect(decodeURIComponent(back.getAttribute('href') ?? '')).toBe('#/library?status=即将到期&sort=title&dir=asc');
    window.sessionStorage.clear();
  });

  it('names the web page a document was imported from, with its address and 发布日期', async () => {
    renderWith(<DocumentPage id="d1" terms={[]} />, {
      'documents:get': async () => detail(),
      'import:source': async () => ({ name: '通知.html', importedAt: '2026-11-22T04:00:00.000Z', origin: { url: 'http://www.zhaoyuan.gov.cn/art/1.html', published: '2021-04-21' } }),
    });
    expect((await screen.findByTestId('import-source')).textContent).toBe('导入自网页“通知.html”，网址 http://www.zhaoyuan.gov.cn/art/1.html，发布日期 2021年4月21日。');
  });
});
