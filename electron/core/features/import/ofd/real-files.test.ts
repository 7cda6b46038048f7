import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors';
import { DEFAULT_PARSE_LIMITS } from '../limits';
import { readOfd } from './read-ofd';

/**
 * The real OFD files of several producers kept beside the checkout (../shared/formats/ofd, from ofdrw's test
 * resources; never copied into the repository). Every one is read or refused with the image-only message, and the
 * text of files of different producers and structures is what their pages show. The comparison with an independent
 * renderer is test/e2e/ofd.spec.ts.
 */

const REAL = resolve(import.meta.dirname, '..', '..', '..', '..', '..', '..', 'shared', 'formats', 'ofd');
const present = existsSync(REAL);
if (!present) console.warn(`跳过真实 OFD 文件的检查：未找到 ${REAL}（与代码目录并列的 shared/formats/ofd）`);

const read = (name: string) => readOfd(new Uint8Array(readFileSync(join(REAL, name))), DEFAULT_PARSE_LIMITS);

describe.skipIf(!present)('real OFD files', () => {
  it('every file is read, or refused as image-only with a Chinese message', () => {
    const names = readdirSync(REAL).filter((n) => n.endsWith('.ofd'));
    expect(names.length).toBeGreaterThanOrEqual(60);
    let withText = 0;
    for (const name of names) {
      try {
        const r = read(name);
        expect(r.text.trim().length, name).toBeGreaterThan(0);
        withText++;
      } catch (e) {
        expect(e, name).toBeInstanceOf(AppError);
        expect((e as AppError).message, name).toMatch(/没有文字.*OCR/);
      }
    }
    expect(withText).toBeGreaterThanOrEqual(55);
  });

  it('reads each producer’s structure: page blocks, Chinese folders, odd paths, no page container, composite units', () => {
    const hello = '你好呀，OFD Reader&Writer！';
    for (const n of ['ofdrw-reader__helloworld.ofd', 'ofdrw-reader__helloworld_with_pageblock.ofd', 'ofdrw-reader__chineseDir.ofd', 'ofdrw-sign__namespace_no_std.ofd']) {
      expect(read(n).text, n).toBe(hello);
    }
    // 数科-style templates and absolute part paths; the white placeholder under the printed words is not read
    const unstd = read('ofdrw-reader__path_unstd.ofd');
    expect(unstd.pages).toBe(2);
    expect(unstd.text).toContain('立案决定书');
    expect(unstd.text).toContain('测试数据gz-SIGNNAME-liucheng');
    // an invoice whose page is a template, without a Pages folder, with its attachment named
    const invoice = read('ofdrw-layout__no_page_container.ofd');
    expect(invoice.text).toMatch(/^上海增值税电子普通发票/);
    expect(invoice.note).toMatch(/附件 1 个/);
    // a magazine page drawn entirely through composite graphic units
    expect(read('ofdrw-converter__y.ofd').text).toContain('数字档案室建设是《关于加强和改进新形势下档案工作的意见》');
    // a red-headed official document with a seal: the seal is not body text
    const n = read('ofdrw-converter__n.ofd');
    expect(n.text.split('\n').slice(0, 3)).toEqual(['测试符路桥区卫生局文件', '路卫发〔2011〕76号', '关于同意张阿三同志辞职的批复']);
    expect(n.note).toMatch(/电子签章 1 个/);
  });
});
