import { AppError } from './errors';

/**
 * SQLite failures a person can act on, as one Chinese line (a damaged file, a full disk) instead of an internal
 * error with a stack. Null for anything else.
 */
export function knownStorageFailure(err: unknown): AppError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError('INTERNAL', '数据库文件已损坏，无法读取。请在“设置 → 备份与恢复”中从备份恢复（或运行 normdesk restore --from 备份文件）。');
  }
  if (code === 'SQLITE_FULL') return new AppError('INTERNAL', '磁盘空间不足，未能保存。已保存的数据没有改动，请腾出空间后重试。');
  if (code.startsWith('SQLITE_IOERR')) return new AppError('INTERNAL', '读写数据库文件时出错（磁盘或文件系统问题），请检查磁盘后重试。');
  if (code.startsWith('SQLITE_READONLY')) return new AppError('INTERNAL', '数据库文件是只读的，无法保存修改。请检查数据目录的权限。');
  return null;
}
