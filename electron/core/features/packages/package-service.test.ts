import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CampaignInput } from '../../../../shared/contract/cleanup';
import { AppError } from '../../kernel/errors';
import { BY, commitFile, parsedDoc, tableCounts, testLibrary, type TestLibrary } from '../../test-support/fixtures';
import { zip } from '../../test-support/hostile-files';
import { docKey } from './match';
import { readZip, writeZip } from './zip';

const ZY = '招远市人民政府';

/** A county library: documents with relations (one to a document not sent), a campaign with decisions, an issue. */
function county(name = '招远市人民政府办公室') {
  const lib = testLibrary('2026-11-22T12:00:00');
  lib.office.update(BY, { name });
  lib.imports.commitParsed(BY, [
    commitFile(
      'gazette.txt',
      [
        parsedDoc({ title: '招远市人民政府关于甲的通知', docNumber: '招政发〔2018〕27号', dateSigned: '2018-06-01', validUntil: '2030-05-31', body: ['第一条 甲。', '第二条 乙。'] }),
        parsedDoc({ title: '招远市人民政府关于乙的通知', docNumber: '招政发〔2019〕3号', dateSigned: '2019-03-01', cites: ['招政发〔2018〕27号', '鲁政发〔2017〕9号'] }),
        parsedDoc({ title: '招远市人民政府关于丙的意见', docNumber: '招政发〔2020〕5号', dateSigned: '2020-05-01', abolishes: [{ docNumber: '招政发〔2018〕27号', title: null }] as never }),
      ],
      { title: '招远市人民政府公报', year: 2022, issueNumber: 1, totalNumber: 12, publishDate: '2022-03-01', toc: [] },
    ),
  ]);
  const id = (n: string) => lib.documents.list({ q: n, sort: 'dateSigned', dir: 'desc', offset: 0, limit: 10 }).rows.find((r) => r.docNumber === n)!.id;
  const campaign = lib.cleanup.create(BY, CampaignInput.parse({ name: '2021年清理', basisDocNumber: '鲁司〔2020〕66号', cutoff: '2021-06-30', scope: { issuers: [ZY] } }));
  lib.cleanup.decide(BY, { id: campaign.id, documentIds: [id('招政发〔2019〕3号')], decision: '废止', reason: '已被替代', note: '' });
  return { ...lib, id, campaignId: campaign.id };
}

