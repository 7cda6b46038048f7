import { describe, expect, it } from 'vitest';
import { createSnippetPage, type SnippetDoc } from './snippets';

const doc: SnippetDoc = { id: 'd', title: '关于印发测试办法的通知', nTitle: '关于印发测试办法的通知' };

/** Snippets of one body for normalized terms, with what each highlight covers in the text shown. */
function snippets(paragraphs: string[], terms: string[]) {
  const body = JSON.stringify(paragraphs);
  const page = createSnippetPage((id) => (id === 'd' ? body : undefined), terms);
  const r = page(doc, true);
  return { ...r, marked: r.snippets.map((s, i) => r.ranges[i].map(([a, b]) => s.slice(a, b))) };
}

describe('snippets', () => {
  it('shows the text as written and highlights what matched, whatever form it has there', () => {
    const r = snippets(['本办法由县⼈民\n政府负责解释，见第①项。'], ['人民政府', '第1项']);
    expect(r.inBody).toBe(true);
    expect(r.snippets).toEqual(['本办法由县⼈民政府负责解释，见第①项。']);
    expect(r.marked).toEqual([['⼈民政府', '第①项']]);
  });

  it('finds a term inside a character that expands into several (the body is normalized then)', () => {
    const r = snippets(['一、总则', '依照第⑫条规定办理。'], ['12条']);
    expect(r.marked).toEqual([['⑫条']]);
  });

  it('finds a term across a paragraph break', () => {
    const r = snippets(['各镇街要加强养犬', '管理工作。'], ['养犬管理']);
    expect(r.marked.flat()).toEqual(['养犬管理']);
  });

  it('gives several snippets, also from far into a long body', () => {
    const filler = '为进一步规范行政规范性文件管理，提高制度建设质量，结合本地实际，制定本办法。'.repeat(40);
    const paragraphs = ['第一条 专项整治行动由县政府统一部署。', ...Array.from({ length: 12 }, () => filler), '第九条 专项整治行动所需经费列入预算。', filler, '第十条 专项整治行动自印发之日起施行。'];
    const r = snippets(paragraphs, ['专项整治行动']);
    expect(r.snippets.length).toBe(3);
    expect(r.marked).toEqual([['专项整治行动'], ['专项整治行动'], ['专项整治行动']]);
    expect(r.snippets[2]).toContain('自印发之日起施行');
    expect(r.snippets[2].startsWith('…')).toBe(true);
  });

  it('shows the title when the terms are not in the body', () => {
    const r = snippets(['正文没有那个词。'], ['测试办法']);
    expect(r.inBody).toBe(false);
    expect(r.snippets).toEqual(['关于印发测试办法的通知']);
    expect(r.marked).toEqual([['测试办法']]);
  });
});
