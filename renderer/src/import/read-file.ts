import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_LABEL } from '../../../shared/contract/import';
import { ARCHIVE_EXTENSIONS, ARCHIVE_LIMITS, IMPORT_EXTENSIONS, IMPORT_TYPES_LABEL, isArchiveName, isImportable } from '../../../shared/import/supported';
import { archiveItems } from '../../../shared/import/zip-archive';

export const ACCEPTED = [...IMPORT_EXTENSIONS, ...ARCHIVE_EXTENSIONS].map((e) => `.${e}`);

/** Largest archive the page unpacks (it holds the archive in memory while its files are read one at a time). */
const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;

/** One file to import: a picked or dropped file, a file of a chosen folder (named by its path), or an archive's entry. */
export interface ImportItem {
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
}

/** A picked, dropped or folder file, named by its path inside the folder when it has one. */
export function fileItem(file: File, path?: string): ImportItem {
  return {
    name: path || file.name,
    size: file.size,
    read: async () => {
      try {
        return new Uint8Array(await file.arrayBuffer());
      } catch {
        throw new Error(`无法读取文件“${file.name}”：文件可能已被移动、删除或没有读取权限`);
      }
    },
  };
}

/** Why a file cannot be imported before reading it (the one upload limit, checked before anything is sent), or null. */
export function precheck(file: { name: string; size: number }): string | null {
  const ext = file.name.toLowerCase().match(/\.[^./]+$/)?.[0] ?? '';
  if (!ACCEPTED.includes(ext)) return `不支持的文件类型“${ext || '无扩展名'}”：可导入 ${IMPORT_TYPES_LABEL}`;
  if (isArchiveName(file.name)) return file.size > MAX_ARCHIVE_BYTES ? `压缩包过大（${(file.size / 1024 / 1024).toFixed(0)} MB），请解压后选择文件夹导入` : null;
  if (file.size > MAX_IMPORT_FILE_BYTES) return `文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB）：单个文件不能超过 ${MAX_IMPORT_FILE_LABEL}，请拆分后再导入`;
  if (file.size === 0) return '文件是空的，没有可导入的内容';
  return null;
}

/** The files of a zip archive as import items, and what was skipped with why (GBK or UTF-8 names). */
export async function unpack(archive: ImportItem): Promise<{ items: ImportItem[]; skipped: { name: string; reason: string }[] }> {
  const bytes = await archive.read();
  const items: ImportItem[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const it of archiveItems(archive.name, bytes, isImportable, ARCHIVE_LIMITS)) {
    if ('skipped' in it) skipped.push({ name: it.name, reason: it.skipped });
    else items.push({ name: it.name.length > 255 ? `…${it.name.slice(-254)}` : it.name, size: it.size, read: async () => it.load() });
  }
  return { items, skipped };
}

/** Bytes → base64 in chunks, so large files do not overflow the argument limit of String.fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Reads a file or an import item as base64; one that cannot be read gets a Chinese reason. */
export async function readAsBase64(item: File | ImportItem): Promise<string> {
  return bytesToBase64(await (item instanceof File ? fileItem(item) : item).read());
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

/** Every file under a dropped folder, named by its path (the folder's name first). */
async function walkEntry(entry: Entry, out: ImportItem[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
    out.push(fileItem(file, entry.fullPath.replace(/^\//, '')));
    return;
  }
  if (!entry.isDirectory || !entry.createReader) return;
  const reader = entry.createReader();
  // readEntries answers in batches (100 in Chromium) until an empty one
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    for (const e of batch.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      if (!e.name.startsWith('.') && !e.name.startsWith('~$')) await walkEntry(e, out);
    }
  }
}

/** What was dropped: files as they are, folders as every file under them. */
export async function droppedItems(data: DataTransfer): Promise<ImportItem[]> {
  const entries = Array.from(data.items ?? [])
    .map((i) => (i.kind === 'file' ? (i as DataTransferItem & { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.() ?? null : null));
  if (!entries.length || entries.some((e) => !e)) return Array.from(data.files).map((f) => fileItem(f));
  const out: ImportItem[] = [];
  for (const e of entries) await walkEntry(e!, out);
  return out;
}

/** Files of a chosen folder (an input with webkitdirectory), named by their path in it. */
export const folderItems = (files: File[]) =>
  files.filter((f) => !/(^|\/)(\.|~\$)/.test(f.webkitRelativePath || f.name)).map((f) => fileItem(f, f.webkitRelativePath || f.name));
