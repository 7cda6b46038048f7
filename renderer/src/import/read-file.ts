import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_LABEL } from '../../../shared/contract/import';

export const ACCEPTED = ['.txt', '.docx', '.pdf', '.ofd'];

/** Why a file cannot be imported before reading it (the one upload limit, checked before anything is sent), or null. */
export function precheck(file: File): string | null {
  const ext = file.name.toLowerCase().match(/\.[^.]+$/)?.[0] ?? '';
  if (!ACCEPTED.includes(ext)) return `不支持的文件类型“${ext || '无扩展名'}”：只能导入 .txt、.docx、.pdf、.ofd 文件`;
  if (file.size > MAX_IMPORT_FILE_BYTES) return `文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB）：单个文件不能超过 ${MAX_IMPORT_FILE_LABEL}，请拆分后再导入`;
  if (file.size === 0) return '文件是空的，没有可导入的内容';
  return null;
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

/** Reads a picked or dropped file as base64; a file that cannot be read gets a Chinese reason. */
export async function readAsBase64(file: File): Promise<string> {
  let buf: ArrayBuffer;
  try {
    buf = await file.arrayBuffer();
  } catch {
    throw new Error(`无法读取文件“${file.name}”：文件可能已被移动、删除或没有读取权限`);
  }
  return bytesToBase64(new Uint8Array(buf));
}
