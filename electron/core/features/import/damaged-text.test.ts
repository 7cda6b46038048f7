import { describe, expect, it } from 'vitest';
import type { ParsedDocument, ParseResult } from '../../../../shared/domain/parse-result';
import { BY, parsedDoc, testLibrary } from '../../test-support/fixtures';
import { createImportService, type ImportOptions } from './import-service';
import { readImportFile } from './readers';

// Issue 26 item 6: control characters never reach a stored field; text with U+FFFD is flagged for review.

const extract: ImportOptions['extract'] = async (name, bytes) => {
  const documents = JSON.parse(Buffer.from(bytes).toString('utf8')) as ParsedDocument[];
  const result: ParseResult = { file: name, encoding: 'utf-8', gazette: null, documents, warnings: [] };
  return { encoding: 'utf-8', note: null, text: '', result };
};
const upload = (name: string, docs: ParsedDocument[]) => ({ name, dataBase64: Buffer.from(JSON.stringify(docs)).toString('base64') });

function setup() {
  const lib = testLibrary();
  return { lib, imports: createImportService(lib.ctx, lib, { extract }) };
}

describe('control characters', () => {
  it('are taken out of a text file as read (NUL, \\x01…, ESC, bidi overrides), tabs and line breaks stay', async () => {
    const text = '\u0001\u0002招远市人民政府关于印发\u0003\u0004某办法的通知\n招政发〔2022〕8号\u0000\n\u001b]0;标题\u0007\u202e正文\t第一条\r\n';
    const r = await readImportFile('控制字符.txt', new TextEncoder().encode(text + '各镇人民政府、街道办事处：本办法自印发之日起施行。'.repeat(10)));
    expect(r.text.startsWith('招远市人民政府关于印发某办法的通知\n招政发〔2022〕8号\n]0;标题正文\t第一条\r\n')).toBe(true);
  });

  it('typed at review are not stored in a title, 文号, issuer or body', async () => {
    const { lib, imports } = setup();
    const doc = parsedDoc({ title: '关于印发甲办法的通知', docNumber: '招政发〔2022〕1号', dateSigned: '2022-01-05', body: ['第一条\u0000 内容'] });
    const [parsed] = await imports.parse([upload('a.txt', [doc])]);
    const summary = imports.commit(BY, [
      { stagedId: parsed.stagedId!, gazette: null, documents: [{ index: 0, title: '\u0001\u0002关于印发甲办法的通知\u001b[2J', docNumber: '招政发〔2022〕1号\u0000', issuers: ['招远市\u0007人民政府'] }] },
    ]);
    expect(summary.refused).toEqual([]);
    const row = lib.ctx.db.prepare('SELECT title, doc_number, issuers, body FROM documents').get() as Record<string, string>;
    expect(row.title).toBe('关于印发甲办法的通知[2J');
    expect(row.doc_number).toBe('招政发〔2022〕1号');
    expect(JSON.parse(row.issuers)).toEqual(['招远市人民政府']);
    expect(JSON.parse(row.body)).toEqual(['第一条 内容']);
  });
});

describe('text with replacement characters (U+FFFD)', () => {
  it('is warned about at review, stored flagged, shown with the document, and the flag goes once an edit fixes the text', async () => {
    const { lib, imports } = setup();
    const doc = parsedDoc({ title: '关于印发乙办法的通知', docNumber: '招政发〔2022〕2号', dateSigned: '2022-01-05', body: ['第一条 \ufffd\ufffd内容', '第二条 正常'] });
    const [parsed] = await imports.parse([upload('b.txt', [doc])]);
    expect(parsed.documents[0].reviewWarnings).toContainEqual({ kind: 'damaged-text', message: expect.stringMatching(/文字中有 2 处无法识别的字符/) });
    const summary = imports.commitAll(BY, [parsed]);
    const id = summary.created[0].id;
    expect(summary.flagged.map((f) => f.id)).toEqual([id]);
    expect(imports.flagsOf(id)).toEqual([{ kind: 'damaged-text', message: expect.stringMatching(/2 处无法识别的字符.*按原文保存/), createdAt: expect.any(String) }]);
    expect(imports.flags().map((f) => f.documentId)).toEqual([id]);

    lib.documents.update(BY, id, { title: '关于印发乙办法的通知（修订）' });
    expect(imports.flagsOf(id)).toHaveLength(1); // still damaged
    lib.documents.update(BY, id, { body: ['第一条 修正后的内容', '第二条 正常'] });
    expect(imports.flagsOf(id)).toEqual([]);
  });
});
