import { describe, expect, it } from 'vitest';
import { moved, sectionsOf } from './IssueContents';

const e = (documentId: string, section: string, position: number) => ({ documentId, section, position, title: documentId, page: null, docNumber: null });
const entries = [e('a', '【市政府文件】', 1), e('b', '【市政府文件】', 2), e('c', '【部门文件】', 3)];

describe('dragging in the contents', () => {
  it("dropping on a document puts the dragged one before it, in that document's section", () => {
    expect(moved(entries, 'c', '【市政府文件】', 'a')).toEqual([
      { documentId: 'c', section: '【市政府文件】' },
      { documentId: 'a', section: '【市政府文件】' },
      { documentId: 'b', section: '【市政府文件】' },
    ]);
  });

  it('dropping on a section heading puts it at the end of that section, or at the end for an empty one', () => {
    expect(moved(entries, 'a', '【部门文件】', null).map((o) => `${o.documentId}${o.section}`)).toEqual(['b【市政府文件】', 'c【部门文件】', 'a【部门文件】']);
    expect(moved(entries, 'c', '【人事任免】', null).at(-1)).toEqual({ documentId: 'c', section: '【人事任免】' });
  });

  it('shows the sections in use in print order, then the unused presets as drop targets', () => {
    expect(sectionsOf(entries, ['【人事任免】', '【部门文件】', '【市政府文件】'])).toEqual(['【市政府文件】', '【部门文件】', '【人事任免】']);
  });
});
