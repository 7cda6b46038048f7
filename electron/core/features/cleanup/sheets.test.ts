import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BY, commitFile, parsedDoc, testLibrary } from '../../test-support/fixtures';

const GQ = '高青县人民政府';

async function setup() {
  const lib = testLibrary();
  lib.imports.commitParsed(BY, [
    commitFile('a.txt', [
      parsedDoc({ title: '高青县人民政府关于甲的办法', docNumber: '高政发〔2019〕8号', dateSigned: '2019-08-01', issuers: [GQ] }),
      // in force on the cut-off date, lapsed since: the sheet shows both
      parsedDoc({ title: '高青县人民政府关于乙的意见', docNumber: '高政发〔2020〕2号', dateSigned: '2020-02-01', issuers: [GQ], validUntil: '2022-01-31' }),
      parsedDoc({ title: '招远市人民政府关于丙的通知', docNumber: '招政发〔2019〕3号', dateSigned: '2019-03-01' }),
    ]),
  ]);
  const c = await lib.app.call('cleanup:create', { name: '2021年清理', cutoff: '2021-06-30' });
  return { ...lib, c };
}

async function readSheet(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}
const toBase64 = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

describe('review sheets', () => {
  it('exports one issuer’s documents with the agreed columns and reads the returned opinions back', async () => {
    const t = await setup();
    const file = await t.app.call('cleanup:sheet', { id: t.c.id, issuer: GQ });
    expect(file.fileName).toBe('2021年清理-高青县人民政府-审查意见表.xlsx');
    const wb = await readSheet(file.dataBase64);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '文件名称', '文号', '成文日期', '状态（截至2021年6月30日）', '今日状态', '有效期至', '意见', '理由']);
    expect(ws.rowCount).toBe(3);
    expect(ws.getCell(2, 3).value).toBe('高政发〔2019〕8号');
    expect([ws.getCell(3, 2).value, ws.getCell(3, 5).value, ws.getCell(3, 6).value]).toEqual(['高青县人民政府关于乙的意见', '现行有效', '已失效']);

    ws.getCell(2, 8).value = '废止';
    ws.getCell(2, 9).value = '调整对象已消失';
    ws.getCell(3, 8).value = '保留';
    ws.addRow([3, '高青县人民政府关于不存在的通知', '高政发〔2010〕1号', '', '', '', '', '继续有效', '']);
    const report = await t.app.call('cleanup:import-sheet', { id: t.c.id, dataBase64: await toBase64(wb) });
    expect(report).toMatchObject({ rows: 3, applied: 2, conflicts: [] });
    expect(report.unmatched).toEqual([expect.objectContaining({ row: 4, docNumber: '高政发〔2010〕1号', problem: expect.stringMatching(/没有该文件/) })]);
    const items = (await t.app.call('cleanup:items', { id: t.c.id, issuer: GQ })).rows;
    expect(items.map((i) => [i.opinion, i.opinionReason, i.decision])).toEqual([
      ['废止', '调整对象已消失', null],
      ['继续有效', '', null],
    ]);

    // A second sheet that disagrees is reported, not applied.
    ws.getCell(2, 8).value = '继续有效';
    const again = await t.app.call('cleanup:import-sheet', { id: t.c.id, dataBase64: await toBase64(wb) });
    expect(again.applied).toBe(0);
    expect(again.conflicts).toEqual([expect.objectContaining({ title: '高青县人民政府关于甲的办法', existing: '废止（调整对象已消失）', incoming: '继续有效（调整对象已消失）' })]);
    expect((await t.app.call('cleanup:items', { id: t.c.id, issuer: GQ })).rows[0].opinion).toBe('废止');
  });

  it('refuses a file that is not a workbook, in Chinese', async () => {
    const t = await setup();
    await expect(t.app.call('cleanup:import-sheet', { id: t.c.id, dataBase64: Buffer.from('not a workbook').toString('base64') })).rejects.toThrow(/无法读取该文件/);
  });
});

describe('campaign export', () => {
  it('exports the result notice of a campaign by id, and keeps the old list form working', async () => {
    const t = await setup();
    const rows = (await t.app.call('cleanup:items', { id: t.c.id })).rows;
    await t.app.call('cleanup:decide', { id: t.c.id, documentIds: rows.map((r) => r.documentId), decision: '继续有效' });
    const file = await t.app.call('export:cleanup', { campaignId: t.c.id, format: 'docx' });
    expect(file.fileName).toMatch(/清理结果/);
    expect(file.dataBase64.length).toBeGreaterThan(1000);
    const old = await t.app.call('export:cleanup', {
      format: 'docx',
      input: { title: '关于公布清理结果的通知', issuer: GQ, date: '2021-10-01', items: [{ title: '某文件', decision: '废止', reason: '过时' }] },
    });
    expect(old.dataBase64.length).toBeGreaterThan(1000);
    await expect(t.app.call('export:cleanup', { format: 'docx' })).rejects.toThrow(/input.*campaignId|清理项目/);
  });
});
