import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PACKAGE_KINDS, PackageCounts } from '../../../../shared/contract/packages';
import { Appointment, DocNumber, IsoDate } from '../../../../shared/domain/parse-result';
import { RelationType } from '../../../../shared/domain/document';
import { AppError } from '../../kernel/errors';
import { fingerprintOf, verifySignature } from './office';
import { deflatePart, readZip, writeZip, type ZipLimits, PACKAGE_LIMITS } from './zip';

/**
 * The .ndpkg format (version 1): a zip with `manifest.json` (what the package is, who sent it, the size and SHA-256
 * of every other part), `manifest.sig` (the sender's Ed25519 signature of manifest.json's exact bytes), and JSON parts.
 * Documents and audit rows come in chunks so no part grows past the reader's per-part limit. Ids inside are the
 * sender's: the receiver matches documents by 文号 + title + 成文日期.
 */
export const PACKAGE_FORMAT = 'normdesk-package';
export const PACKAGE_VERSION = 1;
const CHUNK = 1000;

const text = (max = 2000) => z.string().max(max);
const nullableText = (max = 2000) => z.string().max(max).nullable();

export const PkgDocument = z.object({
  id: text(64),
  title: text(500),
  docNumber: DocNumber.nullable(),
  registrationNumber: nullableText(100),
  issuers: z.array(text(100)).max(50),
  dateSigned: IsoDate.nullable(),
  kind: nullableText(50),
  isNormative: z.boolean(),
  effectiveClause: nullableText(),
  effectiveDate: IsoDate.nullable(),
  validityClause: nullableText(),
  validUntil: IsoDate.nullable(),
  declaredInvalidOn: IsoDate.nullable(),
  appointments: z.array(Appointment).max(1000),
  body: z.array(z.string().max(200_000)).max(20_000),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  createdAt: text(40),
  updatedAt: text(40),
});
export type PkgDocument = z.infer<typeof PkgDocument>;

export const PkgRelation = z.object({
  type: RelationType,
  sourceId: text(64),
  /** the sender's id of the target when it travels in the package, else null (a reference by 文号/title) */
  targetId: nullableText(64),
  targetDocNumber: nullableText(100),
  targetTitle: nullableText(500),
});
export type PkgRelation = z.infer<typeof PkgRelation>;

export const PkgSource = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: text(300),
  size: z.number().int().min(0),
  encoding: text(40),
  importedAt: text(40),
});
export type PkgSource = z.infer<typeof PkgSource>;

export const PkgCorrection = z.object({
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  documentId: nullableText(64),
  kind: z.enum(['field', 'split', 'merge']),
  field: nullableText(40),
  extractedValue: nullableText(200_000),
  correctedValue: nullableText(200_000),
  createdAt: text(40),
  createdBy: text(100),
});
export type PkgCorrection = z.infer<typeof PkgCorrection>;

const Decision = z.enum(['继续有效', '修改', '废止', '宣布失效']).nullable();
export const PkgCampaign = z.object({
  id: text(64),
  name: text(200),
  basisDocNumber: text(100),
  basisTitle: text(500),
  cutoff: IsoDate,
  scope: text(20_000),
  state: z.enum(['reviewing', 'published']),
  noticeDocNumber: nullableText(100),
  noticeDate: IsoDate.nullable(),
  noticeDocumentId: nullableText(64),
  createdAt: text(40),
  createdBy: text(100),
  publishedAt: nullableText(40),
  items: z
    .array(
      z.object({
        documentId: text(64),
        position: z.number().int(),
        decision: Decision,
        reason: text(),
        note: text(),
        opinion: Decision,
        opinionReason: text(),
        amendedBy: nullableText(64),
        decidedBy: nullableText(100),
        decidedAt: nullableText(40),
      }),
    )
    .max(100_000),
  scopeChanges: z
    .array(
      z.object({ documentId: text(64), title: text(500), docNumber: nullableText(100), change: z.enum(['add', 'remove']), reason: text(), at: text(40), actor: text(100) }),
    )
    .max(100_000),
});
export type PkgCampaign = z.infer<typeof PkgCampaign>;

export const PkgGazette = z.object({
  title: text(200),
  numberingStyle: z.enum(['year', 'cumulative']),
  sponsor: text(200),
  editor: text(200),
  address: text(200),
  phone: text(100),
  postcode: text(20),
  sections: z.array(text(100)).max(100),
  coverColor: z.enum(['red', 'black']),
});
export type PkgGazette = z.infer<typeof PkgGazette>;

