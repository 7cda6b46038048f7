import { describe, expect, it } from 'vitest';
import { parseText } from '../../../../shared/parse';
import { bodyForms } from '../../db/search-functions';
import { BY, testLibrary } from '../../test-support/fixtures';
import { createImportService, type ImportOptions } from './import-service';

/** Two notices the parser reads as one (the second title has no 关于…的通知 to find it by). */
const TWO_AS_ONE = [
  '莱山区人民政府',
  '关于印发莱山区城区停车管理办法的通知',
  '莱山政发〔2023〕3号',
  '',
  '各街道办事处，区政府各部门：',
  '现将《莱山区城区停车管理办法》印发给你们，请遵照执行。',
  '城区主干道两侧禁止夜间占道停放货车。',
  '',
  '莱山区人民政府',
  '2023年4月10日',
  '',
  '莱山区人民政府办公室',
  '印发莱山区农村公路养护工作方案',
  '莱山政办发〔2023〕8号',
  '',
  '各街道办事处：',
  '村道桥涵每年汛前检修一次，鳄鲸专项资金列入预算。',
  '',
  '莱山区人民政府办公室',
  '2023年4月20日',
].join('\n');

/** Extracts in process with the real parser and, as the parse worker does, the bodies' search forms. */
const extract: ImportOptions['extract'] = async (name, bytes) => {
  const text = Buffer.from(bytes).toString('utf8');
  const result = parseText(text, { file: name, encoding: 'utf-8' });
  return { encoding: 'utf-8', note: null, text, result, bodyForms: result.documents.map((d) => bodyForms(d.body)) };
};

describe('search forms computed at parse (issue 25)', () => {
  it('a document stored as parsed is found by every phrase and short term of its body, like one typed in', async () => {
    const lib = testLibrary();
    const imports = createImportService(lib.ctx, lib, { extract });
    const [file] = await imports.parse([{ name: '一件.txt', dataBase64: Buffer.from(TWO_AS_ONE).toString('base64') }]);
    const summary = imports.commit(BY, [{ stagedId: file.stagedId!, gazette: null, documents: [{ index: 0 }] }]);
    const [id] = summary.created.map((c) => c.id);
    for (const q of ['禁止夜间占道停放', '汛前检修', '鳄鲸', '鳄', '"莱山政办发〔2023〕8号"']) expect(lib.search.matchIds(q)).toEqual([id]);
    expect(lib.search.matchIds('鲸鳄')).toEqual([]);
  });

  it('a document split at review is stored and found by its own text, not by what the parse read as one body', async () => {
    const lib = testLibrary();
    const imports = createImportService(lib.ctx, lib, { extract });
    const [file] = await imports.parse([{ name: '两件.txt', dataBase64: Buffer.from(TWO_AS_ONE).toString('base64') }]);
    expect(file.documents).toHaveLength(1);
    const at = imports.lines(file.stagedId!, 0).lines.findIndex((l) => l.text === '莱山区人民政府办公室');
    imports.split(file.stagedId!, 0, at);
    const summary = imports.commit(BY, [{ stagedId: file.stagedId!, gazette: null, documents: [{ index: 0 }, { index: 1 }] }]);
    const [parking, roads] = summary.created.map((c) => c.id);
    expect(summary.created).toHaveLength(2);
    expect(lib.search.matchIds('禁止夜间占道停放')).toEqual([parking]);
    expect(lib.search.matchIds('汛前检修')).toEqual([roads]);
    expect(lib.search.matchIds('鳄鲸')).toEqual([roads]);
    expect(lib.search.matchIds('鳄')).toEqual([roads]);
  });
});
