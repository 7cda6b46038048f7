import { userInfo } from 'node:os';
import { localCaller, type Caller, type Shell } from '../../../shared/contract';

/** The operating-system user running this process, as the audit log should name them. */
export function osUserName(): string {
  try {
    return userInfo().username || process.env.USER || process.env.USERNAME || '本机用户';
  } catch {
    // No passwd entry (some containers): the environment may still say who it is.
    return process.env.USER || process.env.USERNAME || '本机用户';
  }
}

/** The caller of a single-user installation's own shell: the OS user, allowed everything. */
export function systemCaller(shell: Shell): Caller {
  return localCaller(osUserName(), shell);
}