export const PkgIssue = z.object({
  id: text(64),
  gazetteTitle: text(200),
  title: text(200),
  year: z.number().int().nullable(),
  issueNumber: z.number().int().nullable(),
  totalNumber: z.number().int().nullable(),
  publishDate: IsoDate.nullable(),
  state: z.enum(['imported', 'draft', 'published']),
  publishedAt: nullableText(40),
  entries: z
    .array(z.object({ position: z.number().int(), section: nullableText(100), title: text(500), page: z.number().int().nullable(), documentId: nullableText(64) }))
    .max(10_000),
});
export type PkgIssue = z.infer<typeof PkgIssue>;

export const PkgAudit = z.object({
  at: text(40),
  actor: text(200),
  action: text(60),
  entity: z.enum(['document', 'relation']),
  entityId: text(64),
  before: z.string().max(2_000_000).nullable(),
  after: z.string().max(2_000_000).nullable(),
});
export type PkgAudit = z.infer<typeof PkgAudit>;

const Manifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.number().int(),
  id: z.string().uuid(),
  kind: z.enum(PACKAGE_KINDS),
  label: text(300),
  createdAt: text(40),
  app: text(40),
  office: z.object({ name: text(60).min(1), publicKey: z.string().max(200), fingerprint: text(60) }),
  counts: PackageCounts,
  /** each part: its size and SHA-256, and the SHA-256 of its deflated bytes as stored (so no stored bit is unchecked) */
  parts: z
    .array(z.object({ name: text(200), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/), packed: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(20_000),
});
export type Manifest = z.infer<typeof Manifest>;

/** Everything a package carries, read and checked; ids are the sender's. */
export interface PackageContent {
  kind: Manifest['kind'];
  label: string;
  documents: PkgDocument[];
  relations: PkgRelation[];
  sources: PkgSource[];
  corrections: PkgCorrection[];
  campaigns: PkgCampaign[];
  gazettes: PkgGazette[];
  issues: PkgIssue[];
  audit: PkgAudit[];
  /** attached files (filing materials) by SHA-256 */
  files: Map<string, Buffer>;
  /** filing.json: the filing or answer records (checked by the filing feature) */
  filing: unknown[];
}

export interface ReadPackage {
  manifest: Manifest;
  content: PackageContent;
  bytes: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8');

function chunks<T>(prefix: string, rows: readonly T[]): Array<{ name: string; data: Buffer }> {
  const out: Array<{ name: string; data: Buffer }> = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push({ name: `${prefix}/${String(i / CHUNK + 1).padStart(4, '0')}.json`, data: json(rows.slice(i, i + CHUNK)) });
  }
  return out;
}

/** Writes a signed package of `content` for `office` (the signer signs manifest.json's bytes). */
export function writePackage(
  content: PackageContent,
  meta: { id: string; createdAt: string; app: string },
  office: { name: string; publicKey: string; fingerprint: string; sign(data: Uint8Array): string },
): { bytes: Buffer; manifest: Manifest } {
  const parts = [
    ...chunks('documents', content.documents),
    { name: 'relations.json', data: json(content.relations) },
    { name: 'sources.json', data: json(content.sources) },
    { name: 'corrections.json', data: json(content.corrections) },
    { name: 'campaigns.json', data: json(content.campaigns) },
    { name: 'gazettes.json', data: json(content.gazettes) },
    { name: 'issues.json', data: json(content.issues) },
    ...chunks('audit', content.audit),
    { name: 'filing.json', data: json(content.filing) },
    ...[...content.files].map(([hash, data]) => ({ name: `files/${hash}`, data })),
  ];
  const packed = parts.map((p) => ({ ...p, packed: deflatePart(p.data) }));
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    id: meta.id,
    kind: content.kind,
    label: content.label,
    createdAt: meta.createdAt,
    app: meta.app,
    office: { name: office.name, publicKey: office.publicKey, fingerprint: office.fingerprint },
    counts: countsOf(content),
    parts: packed.map((p) => ({ name: p.name, size: p.data.length, sha256: sha256(p.data), packed: sha256(p.packed) })),
  };
  const manifestBytes = json(manifest);
  // the manifest and the raw 64-byte signature are stored, not deflated: every byte of them is what is verified
  const signature = Buffer.from(office.sign(manifestBytes), 'base64');
  const entries = [{ name: 'manifest.json', data: manifestBytes, store: true }, { name: 'manifest.sig', data: signature, store: true }, ...packed];
  return { bytes: writeZip(entries), manifest };
}

export function countsOf(c: PackageContent): Manifest['counts'] {
  return {
    documents: c.documents.length,
    relations: c.relations.length,
    campaigns: c.campaigns.length,
    issues: c.issues.length,
    sources: c.sources.length,
    corrections: c.corrections.length,
    audit: c.audit.length,
    files: c.files.size,
    filings: c.filing.length,
  };
}

