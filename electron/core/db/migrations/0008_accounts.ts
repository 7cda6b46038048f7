import type { Migration } from '../migrate';

/**
 * Intranet mode: local accounts. Passwords are stored only as scrypt hashes with a per-user salt (the parameters
 * travel with the hash, so they can be raised later without a migration). Sessions live in the serving process,
 * not here. The audit log gains an index for the audit view, which filters by user and day.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'accounts',
  up: `
CREATE TABLE users (
  name           TEXT PRIMARY KEY,
  display_name   TEXT NOT NULL DEFAULT '',
  role           TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'reviewer', 'admin')),
  password_hash  TEXT NOT NULL,          -- scrypt$N$r$p$<salt base64>$<hash base64>
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  -- bumped on password change, reset and disabling: sessions made before are no longer honoured
  session_epoch  INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  last_login_at  TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS audit_log_actor_at ON audit_log(actor, at);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
`,
};
