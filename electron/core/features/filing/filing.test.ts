import { describe, expect, it } from 'vitest';
import { createApp } from '../../composition';
import { BY, commitFile, parsedDoc } from '../../test-support/fixtures';
import { filingDue } from '../../../../shared/domain/filing';

/** A library with a clock the test moves. */
function library(name: string, start: string) {
  let now = new Date(start);
  const app = createApp({ dataDir: ':memory:', shell: 'cli', resourcesDir: 'resources', now: () => now, log: { info: () => {}, error: () => {} } });
  return {
    app,
    s: app.services,
    at(day: string) {
      now = new Date(`${day}T09:00:00`);
    },
    async setup(patch: Parameters<typeof app.services.office.update>[1]) {
      await app.call('office:update', { name, ...patch });
    },
  };
}

const ZY = '招远市人民政府';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('备案: a county files with the city, the city reviews and answers (two libraries)', () => {
  it('goes through filing, 补正, a second round and the review, with 报备率 and 报备及时率 across a deadline', async () => {
    const county = library('招远市人民政府办公室', '2026-11-05T09:00:00');
    const city = library('烟台市人民政府办公室', '2026-11-06T09:00:00');
    await county.setup({ issuers: [ZY], filingRule: '30d', filingReceiver: '烟台市人民政府' });
    await city.setup({ reviewDays: 30 });
    county.s.imports.commitParsed(BY, [
      commitFile('county.txt', [
        parsedDoc({ title: '招远市人民政府关于甲的通知', docNumber: '招政发〔2026〕1号', dateSigned: '2026-10-01' }),
        parsedDoc({ title: '招远市人民政府关于乙的办法', docNumber: '招政发〔2026〕2号', dateSigned: '2026-10-20' }),
        parsedDoc({ title: '招远市人民政府关于丙的意见', docNumber: '招政发〔2026〕3号', dateSigned: '2026-11-02' }),
        parsedDoc({ title: '山东省人民政府办公厅关于丁的通知', docNumber: '鲁政办发〔2026〕5号', dateSigned: '2026-10-10', issuers: ['山东省人民政府办公厅'] }),
      ]),
    ]);
    const docs = await county.app.call('filing:list', {});
    // only this office's own normative documents need filing
    expect(docs.map((d) => d.docNumber)).toEqual(['招政发〔2026〕3号', '招政发〔2026〕2号', '招政发〔2026〕1号']);
    const idOf = (n: string) => docs.find((d) => d.docNumber === n)!.documentId;
    const [A, B, C] = ['招政发〔2026〕1号', '招政发〔2026〕2号', '招政发〔2026〕3号'].map(idOf);
    // 30 days from publication: 甲 (10-01) was due 10-31 and is overdue on 11-05; 乙 and 丙 are due
    expect((await county.app.call('filing:list', { show: 'overdue' })).map((d) => [d.docNumber, d.due, d.daysLeft])).toEqual([['招政发〔2026〕1号', '2026-10-31', -5]]);
    expect((await county.app.call('filing:list', { show: 'due' })).map((d) => d.due)).toEqual(['2026-11-19', '2026-12-02']);

    for (const id of [A, B]) await county.app.call('filing:add-material', { documentId: id, kind: '制定说明', fileName: '制定说明.docx', dataBase64: b64(`${id} 的制定说明`) });
    for (const id of [A, B, C]) await county.app.call('filing:add-material', { documentId: id, kind: '合法性审核意见', fileName: '合法性审核意见.pdf', dataBase64: b64(`${id} 的审核意见`) });
    const report = await county.app.call('filing:report', { documentIds: [A, B, C], format: 'docx' });
    expect(report.fileName).toBe('招远市人民政府办公室关于报送《招远市人民政府关于甲的通知》等3件规范性文件备案的报告.docx');

    const sent = await county.app.call('filing:send', { documentIds: [A, B, C] });
    expect(sent.info).toMatchObject({ kind: 'filing', counts: { documents: 3, filings: 3, files: 6 } });
    expect((await county.app.call('filing:list', { show: 'filed' })).map((d) => d.stateLabel)).toEqual(['已报备', '已报备', '已报备']);
    await expect(county.app.call('filing:send', { documentIds: [A] })).rejects.toThrow(/已报备/);
    await expect(county.app.call('packages:import', { fileName: sent.fileName, dataBase64: sent.dataBase64 })).rejects.toThrow(/本机关自己报送的备案包/);
    // 报备及时率 across the deadline: 甲 was sent after 10-31
    expect(await county.app.call('filing:stats', { from: '2026-10-01', to: '2026-11-30' })).toMatchObject({ expected: 3, filed: 3, onTime: 2, filingRate: 100, timelyRate: 66.7 });

    // the city imports the filing package into its 备案审查 queue
    const preview = await city.app.call('packages:preview', { fileName: sent.fileName, dataBase64: sent.dataBase64 });
    expect(preview.documents.new).toHaveLength(3);
    expect(preview.filing).toHaveLength(3);
    await city.app.call('packages:import', { fileName: sent.fileName, dataBase64: sent.dataBase64 });
    let queue = await city.app.call('review:list', {});
    expect(queue.map((q) => [q.docNumber, q.stateLabel, q.sender, q.reviewDue])).toEqual([
      ['招政发〔2026〕1号', '待登记', '招远市人民政府办公室', '2026-12-06'],
      ['招政发〔2026〕2号', '待登记', '招远市人民政府办公室', '2026-12-06'],
      ['招政发〔2026〕3号', '待登记', '招远市人民政府办公室', '2026-12-06'],
    ]);
    const entry = (n: string) => queue.find((q) => q.docNumber === n)!;
    expect(entry('招政发〔2026〕3号').materials.map((m) => m.kind).sort()).toEqual(['其他材料', '合法性审核意见']);
    // the reviewer reads what was attached, byte for byte
    const opinion = entry('招政发〔2026〕3号').materials.find((m) => m.kind === '合法性审核意见')!;
    expect(await city.app.call('filing:material-file', { id: opinion.id })).toMatchObject({ fileName: '合法性审核意见.pdf', dataBase64: b64(`${C} 的审核意见`) });
    // received documents are the city's to review, not its own to file
    expect(await city.app.call('filing:list', {})).toEqual([]);

    await city.app.call('review:register', { id: entry('招政发〔2026〕1号').id });
    await city.app.call('review:register', { id: entry('招政发〔2026〕2号').id });
    await expect(city.app.call('review:correction', { id: entry('招政发〔2026〕3号').id, reason: '缺少制定说明', due: '2026-11-01' })).rejects.toThrow(/早于今天/);
    await city.app.call('review:correction', { id: entry('招政发〔2026〕3号').id, reason: '缺少制定说明', due: '2026-11-20' });
    const answer1 = await city.app.call('review:answer', { sender: '招远市人民政府办公室' });
    expect(answer1.info).toMatchObject({ kind: 'filing-answer', counts: { documents: 0, filings: 3 } });
    await expect(city.app.call('review:answer', { sender: '招远市人民政府办公室' })).rejects.toThrow(/没有需要答复/);

    // the county imports the answer and sees the states
    county.at('2026-11-08');
    const answerPreview = await county.app.call('packages:preview', { fileName: answer1.fileName, dataBase64: answer1.dataBase64 });
    expect(answerPreview.filing).toContain('《招远市人民政府关于丙的意见》：已报备 → 需补正');
    await county.app.call('packages:import', { fileName: answer1.fileName, dataBase64: answer1.dataBase64 });
    let filed = await county.app.call('filing:list', { show: 'filed' });
    const state = (id: string) => filed.find((d) => d.documentId === id)!;
    expect([A, B].map((id) => [state(id).stateLabel, state(id).registrationNumber])).toEqual([
      ['已登记', '2026-001'],
      ['已登记', '2026-002'],
    ]);
    expect(state(C)).toMatchObject({ stateLabel: '需补正', correctionDue: '2026-11-20', answerNote: '缺少制定说明', receiver: '烟台市人民政府办公室' });

    // second round: the missing 制定说明, sent again; the first sending day still decides timeliness
    county.at('2026-11-10');
    await county.app.call('filing:add-material', { documentId: C, kind: '制定说明', fileName: '制定说明（补正）.docx', dataBase64: b64('丙的制定说明') });
    const round2 = await county.app.call('filing:send', { documentIds: [C] });
    filed = await county.app.call('filing:list', { show: 'filed' });
    expect(state(C)).toMatchObject({ stateLabel: '已报备', round: 2, firstSentOn: '2026-11-05', onTime: true });

    city.at('2026-11-11');
    await city.app.call('packages:import', { fileName: round2.fileName, dataBase64: round2.dataBase64 });
    queue = await city.app.call('review:list', {});
    expect(entry('招政发〔2026〕3号')).toMatchObject({ stateLabel: '待登记', round: 2, receivedOn: '2026-11-11' });
    expect(entry('招政发〔2026〕3号').materials.map((m) => m.name)).toContain('制定说明（补正）.docx');
    await city.app.call('review:register', { id: entry('招政发〔2026〕3号').id });
    await city.app.call('review:decide', { id: entry('招政发〔2026〕1号').id, decision: '无异议' });
    await expect(city.app.call('review:decide', { id: entry('招政发〔2026〕2号').id, decision: '需修改' })).rejects.toThrow(/写明存在的问题/);
    await city.app.call('review:notes', { id: entry('招政发〔2026〕2号').id, basis: '《行政处罚法》第十六条', problems: '第五条设定罚款超出权限', suggestions: '删除第五条' });
    await city.app.call('review:decide', { id: entry('招政发〔2026〕2号').id, decision: '需修改' });
    const answer2 = await city.app.call('review:answer', { sender: '招远市人民政府办公室' });
    expect(answer2.info.counts.filings).toBe(3);

    county.at('2026-11-12');
    await county.app.call('packages:import', { fileName: answer2.fileName, dataBase64: answer2.dataBase64 });
    filed = await county.app.call('filing:list', { show: 'filed' });
    expect([A, B, C].map((id) => state(id).stateLabel)).toEqual(['审查完毕：无异议', '审查完毕：需修改', '已登记']);
    expect(state(B).answerNote).toContain('第五条设定罚款超出权限');
    expect(state(C).registrationNumber).toBe('2026-003');
    // the history says who did what, from which package
    const history = county.s.audit.history('filing', B);
    expect(history.map((h) => h.action)).toEqual(['filing.material', 'filing.material', 'filing.send', 'filing.answer', 'filing.answer']);
    expect(history.at(-1)?.after).toMatchObject({ state: 'reviewed', decision: '需修改', receiver: '烟台市人民政府办公室', package: answer2.info.id });

    // the quarter's 备案目录, as a list and as a gazette section
    const catalog = await city.app.call('review:catalog', { year: 2026, quarter: 4 });
    expect(catalog.map((r) => [r.n, r.docNumber, r.registrationNumber, r.result])).toEqual([
      [1, '招政发〔2026〕1号', '2026-001', '审查完毕：无异议'],
      [2, '招政发〔2026〕2号', '2026-002', '审查完毕：需修改'],
      [3, '招政发〔2026〕3号', '2026-003', '已登记（审查中）'],
    ]);
    const xlsx = await city.app.call('review:catalog-export', { year: 2026, quarter: 4, format: 'xlsx' });
    expect(xlsx.fileName).toBe('烟台市人民政府办公室2026年第四季度规范性文件备案目录.xlsx');
    const gazette = city.s.gazetteRegistry.ensureForTitle(BY, '烟台市人民政府公报');
    const issue = await city.app.call('issue:create', { gazetteId: gazette.id, publishDate: '2026-12-31' });
    const added = await city.app.call('review:catalog-to-issue', { year: 2026, quarter: 4, issueId: issue.id });
    const printed = await city.app.call('gazettes:get', { id: issue.id });
    expect(printed.entries.map((e) => [e.section, e.title, e.documentId])).toEqual([['备案目录', '烟台市人民政府办公室2026年第四季度规范性文件备案目录', added.documentId]]);
    // added again after another registration: the same document, brought up to date, once in the issue
    const again = await city.app.call('review:catalog-to-issue', { year: 2026, quarter: 4, issueId: issue.id });
    expect(again.documentId).toBe(added.documentId);
    expect((await city.app.call('gazettes:get', { id: issue.id })).entries).toHaveLength(1);
    await county.app.close();
    await city.app.close();
  });

  it('a filed document moved to the trash and restored keeps its filing state and materials', async () => {
    const county = library('招远市人民政府办公室', '2026-11-05T09:00:00');
    await county.setup({ issuers: [ZY] });
    county.s.imports.commitParsed(BY, [commitFile('c.txt', [parsedDoc({ title: '招远市人民政府关于甲的通知', docNumber: '招政发〔2026〕1号', dateSigned: '2026-10-20' })])]);
    const [doc] = await county.app.call('filing:list', {});
    await county.app.call('filing:add-material', { documentId: doc.documentId, kind: '制定说明', fileName: '制定说明.docx', dataBase64: b64('说明') });
    await county.app.call('filing:send', { documentIds: [doc.documentId] });
    county.s.trash.moveToTrash(BY, doc.documentId);
    expect(await county.app.call('filing:list', {})).toEqual([]);
    county.s.trash.restore(BY, doc.documentId);
    expect(await county.app.call('filing:list', {})).toMatchObject([{ documentId: doc.documentId, stateLabel: '已报备', firstSentOn: '2026-11-05', materials: [{ name: '制定说明.docx' }] }]);
    await county.app.close();
  });

  it('computes deadlines under each rule', () => {
    expect(filingDue('2026-10-01', '30d')).toBe('2026-10-31');
    expect(filingDue('2026-10-01', '15d')).toBe('2026-10-16');
    // Thursday 2026-10-01 + 3 working days: Fri, Mon, Tue
    expect(filingDue('2026-10-01', '3wd')).toBe('2026-10-06');
  });
});
