import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Caller } from '../../../../shared/contract';
import type { OfficeSettings } from '../../../../shared/contract/packages';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';

interface OfficeRow {
  name: string;
  issuers: string;
  filing_rule: OfficeSettings['filingRule'];
  review_days: number;
  filing_receiver: string;
  public_key: string | null;
  private_key: string | null;
  fingerprint: string | null;
  key_created_at: string | null;
}

/** The fingerprint people compare by phone or on paper: SHA-256 of the public key, first 16 bytes, groups of four. */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** Whether `signature` (base64) is the Ed25519 signature of `data` by the key `publicKeyBase64` (SPKI DER). */
export function verifySignature(publicKeyBase64: string, data: Uint8Array, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * This office: the name its packages carry, the filing rule, and its Ed25519 key, made on first use and kept in
 * the library (so a backup carries it). The private key never leaves this service.
 */
export function createOfficeService(ctx: Pick<AppContext, 'db' | 'now'>, audit: AuditService) {
  const read = ctx.db.prepare<[], OfficeRow>('SELECT * FROM exchange_office WHERE id = 1');
  const storeKey = ctx.db.prepare<[string, string, string, string]>(
    'UPDATE exchange_office SET public_key = ?, private_key = ?, fingerprint = ?, key_created_at = ? WHERE id = 1 AND public_key IS NULL',
  );
  const storeSettings = ctx.db.prepare<[string, string, string, number, string]>(
    'UPDATE exchange_office SET name = ?, issuers = ?, filing_rule = ?, review_days = ?, filing_receiver = ? WHERE id = 1',
  );

  function row(): OfficeRow {
    const r = read.get();
    if (!r) throw new AppError('INTERNAL', '本机关信息缺失（exchange_office）');
    return r;
  }

  /** The key pair, made (once) when first needed; its making is audited for the person whose action needed it. */
  function key(by?: Caller): { publicKey: string; privateKey: string; fingerprint: string } {
    const r = row();
    if (r.public_key && r.private_key && r.fingerprint) return { publicKey: r.public_key, privateKey: r.private_key, fingerprint: r.fingerprint };
    const pair = generateKeyPairSync('ed25519');
    const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const privateKey = pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const made = storeKey.run(publicKey, privateKey, fingerprintOf(publicKey), ctx.now().toISOString());
    if (made.changes && by) audit.record(by, 'office.key', 'office', '1', null, { fingerprint: fingerprintOf(publicKey) });
    // a concurrent first use may have won: whatever is stored is the key
    const stored = row();
    return { publicKey: stored.public_key!, privateKey: stored.private_key!, fingerprint: stored.fingerprint! };
  }

  function settings(): OfficeSettings {
    const r = row();
    return {
      name: r.name,
      issuers: JSON.parse(r.issuers) as string[],
      filingRule: r.filing_rule,
      reviewDays: r.review_days,
      filingReceiver: r.filing_receiver,
      fingerprint: r.fingerprint,
      keyCreatedAt: r.key_created_at,
    };
  }

  return {
    settings,
    /** Changes the office name, the 制定机关 it files for and the filing rule (audited). */
    update(by: Caller, patch: Partial<Pick<OfficeSettings, 'name' | 'issuers' | 'filingRule' | 'reviewDays' | 'filingReceiver'>>): OfficeSettings {
      const before = settings();
      const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as OfficeSettings;
      ctx.db.transaction(() => {
        storeSettings.run(next.name.trim(), JSON.stringify(next.issuers), next.filingRule, next.reviewDays, next.filingReceiver.trim());
        const { fingerprint: _f, keyCreatedAt: _k, ...shown } = before;
        const { fingerprint: _g, keyCreatedAt: _l, ...after } = next;
        audit.record(by, 'office.update', 'office', '1', shown, after);
      })();
      return settings();
    },
    /** The public identity packages carry; makes the key on first use. */
    identity(by: Caller): { name: string; publicKey: string; fingerprint: string } {
      const name = settings().name.trim();
      if (!name) throw new AppError('INVALID_INPUT', '请先在“设置 → 机关与备案”中填写本机关名称，数据包要写明发送机关。');
      const k = key(by);
      return { name, publicKey: k.publicKey, fingerprint: k.fingerprint };
    },
    /** Signs bytes with this office's key (base64 Ed25519 signature). */
    sign(data: Uint8Array): string {
      const k = createPrivateKey({ key: Buffer.from(key().privateKey, 'base64'), format: 'der', type: 'pkcs8' });
      return sign(null, data, k).toString('base64');
    },
    /** The fingerprint, making the key if there is none yet (设置 shows it). */
    fingerprint(by: Caller): string {
      return key(by).fingerprint;
    },
  };
}
export type OfficeService = ReturnType<typeof createOfficeService>;
