import { MAX_IMPORT_FILE_BYTES } from '../contract/import';
import type { ArchiveLimits } from './zip-archive';

/**
 * The file types an import reads, by extension: what the import page, a folder walk and an archive offer to
 * the service (which recognises each file by its content; see the readers' registry). Kept equal to the
 * readers' extensions by a test.
 */
export const IMPORT_EXTENSIONS: readonly string[] = [
  'txt', 'text', 'docx', 'docm', 'dotx', 'pdf', 'doc', 'wps', 'dot', 'wpt', 'odt', 'fodt', 'rtf', 'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml',
  'ofd', 'jpg', 'jpeg', 'png', 'tif', 'tiff',
];
/** Archives whose files are imported one by one. */
export const ARCHIVE_EXTENSIONS: readonly string[] = ['zip'];

const extOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase() ?? '';
/** True when a file of this name is read by an import. */
export const isImportable = (name: string) => IMPORT_EXTENSIONS.includes(extOf(name));
/** True when a file of this name is an archive to unpack. */
export const isArchiveName = (name: string) => ARCHIVE_EXTENSIONS.includes(extOf(name));

/** What one archive may hold: its files each within the upload limit, all of them within 1 GB. */
export const ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 10_000, maxEntryBytes: MAX_IMPORT_FILE_BYTES, maxTotalBytes: 1024 * 1024 * 1024 };

/** The supported types as people read them, for the import page and messages. */
export const IMPORT_TYPES_LABEL = '.txt、.docx、.doc、.wps、.pdf、.ofd、.rtf、.odt、.html/.htm、.mht，扫描图片 .jpg/.png/.tif（OCR 识别），及含这些文件的 .zip 压缩包';
