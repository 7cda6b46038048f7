import type { Migration } from '../migrate';

/**
 * Login throttling kept in the library (issue 26/22): failed logins counted per account, per address and per
 * account-from-address, so a lock survives a restart of the server, and the CLI on the server machine (another
 * process) can lift it with `normdesk user unlock`. Only counters and times: never a password.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'login-throttle',
  up: `
CREATE TABLE login_throttle (
  key           TEXT PRIMARY KEY,      -- 'u:<name>', 'a:<address>' or 'p:<name> <address>'
  failures      INTEGER NOT NULL CHECK (failures >= 0),
  locked_until  INTEGER NOT NULL,      -- epoch milliseconds; 0 = not locked
  updated_at    TEXT NOT NULL
) STRICT;
`,
};