/** The library as a person compares two of them: no ids, documents by 文号 + title + 成文日期. */
function dump(t: TestLibrary) {
  const docs = t.documents.all('2026-11-22', true);
  const keyOf = new Map(docs.map((d) => [d.id, docKey(d)]));
  const db = t.ctx.db;
  const relations = (db.prepare('SELECT type, source_id, target_id, target_doc_number, target_title FROM relations').all() as Array<Record<string, string | null>>)
    .map((r) => ({ type: r.type, source: keyOf.get(r.source_id!), target: r.target_id ? keyOf.get(r.target_id) : null, docNumber: r.target_doc_number, title: r.target_title }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const campaigns = (db.prepare('SELECT * FROM cleanup_campaigns').all() as Array<Record<string, unknown>>).map(({ id, applied: _a, notice_document_id: _n, ...c }) => ({
    ...c,
    items: (db.prepare('SELECT * FROM cleanup_items WHERE campaign_id = ? ORDER BY position').all(id) as Array<Record<string, unknown>>).map(({ campaign_id: _c, document_id, ...i }) => ({
      ...i,
      document: keyOf.get(document_id as string),
    })),
  }));
  const issues = (db.prepare('SELECT i.*, g.title AS gazette FROM gazette_issues i JOIN gazettes g ON g.id = i.gazette_id').all() as Array<Record<string, unknown>>).map(
    ({ id, gazette_id: _g, created_at: _c, source_file_id: _s, ...i }) => ({
      ...i,
      entries: (db.prepare('SELECT * FROM gazette_entries WHERE issue_id = ? ORDER BY position').all(id) as Array<Record<string, unknown>>).map(({ issue_id: _i, document_id, ...e }) => ({
        ...e,
        document: document_id ? keyOf.get(document_id as string) : null,
      })),
    }),
  );
  const documents = docs
    .map(({ id: _i, createdAt: _c, updatedAt: _u, sourceFileId: _s, ...d }) => d)
    .sort((a, b) => docKey(a).localeCompare(docKey(b)));
  return { documents, relations, campaigns, issues };
}

const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

describe('library packages (.ndpkg)', () => {
  it('round trip: export the whole library, import into an empty one: the same documents, relations, campaigns and issues', () => {
    const a = county();
    const p = a.packages.export(BY, { kind: 'all' });
    expect(p.info.sender.name).toBe('招远市人民政府办公室');
    expect(p.info.sender.fingerprint).toBe(a.office.settings().fingerprint);
    expect(p.info.counts).toMatchObject({ documents: 3, campaigns: 1, issues: 1 });
    expect(p.fileName).toMatch(/^招远市人民政府办公室-文件库数据包.*\.ndpkg$/);

    const b = testLibrary('2026-11-23T09:00:00');
    const preview = b.packages.preview(p.bytes);
    expect(preview.info.knownSender).toBe(false);
    expect(preview.documents.new).toHaveLength(3);
    expect(preview.campaigns.new).toEqual(['2021年清理']);
    // previewing wrote nothing
    expect(tableCounts(b.ctx)).toMatchObject({ documents: 0, relations: 0, audit_log: 0 });

    const result = b.packages.import(BY, p.bytes, p.fileName);
    expect(result).toMatchObject({ changed: true, created: 3, campaigns: 1, issues: 1 });
    expect(dump(b)).toEqual(dump(a));
    // the audit says which package and which sender brought each document, and keeps the sender's history
    const doc = b.documents.all()[0];
    const history = b.audit.documentHistory(doc.id);
    expect(history.find((h) => h.action === 'document.receive')?.after).toMatchObject({ package: p.id, sender: '招远市人民政府办公室', fingerprint: p.info.sender.fingerprint });
    expect(history.some((h) => h.actor === `${BY.user}（招远市人民政府办公室）` && h.action === 'document.create')).toBe(true);

    // the same package again changes nothing
    const before = tableCounts(b.ctx);
    expect(b.packages.preview(p.bytes).alreadyImported).not.toBeNull();
    expect(b.packages.import(BY, p.bytes, p.fileName).changed).toBe(false);
    expect(tableCounts(b.ctx)).toEqual(before);
    // a new package of the same library finds everything present
    const again = a.packages.export(BY, { kind: 'all' });
    const second = b.packages.preview(again.bytes);
    expect(second.info.knownSender).toBe(true);
    expect(second.documents.present).toHaveLength(3);
    expect(b.packages.import(BY, again.bytes, again.fileName)).toMatchObject({ created: 0, unchanged: 3, campaigns: 0, issues: 0 });
    expect(dump(b)).toEqual(dump(a));
  });

  it('a campaign package and an issue package carry their documents', () => {
    const a = county();
    const c = a.packages.export(BY, { kind: 'campaign', id: a.campaignId });
    // the scope is what was in force at the cut-off: 甲 had been abolished by 丙
    expect(c.info.counts).toMatchObject({ documents: 2, campaigns: 1, issues: 0 });
    expect(c.info.label).toBe('清理项目“2021年清理”');
    const issueId = (a.ctx.db.prepare('SELECT id FROM gazette_issues').pluck().get() as string);
    const i = a.packages.export(BY, { kind: 'issue', id: issueId });
    expect(i.info.counts).toMatchObject({ documents: 3, campaigns: 0, issues: 1 });
    expect(i.fileName).toMatch(/^招远市人民政府办公室-文件库数据包-招远市人民政府公报2022年第1期-\d{8}\.ndpkg$/);
    const f = a.packages.export(BY, { kind: 'filter', query: { q: '乙', sort: 'dateSigned', dir: 'desc', offset: 0, limit: 100 } });
    expect(f.info.counts.documents).toBe(1);
    // the citation of a document not sent travels as a reference by 文号 and resolves when that document arrives
    const b = testLibrary();
    b.packages.import(BY, f.bytes, f.fileName);
    expect(b.ctx.db.prepare('SELECT count(*) FROM relations WHERE target_id IS NULL').pluck().get()).toBe(2);
    b.packages.import(BY, i.bytes, i.fileName);
    expect(b.ctx.db.prepare('SELECT target_doc_number FROM relations WHERE target_id IS NULL').pluck().all()).toEqual(['鲁政发〔2017〕9号']);
  });

  it('conflicts: shown side by side, refused without a choice, then per-conflict choices (mine, theirs, both)', () => {
    const a = county();
    const b = testLibrary('2026-11-23T09:00:00');
    const first = a.packages.export(BY, { kind: 'all' });
    b.packages.import(BY, first.bytes, first.fileName);
    // both edit 甲; only the county edits 丙; only the city edits 乙
    const bid = (n: string) => b.documents.all().find((d) => d.docNumber?.normalized === n)!.id;
    a.documents.update(BY, a.id('招政发〔2018〕27号'), { validUntil: '2031-05-31' });
    b.documents.update(BY, bid('招政发〔2018〕27号'), { validUntil: '2029-05-31' });
    a.documents.update(BY, a.id('招政发〔2020〕5号'), { body: ['修改后的正文。'] });
    b.documents.update(BY, bid('招政发〔2019〕3号'), { kind: '意见' });
    const p = a.packages.export(BY, { kind: 'all' });
    const preview = b.packages.preview(p.bytes);
    expect(preview.documents.present.map((d) => [d.docNumber, d.newerHere])).toEqual([['招政发〔2019〕3号', true]]);
    const byNumber = Object.fromEntries(preview.documents.conflicts.map((c) => [c.docNumber, c]));
    expect(byNumber['招政发〔2018〕27号']).toMatchObject({ bothEdited: true, suggested: 'mine', fields: [{ label: '有效期至', mine: '2029-05-31', theirs: '2031-05-31' }] });
    expect(byNumber['招政发〔2020〕5号']).toMatchObject({ bothEdited: false, suggested: 'theirs' });

    const before = tableCounts(b.ctx);
    const err = refusal(() => b.packages.import(BY, p.bytes, p.fileName));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/2 件文件与本机不一致.*未作任何改动/);
    expect(tableCounts(b.ctx)).toEqual(before);

    const r = b.packages.import(BY, p.bytes, p.fileName, { [byNumber['招政发〔2018〕27号'].remoteId]: 'both', [byNumber['招政发〔2020〕5号'].remoteId]: 'theirs' });
    expect(r).toMatchObject({ replaced: 1, copies: 1, keptMine: 0, unchanged: 1 });
    const now = b.documents.all('2026-11-23', true);
    expect(now.find((d) => d.docNumber?.normalized === '招政发〔2020〕5号')!.body).toEqual(['修改后的正文。']);
    expect(now.filter((d) => d.docNumber?.normalized === '招政发〔2018〕27号').map((d) => d.validUntil).sort()).toEqual(['2029-05-31', '2031-05-31']);
    expect(now.find((d) => d.docNumber?.normalized === '招政发〔2019〕3号')!.kind).toBe('意见');
    const replaced = b.audit.documentHistory(bid('招政发〔2020〕5号'));
    expect(replaced.at(-2)).toMatchObject({ action: 'document.update', before: { body: [expect.any(String)] }, after: { body: ['修改后的正文。'] } });
    expect(replaced.at(-1)).toMatchObject({ action: 'document.receive', after: { resolution: 'theirs', sender: '招远市人民政府办公室' } });
  });

  it('an edit made only on the other side since the last exchange is offered as their update, both ways', () => {
    const a = county();
    const b = testLibrary('2026-11-23T09:00:00');
    b.office.update(BY, { name: '烟台市人民政府办公室' });
    const first = a.packages.export(BY, { kind: 'all' });
    b.packages.import(BY, first.bytes, first.fileName);
    // the city corrects a document and sends the library back: the county did not touch it since it sent it
    const bid = b.documents.all().find((d) => d.docNumber?.normalized === '招政发〔2019〕3号')!.id;
    b.documents.update(BY, bid, { kind: '意见' });
    const back = b.packages.export(BY, { kind: 'all' });
    const preview = a.packages.preview(back.bytes);
    expect(preview.documents.conflicts.map((c) => [c.docNumber, c.bothEdited, c.suggested])).toEqual([['招政发〔2019〕3号', false, 'theirs']]);
    expect(preview.documents.present).toHaveLength(2);
    a.packages.import(BY, back.bytes, back.fileName, {}, 'theirs');
    expect(a.documents.get(a.id('招政发〔2019〕3号')).kind).toBe('意见');
  });

  it('hostile packages are refused with a Chinese message and change nothing', async () => {
    const a = county();
    const b = testLibrary();
    const p = a.packages.export(BY, { kind: 'all' });
    const before = tableCounts(b.ctx);
    const expectRefused = (bytes: Buffer, message: RegExp) => {
      const err = refusal(() => b.packages.preview(bytes));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(/未作任何改动/);
      expect(refusal(() => b.packages.import(BY, bytes, 'x.ndpkg', {}, 'theirs')).message).toBe(err.message);
      expect(tableCounts(b.ctx)).toEqual(before);
    };
    // one byte changed anywhere in the file
    const entries = readZip(p.bytes);
    for (const at of [Math.floor(p.bytes.length / 3), Math.floor(p.bytes.length / 2), 40, p.bytes.length - 30]) {
      const flipped = Buffer.from(p.bytes);
      flipped[at] ^= 0x01;
      expectRefused(flipped, /数据包无法(读取|导入)/);
    }
    // every single byte of the file: changed, the package is refused (no byte goes unchecked)
    const accepted: number[] = [];
    for (let at = 0; at < p.bytes.length; at++) {
      const flipped = Buffer.from(p.bytes);
      flipped[at] ^= 0x80;
      try {
        b.packages.read(flipped);
        accepted.push(at);
      } catch (err) {
        if (!(err instanceof AppError) || !/未作任何改动/.test(err.message)) throw err;
      }
    }
    expect(accepted).toEqual([]);
    // one byte changed in a part, the zip rebuilt around it (CRC right): the checksum in the manifest catches it
    const doc = entries.get('documents/0001.json')!.data;
    const changed = Buffer.from(doc.toString('utf8').replace('第一条 甲。', '第一条 丙。'));
    expectRefused(writeZip([...entries].map(([name, e]) => ({ name, store: e.stored, data: name === 'documents/0001.json' ? changed : e.data }))), /校验值与清单不符/);
    // the manifest changed and re-signed with another key than the one it names: wrong signature
    const other = testLibrary();
    other.office.update(BY, { name: '冒名机关' });
    const forged = JSON.parse(entries.get('manifest.json')!.data.toString('utf8'));
    forged.label = '篡改的数据包';
    const forgedBytes = Buffer.from(JSON.stringify(forged));
    const wrongSig = writeZip(
      [...entries].map(([name, e]) => ({ name, store: e.stored, data: name === 'manifest.json' ? forgedBytes : name === 'manifest.sig' ? Buffer.from(other.office.sign(forgedBytes), 'base64') : e.data })),
    );
    expectRefused(wrongSig, /签名验证失败/);
    // a path that climbs out
    const climb = Buffer.from('[]');
    expectRefused(zip([{ name: '../../etc/evil.json', data: deflateRawSync(climb), size: climb.length, crc: crc32(climb) }]), /不允许的路径“\.\.\/\.\.\/etc\/evil\.json”/);
    // a zip bomb: 200 MB of zeros declared small, and one declared large
    const zeros = Buffer.alloc(200 * 1024 * 1024);
    const packed = deflateRawSync(zeros, { level: 9 });
    expectRefused(zip([{ name: 'manifest.json', data: packed, size: zeros.length, crc: crc32(zeros), declared: 1000 }]), /实际大小超过声明大小/);
    expectRefused(zip([{ name: 'manifest.json', data: packed, size: zeros.length, crc: crc32(zeros) }]), /超过 64 MB 的上限/);
    // not a package at all
    expectRefused(Buffer.from('这不是数据包'), /不是 NormDesk 数据包/);
  });

  it('the key is made on first use and kept; a package needs the office name', () => {
    const t = testLibrary();
    expect(t.office.settings().fingerprint).toBeNull();
    expect(refusal(() => t.packages.export(BY, { kind: 'all' })).message).toMatch(/本机关名称/);
    t.office.update(BY, { name: '高青县人民政府办公室' });
    const fp = t.office.fingerprint(BY);
    expect(fp).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(t.office.fingerprint(BY)).toBe(fp);
    expect(t.audit.history('office', '1').map((h) => h.action)).toEqual(['office.update', 'office.key']);
    expect(t.audit.history('office', '1')[0]).toMatchObject({ action: 'office.update', after: { name: '高青县人民政府办公室' } });
  });
});
