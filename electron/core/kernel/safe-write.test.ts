import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideDataDir, safeWrite, safeWriteFile } from './safe-write';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'nd-sw-'));
  const dataDir = join(root, 'data');
  const out = join(root, 'out');
  mkdirSync(dataDir);
  mkdirSync(out);
  writeFileSync(join(dataDir, 'normdesk.db'), 'LIBRARY');
  return { root, dataDir, out };
}

const noTmp = (dir: string) => expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

describe('safeWrite', () => {
  it('refuses every file in the data directory, also through a symlink or a relative path', async () => {
    const { root, dataDir, out } = setup();
    symlinkSync(dataDir, join(out, 'link'));
    for (const target of [
      join(dataDir, 'normdesk.db'),
      join(dataDir, 'normdesk.db-wal'),
      join(dataDir, 'backups', 'x.db'),
      join(dataDir, 'search-lunr', 'shard-0.json'),
      join(out, 'link', 'normdesk.db'),
      join(dataDir, '..', 'data', 'new.pdf'),
    ]) {
      await expect(safeWriteFile(target, Buffer.from('x'), { dataDir, force: true }), target).rejects.toThrow(/不能写入 NormDesk 的数据目录/);
    }
    expect(readFileSync(join(dataDir, 'normdesk.db'), 'utf8')).toBe('LIBRARY');
    expect(isInsideDataDir(join(root, 'data2', 'x'), dataDir)).toBe(false);
  });

  it('refuses an existing file without force and replaces it with force', async () => {
    const { dataDir, out } = setup();
    const target = join(out, 'a.pdf');
    writeFileSync(target, 'OLD');
    await expect(safeWriteFile(target, Buffer.from('NEW'), { dataDir })).rejects.toThrow(/文件已存在.*--force/);
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    await safeWriteFile(target, Buffer.from('NEW'), { dataDir, force: true });
    expect(readFileSync(target, 'utf8')).toBe('NEW');
    noTmp(out);
  });

  it('answers a folder, a missing folder and no permission in Chinese and leaves no .tmp', async () => {
    const { dataDir, out } = setup();
    await expect(safeWriteFile(out, Buffer.from('x'), { dataDir })).rejects.toThrow(/是一个文件夹，请指定文件名/);
    await expect(safeWriteFile(join(out, 'nope', 'a.pdf'), Buffer.from('x'), { dataDir })).rejects.toThrow(/目标文件夹不存在/);
    if (process.getuid?.() !== 0) {
      const locked = join(out, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      await expect(safeWriteFile(join(locked, 'a.pdf'), Buffer.from('x'), { dataDir })).rejects.toThrow(/没有写入权限/);
      chmodSync(locked, 0o700);
      noTmp(locked);
    }
    noTmp(out);
  });

  it('removes the temporary file when producing fails midway (e.g. the disk is full)', async () => {
    const { dataDir, out } = setup();
    const target = join(out, 'big.pdf');
    writeFileSync(target, 'OLD');
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    await expect(
      safeWrite(target, (tmp) => {
        writeFileSync(tmp, 'half');
        throw full;
      }, { dataDir, force: true }),
    ).rejects.toThrow(/磁盘空间不足.*原有文件未改动/);
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    noTmp(out);
    expect(existsSync(target)).toBe(true);
    // the same for a permission refusal in the middle of writing (root ignores chmod, so it is injected)
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    await expect(
      safeWrite(join(out, 'new.pdf'), (tmp) => {
        writeFileSync(tmp, 'half');
        throw denied;
      }, { dataDir }),
    ).rejects.toThrow(/没有写入权限/);
    expect(existsSync(join(out, 'new.pdf'))).toBe(false);
    noTmp(out);
  });
});
