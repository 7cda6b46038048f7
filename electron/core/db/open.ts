import Database from 'better-sqlite3';
import { AppError } from '../kernel/errors';
import { isLargeDatabase, quickCheck } from './integrity';
import { migrate, refuseNewer } from './migrate';
import { migrations } from './migrations';
import { registerSearchFunctions } from './search-functions';

export type Db = Database.Database;

/**
 * Opens (or creates) the library database: checks integrity (small files; see integrity.ts), refuses a newer
 * schema untouched,
 * then migrates. `file` may be ':memory:' for tests.
 */
export function openDatabase(file: string): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new AppError('INTERNAL', `无法打开数据库文件 ${file}：${(err as Error).message}`);
  }
  try {
    // A large library is checked in the background after opening (createApp), so start-up stays fast.
    if (!isLargeDatabase(file)) quickCheck(db);
    // Before WAL is switched on: that alone would write to a newer app's file.
    refuseNewer(db, migrations);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    registerSearchFunctions(db); // the search triggers call these on every document write
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    const msg = (err as Error).message;
    if (/not a database|malformed/i.test(msg)) {
      throw new AppError('INTERNAL', `数据库文件已损坏或不是 NormDesk 数据库：${file}`);
    }
    throw err;
  }
}
