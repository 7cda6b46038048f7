import type { Handlers } from '../../../../shared/contract';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';
import type { AccountService } from './account-service';

type AccountHandlers = Pick<
  Handlers,
  'users:list' | 'users:add' | 'users:update' | 'users:reset-password' | 'users:unlock' | 'users:locks' | 'session:change-password' | 'session:info' | 'audit:list'
>;

/** User management (administrators), the caller's own session and password, and the audit view. */
export function createAccountHandlers(_ctx: AppContext, accounts: AccountService, audit: AuditService): AccountHandlers {
  return {
    'users:list': async () => accounts.list(),
    'users:add': async (req, { caller }) => accounts.add(caller, req),
    'users:update': async (req, { caller }) => accounts.update(caller, req),
    'users:reset-password': async ({ name, password }, { caller }) => accounts.resetPassword(caller, name, password),
    'users:unlock': async (req, { caller }) => ({ cleared: accounts.unlock(caller, req) }),
    'users:locks': async () => accounts.locks(),
    'session:change-password': async ({ oldPassword, newPassword }, { caller }) => {
      await accounts.changePassword(caller, oldPassword, newPassword);
      return { ok: true as const };
    },
    'session:info': async (_req, { caller }) => accounts.sessionInfo(caller),
    'audit:list': async (filter) => audit.list(filter).map(({ actor, ...rest }) => ({ user: actor, ...rest })),
  };
}
