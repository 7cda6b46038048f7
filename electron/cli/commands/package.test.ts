import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from '../../core/test-support/hostile-files';
import { SAMPLE_GAZETTE, testCli } from '../testing';
import { filingCommand } from './filing';
import { importCommand } from './import';
import { listCommand } from './list';
import { packageCommand } from './package';

const cli = testCli([importCommand, listCommand, packageCommand, filingCommand]);

describe('normdesk package / filing', () => {
  it('exports, shows and imports a package; files with the higher level and reads its answer', async () => {
    const county = mkdtempSync(join(tmpdir(), 'nd-cli-county-'));
    const city = mkdtempSync(join(tmpdir(), 'nd-cli-city-'));
    const out = mkdtempSync(join(tmpdir(), 'nd-cli-pkg-'));
    expect((await cli('import', SAMPLE_GAZETTE, '--yes', '--data', county)).code).toBe(0);
    const noName = await cli('package', 'export', '--all', '--out', join(out, 'x.ndpkg'), '--data', county);
    expect(noName.code).toBe(1);
    expect(noName.err).toMatch(/本机关名称/);
    const office = await cli('package', 'office', '--name', '高青县人民政府办公室', '--receiver', '淄博市人民政府', '--rule', '15d', '--data', county);
    expect(office.out).toMatch(/密钥指纹：([0-9A-F]{4} ){7}[0-9A-F]{4}/);
    await cli('package', 'office', '--name', '淄博市人民政府办公室', '--data', city);

    const all = join(out, 'all.ndpkg');
    expect((await cli('package', 'export', '--all', '--out', all, '--data', county)).out).toMatch(/已导出文件库数据包.*文件 13 件/);
    const shown = await cli('package', 'show', all, '--data', city);
    expect(shown.out).toMatch(/发送机关：高青县人民政府办公室/);
    expect(shown.out).toMatch(/首次收到，请与发送机关核对指纹/);
    expect(shown.out).toMatch(/新增 13 件/);
    expect((await cli('package', 'import', all, '--dry-run', '--data', city)).out).toMatch(/试运行：未写入任何内容/);
    expect(JSON.parse((await cli('list', '--json', '--data', city)).out)).toHaveLength(0);
    expect((await cli('package', 'import', all, '--data', city)).out).toMatch(/新增 13 件/);
    expect((await cli('package', 'import', all, '--data', city)).out).toMatch(/此前已导入，未作任何改动/);

    // hostile: a path that climbs out is refused in Chinese, exit 1
    const evil = join(out, 'evil.ndpkg');
    const data = Buffer.from('{}');
    writeFileSync(evil, zip([{ name: '../evil.json', data: deflateRawSync(data), size: data.length, crc: crc32(data) }]));
    const refused = await cli('package', 'import', evil, '--data', city);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/不允许的路径“\.\.\/evil\.json”.*未作任何改动/);

    // filing: the sample's normative documents are long overdue under the 15-day rule
    const overdue = JSON.parse((await cli('filing', 'list', '--overdue', '--json', '--data', county)).out) as Array<{ documentId: string; title: string }>;
    expect(overdue.length).toBeGreaterThan(0);
    const doc = overdue[0].documentId;
    const material = join(out, '制定说明.txt');
    writeFileSync(material, '制定说明');
    expect((await cli('filing', 'material', doc, material, '--kind', '制定说明', '--data', county)).out).toMatch(/附上制定说明/);
    const filingPkg = join(out, 'filing.ndpkg');
    const report = join(out, 'report.docx');
    const sent = await cli('filing', 'send', doc, '--out', filingPkg, '--report', report, '--data', county);
    expect(sent.out).toMatch(/已导出备案报送包（1件文件、2个附件）/);
    expect(readFileSync(report).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('package', 'import', filingPkg, '--resolve', 'theirs', '--data', city)).out).toMatch(/备案：.*收到报备/);
    const queue = JSON.parse((await cli('filing', 'review', 'list', '--json', '--data', city)).out) as Array<{ id: string }>;
    expect(queue).toHaveLength(1);
    expect((await cli('filing', 'review', 'register', queue[0].id, '--data', city)).out).toMatch(/已登记/);
    const answer = join(out, 'answer.ndpkg');
    expect((await cli('filing', 'review', 'answer', '--sender', '高青县人民政府办公室', '--out', answer, '--data', city)).code).toBe(0);
    expect((await cli('package', 'import', answer, '--data', county)).out).toMatch(/备案：.*已登记/);
    const filed = JSON.parse((await cli('filing', 'list', '--filed', '--json', '--data', county)).out);
    expect(filed).toMatchObject([{ documentId: doc, stateLabel: '已登记', registrationNumber: expect.stringMatching(/^\d{4}-001$/) }]);
    expect((await cli('filing', 'review', 'catalog', '--year', '2026', '--quarter', '5', '--data', city)).err).toMatch(/--quarter 只能是/);
  });
});
