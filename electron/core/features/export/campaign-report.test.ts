import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../kernel/paths';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

const GQ = '高青县人民政府';
const GQB = '高青县人民政府办公室';
const DOCS = [
  parsedDoc({ title: '高青县人民政府关于甲的通知', docNumber: '高政发〔2019〕1号', dateSigned: '2019-03-01', issuers: [GQ] }),
  parsedDoc({ title: '高青县人民政府关于乙的通知', docNumber: '高政发〔2019〕2号', dateSigned: '2019-04-01', issuers: [GQ] }),
  parsedDoc({ title: '高青县人民政府办公室关于丙的通知', docNumber: '高政办发〔2020〕3号', dateSigned: '2020-05-01', issuers: [GQB] }),
  parsedDoc({ title: '高青县人民政府办公室关于丁的通知', docNumber: '高政办发〔2020〕4号', dateSigned: '2020-06-01', issuers: [GQB] }),
];

function saved(base64: string, name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nd-report-')), name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}
/** The report as a reader sees it: the PDF's text, laid out. */
const pdfText = (base64: string) => execFileSync('pdftotext', ['-layout', saved(base64, 'report.pdf'), '-'], { encoding: 'utf8' });
/** The text of each table cell of the DOCX, in order. */
const docxCells = (base64: string) =>
  [...execFileSync('unzip', ['-p', saved(base64, 'report.docx'), 'word/document.xml'], { encoding: 'utf8' }).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) =>
    [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );

describe('cleanup campaign report', () => {
  it('states the basis, the decisions by count and by issuer, and every scope change with its reason', async () => {
    const lib = testLibrary(undefined, { resourcesDir: join(findAppRoot(), 'resources') });
    lib.imports.commitParsed(BY, [commitFile('lib.txt', DOCS)]);
    const call: typeof lib.app.call = (channel, req) => lib.app.call(channel, req, BY);
    const id = (n: string) => lib.documents.all().find((d) => d.docNumber?.normalized === n)!.id;
    const c = await call('cleanup:create', { name: '2021年行政规范性文件清理', basisDocNumber: '鲁司〔2020〕66号', basisTitle: '关于开展行政规范性文件清理工作的通知', cutoff: '2021-06-30' });
    await call('cleanup:scope-remove', { id: c.id, documentId: id('高政办发〔2020〕4号'), reason: '属于内部管理文件，不在清理范围' });
    await call('cleanup:decide', { id: c.id, documentIds: [id('高政发〔2019〕1号')], decision: '废止', reason: '上位法已废止' });
    await call('cleanup:decide', { id: c.id, documentIds: [id('高政发〔2019〕2号')], decision: '继续有效' });

    const file = await call('export:campaign-report', { campaignId: c.id, format: 'pdf' });
    expect(file.fileName).toMatch(/2021年行政规范性文件清理情况报告\.pdf$/);
    const text = pdfText(file.dataBase64);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('2021年行政规范性文件清理情况报告');
    expect(flat).toContain('根据《关于开展行政规范性文件清理工作的通知》（鲁司〔2020〕66号）要求，以2021年6月30日为截止日期');
    expect(flat).toContain('清理范围共3件，已作出清理决定2件，尚有1件未作决定。清理结果尚未公布。');
    expect(flat).toContain('经清理，继续有效1件，修改0件，废止1件，宣布失效0件。');
    // per issuer: 高青县人民政府 2 in scope (1 继续有效, 1 废止), the 办公室 1 undecided
    const issuerRow = (name: string) => text.split('\n').find((l) => l.trim().startsWith(name) && /\d/.test(l))!.replace(name, '').trim().split(/\s+/);
    expect(issuerRow(GQB)).toEqual(['1', '0', '0', '0', '0', '1']);
    expect(issuerRow(GQ)).toEqual(['2', '1', '0', '1', '0', '0']);
    expect(flat).toContain('清理范围确定后，加入0件，移出1件，理由如下。');
    // 文号 and the date on one line each
    expect(text).toMatch(/高政办发〔2020〕4号/);
    expect(text).toMatch(/2026年11\s*月22日/);

    const docx = await call('export:campaign-report', { campaignId: c.id, format: 'docx' });
    const cells = docxCells(docx.dataBase64);
    const at = cells.indexOf('高政办发〔2020〕4号');
    expect(cells.slice(at - 2, at + 4)).toEqual(['1', '高青县人民政府办公室关于丁的通知', '高政办发〔2020〕4号', '移出', '属于内部管理文件，不在清理范围', expect.stringContaining('测试员')]);
    await expect(call('export:campaign-report', { campaignId: 'nope', format: 'pdf' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);
});
