import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Relation } from '../../../shared/domain/document';
import { renderWith } from '../test-utils';
import { detail, storedDocument } from '../test-fixtures';
import { DocumentPage } from './DocumentPage';
import { relationTarget } from './AddRelationModal';

const OLD = { id: 'd0', title: '招远市某办法', docNumber: '招政发〔2018〕27号' };

/** A library of two documents where d1 may abolish d0: the fake keeps relations and d0's status like the service. */
function library() {
  let relations: Relation[] = [];
  let nextId = 1;
  const add = vi.fn(async (req: { sourceId: string; type: Relation['type']; targetId?: string; targetDocNumber?: string; targetTitle?: string }) => {
    const known = req.targetId === OLD.id;
    const r: Relation = {
      id: nextId++,
      type: req.type,
      sourceId: req.sourceId,
      sourceTitle: storedDocument().title,
      sourceDocNumber: '招政发〔2022〕8号',
      targetId: known ? OLD.id : null,
      targetTitle: known ? OLD.title : (req.targetTitle ?? null),
      targetDocNumber: known ? OLD.docNumber : (req.targetDocNumber ?? null),
    };
    relations = [...relations, r];
    return r;
  });
  const remove = vi.fn(async ({ id }: { id: number }) => {
    relations = relations.filter((r) => r.id !== id);
    return { id };
  });
  const handlers = {
    'documents:get': async () =>
      detail({
        outgoing: relations,
        relatedStatuses: relations.some((r) => r.targetId === OLD.id) ? { d0: relations.some((r) => r.type === 'abolishes') ? '已废止' : '现行有效' } : {},
      }),
    'search:suggest': async ({ text }: { text: string }) => (OLD.title.includes(text) || OLD.docNumber.includes(text) ? [OLD] : []),
    'relations:add': add,
    'relations:remove': remove,
  };
  return { handlers, add, remove };
}

async function openAdd(type: string) {
  fireEvent.click(await screen.findByRole('button', { name: '添加关系' }));
  const dialog = await screen.findByRole('dialog', { name: '添加关系' });
  fireEvent.click(within(dialog).getByRole('radio', { name: type }));
  return dialog;
}

describe('添加、删除关系', () => {
  it('abolishes a library document picked by title: the row shows the target, now 已废止', async () => {
    const lib = library();
    renderWith(<DocumentPage id="d1" terms={[]} />, lib.handlers);
    const dialog = await openAdd('废止');
    const input = within(dialog).getByLabelText('目标文件');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '某办法' } });
    // The suggestion dropdown renders in a portal that happy-dom reports as hidden.
    fireEvent.click(await screen.findByRole('option', { name: /招远市某办法/, hidden: true }, { timeout: 3000 }));
    expect(within(dialog).getByTestId('relation-target-hint').textContent).toContain('将关联文件库中的《招远市某办法》');
    fireEvent.click(within(dialog).getByRole('button', { name: '添加' }));
    await waitFor(() => expect(lib.add).toHaveBeenCalledWith({ sourceId: 'd1', type: 'abolishes', targetId: 'd0' }));
    const row = await screen.findByTestId('relation-row');
    expect(within(row).getByText('废止')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '《招远市某办法》（招政发〔2018〕27号）' }).getAttribute('href')).toBe('#/documents/d0');
    expect(within(row).getByText('已废止')).toBeTruthy();
  });

  it('records a 文号 not in the library as an unresolved 未收录 reference', async () => {
    const lib = library();
    renderWith(<DocumentPage id="d1" terms={[]} />, lib.handlers);
    const dialog = await openAdd('引用');
    fireEvent.change(within(dialog).getByLabelText('目标文件'), { target: { value: '鲁司〔2020〕66号' } });
    expect(within(dialog).getByTestId('relation-target-hint').textContent).toContain('记为未收录');
    fireEvent.click(within(dialog).getByRole('button', { name: '添加' }));
    await waitFor(() => expect(lib.add).toHaveBeenCalledWith({ sourceId: 'd1', type: 'cites', targetDocNumber: '鲁司〔2020〕66号' }));
    const row = await screen.findByTestId('relation-row');
    expect(within(row).getByText('未收录')).toBeTruthy();
  });

  it('suggests, for a whole 文号 typed, only the document of that 文号 — not its neighbours', async () => {
    const lib = library();
    const NEAR = { id: 'd7', title: '招远市另一办法', docNumber: '招政发〔2018〕2号' };
    // the search answers with 文号 as printed (a space before 号), the typed one is compared normalised
    renderWith(<DocumentPage id="d1" terms={[]} />, { ...lib.handlers, 'search:suggest': async () => [NEAR, { ...OLD, docNumber: '招政发〔2018〕27 号' }] });
    const dialog = await openAdd('废止');
    const input = within(dialog).getByLabelText('目标文件');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '招政发〔2018〕27号' } });
    expect(await screen.findByRole('option', { name: /招远市某办法/, hidden: true }, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /招远市另一办法/, hidden: true })).toBeNull();
  });

  it('asks for the type and the target before calling the service, and shows its refusal in the dialog', async () => {
    const lib = library();
    lib.add.mockRejectedValueOnce(Object.assign(new Error('该关系已存在，或指向文件自身'), { code: 'CONFLICT' }));
    renderWith(<DocumentPage id="d1" terms={[]} />, lib.handlers);
    fireEvent.click(await screen.findByRole('button', { name: '添加关系' }));
    const dialog = await screen.findByRole('dialog', { name: '添加关系' });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加' }));
    expect(await within(dialog).findByText('请选择关系类型')).toBeTruthy();
    expect(within(dialog).getByText('请选择或填写目标文件')).toBeTruthy();
    expect(lib.add).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('radio', { name: '修改' }));
    fireEvent.change(within(dialog).getByLabelText('目标文件'), { target: { value: '某个标题' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加' }));
    expect(await within(dialog).findByText('该关系已存在，或指向文件自身')).toBeTruthy();
    expect(lib.add).toHaveBeenCalledWith({ sourceId: 'd1', type: 'amends', targetTitle: '某个标题' });
  });

  it('removes a relation only after confirming, and the status shown follows', async () => {
    const lib = library();
    await lib.add({ sourceId: 'd1', type: 'abolishes', targetId: 'd0' });
    renderWith(<DocumentPage id="d1" terms={[]} />, lib.handlers);
    expect(await screen.findByText('已废止')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '删除关系：废止《招远市某办法》（招政发〔2018〕27号）' }));
    const confirm = await screen.findByRole('dialog', { name: '删除关系' });
    expect(confirm.textContent).toContain('废止《招远市某办法》');
    fireEvent.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(lib.remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /^删除关系：/ }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: '删除关系' })).getByRole('button', { name: '删除关系' }));
    await waitFor(() => expect(lib.remove).toHaveBeenCalledWith({ id: 1 }));
    expect(await screen.findByText('没有记录与其他文件的关系。')).toBeTruthy();
  });

  it('the typed target becomes a 文号 when it parses, else a title without its 《》', () => {
    expect(relationTarget('招政发〔2018〕27号', null)).toEqual({ targetDocNumber: '招政发〔2018〕27号' });
    expect(relationTarget('《烟台市养犬管理条例》', null)).toEqual({ targetTitle: '烟台市养犬管理条例' });
    expect(relationTarget('  ', null)).toBeNull();
    expect(relationTarget('x', { id: 'd0', title: 't', docNumber: null })).toEqual({ targetId: 'd0' });
  });
});