const refuse = (why: string) => new AppError('INVALID_INPUT', `数据包无法导入：${why}。文件库未作任何改动。`);

function parseJson<T>(name: string, data: Buffer, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    throw refuse(`部件“${name}”不是有效的 JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`部件“${name}”的内容不符合格式（${issue.path.join('.') || '整体'}：${issue.message}）`);
  }
  return parsed.data;
}

/** Reads and checks a package: limits, signature, every part's size and checksum, every part's schema and the counts. */
export function readPackage(bytes: Buffer, limits: ZipLimits = PACKAGE_LIMITS): ReadPackage {
  const zipped = readZip(bytes, limits);
  const manifestEntry = zipped.get('manifest.json');
  const sigEntry = zipped.get('manifest.sig');
  if (!manifestEntry || !sigEntry) throw refuse('缺少清单（manifest.json）或签名（manifest.sig），不是 NormDesk 数据包');
  if (!manifestEntry.stored || !sigEntry.stored || sigEntry.data.length !== 64) throw refuse('清单或签名的存储方式与 NormDesk 数据包不符');
  const manifestBytes = manifestEntry.data;
  const entries = new Map([...zipped].map(([name, e]) => [name, e.data]));
  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw refuse('清单（manifest.json）不是有效的 JSON');
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== PACKAGE_FORMAT) throw refuse('不是 NormDesk 数据包（清单格式不符）');
  if (head.data.version > PACKAGE_VERSION) throw refuse(`数据包由较新版本的 NormDesk 制作（格式版本 ${head.data.version}），请先升级本程序`);
  const manifest = parseJson('manifest.json', manifestBytes, Manifest);
  if (!verifySignature(manifest.office.publicKey, manifestBytes, sigEntry.data.toString('base64'))) {
    throw refuse(`签名验证失败：数据包不是由“${manifest.office.name}”的密钥签署，或签署后被改动过`);
  }
  if (fingerprintOf(manifest.office.publicKey) !== manifest.office.fingerprint) throw refuse('清单中的密钥指纹与密钥不符');
  const listed = new Set(manifest.parts.map((p) => p.name));
  for (const name of entries.keys()) {
    if (name !== 'manifest.json' && name !== 'manifest.sig' && !listed.has(name)) throw refuse(`部件“${name}”不在清单中`);
  }
  for (const p of manifest.parts) {
    const entry = zipped.get(p.name);
    if (!entry) throw refuse(`缺少清单所列的部件“${p.name}”`);
    if (entry.stored || entry.data.length !== p.size || sha256(entry.data) !== p.sha256 || sha256(entry.packed) !== p.packed) throw refuse(`部件“${p.name}”的校验值与清单不符，文件已损坏或被改动`);
  }
  const content = contentOf(manifest, entries);
  const counts = countsOf(content);
  for (const [k, v] of Object.entries(manifest.counts)) {
    if (counts[k as keyof typeof counts] !== v) throw refuse(`清单所列数量（${k}：${v}）与内容（${counts[k as keyof typeof counts]}）不符`);
  }
  return { manifest, content, bytes: bytes.length };
}

function contentOf(manifest: Manifest, entries: Map<string, Buffer>): PackageContent {
  const names = manifest.parts.map((p) => p.name);
  const one = <T>(name: string, schema: z.ZodType<T>): T[] => {
    const data = entries.get(name);
    return data ? parseJson(name, data, z.array(schema)) : [];
  };
  const many = <T>(prefix: string, schema: z.ZodType<T>): T[] =>
    names.filter((n) => n.startsWith(`${prefix}/`)).sort().flatMap((n) => parseJson(n, entries.get(n)!, z.array(schema).max(CHUNK)));
  const files = new Map<string, Buffer>();
  for (const n of names) {
    if (!n.startsWith('files/')) continue;
    const hash = n.slice('files/'.length);
    if (!/^[0-9a-f]{64}$/.test(hash) || sha256(entries.get(n)!) !== hash) throw refuse(`附件“${n}”的名称与内容不符`);
    files.set(hash, entries.get(n)!);
  }
  return {
    kind: manifest.kind,
    label: manifest.label,
    documents: many('documents', PkgDocument),
    relations: one('relations.json', PkgRelation),
    sources: one('sources.json', PkgSource),
    corrections: one('corrections.json', PkgCorrection),
    campaigns: one('campaigns.json', PkgCampaign),
    gazettes: one('gazettes.json', PkgGazette),
    issues: one('issues.json', PkgIssue),
    audit: many('audit', PkgAudit),
    files,
    filing: one('filing.json', z.unknown()),
  };
}
