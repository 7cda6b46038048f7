import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from './index';
import {
  base64Length,
  importChannels,
  MAX_IMPORT_FILE_BYTES,
  MAX_PARSE_REQUEST_BASE64,
  MAX_PARSE_REQUEST_FILES,
  planChunks,
} from './import';

const parseReq = importChannels['import:parse'].req;
const commitReq = importChannels['import:commit'].req;

describe('one upload limit, transport limits derived from it (issue 14)', () => {
  it('a file at the limit fits one parse request and the transport limit, with a long name', () => {
    const file = { name: '长'.repeat(255), dataBase64: 'A'.repeat(base64Length(MAX_IMPORT_FILE_BYTES)) };
    expect(parseReq.safeParse({ files: [file] }).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify({ files: [file] }))).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it('an 8 MB file is not refused as over 10 MB (base64 is larger than the file)', () => {
    expect(parseReq.safeParse({ files: [{ name: 'a.pdf', dataBase64: 'A'.repeat(base64Length(8 * 1024 * 1024)) }] }).success).toBe(true);
  });

  it('twelve 1 MB files are planned into requests that each fit, and 60 files into requests of at most 20', () => {
    const sizes = Array.from({ length: 12 }, () => 1024 * 1024);
    const chunks = planChunks(sizes, MAX_PARSE_REQUEST_FILES, MAX_PARSE_REQUEST_BASE64, base64Length);
    expect(chunks.flat()).toHaveLength(12);
    for (const c of chunks) expect(c.reduce((n, s) => n + base64Length(s), 0)).toBeLessThanOrEqual(MAX_PARSE_REQUEST_BASE64);
    expect(chunks.length).toBeGreaterThan(1);
    expect(planChunks(Array.from({ length: 60 }, () => 10), 20, Infinity, () => 1).map((c) => c.length)).toEqual([20, 20, 20]);
    // A file heavier than a whole chunk goes alone rather than never.
    expect(planChunks([5, 50, 5], 10, 20, (n) => n)).toEqual([[5], [50], [5]]);
  });

  it('a parse request over the limit is refused in Chinese, asking to send in parts', () => {
    const half = { name: 'a.txt', dataBase64: 'A'.repeat(Math.ceil(MAX_PARSE_REQUEST_BASE64 / 2) + 100) };
    const r = parseReq.safeParse({ files: [half, half] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('一次发送的文件合计不能超过 10 MB，请分批发送');
  });
});

describe('import:commit takes staged ids, never bodies or hashes (issue 9)', () => {
  it('refuses the old shape with raw documents, and drops a body or hash slipped into a staged one', () => {
    const old = { files: [{ name: 'a.txt', sha256: 'a'.repeat(64), size: 1, encoding: 'utf-8', gazette: null, documents: [{ title: 't', body: ['x'] }] }] };
    expect(commitReq.safeParse(old).success).toBe(false);
    const staged = commitReq.parse({ files: [{ stagedId: 's1', gazette: null, sha256: 'f'.repeat(64), documents: [{ index: 0, body: ['篡改'], lineStart: 1 }] }] });
    expect(staged).toEqual({ files: [{ stagedId: 's1', gazette: null, documents: [{ index: 0 }] }] });
  });
});
