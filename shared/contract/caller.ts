/**
 * Who makes a request. Every request carries a caller: the dispatcher checks the channel's access against it,
 * handlers pass it to the services that write, and the audit log records it. Until accounts exist the caller is
 * the operating-system user of the machine the shell runs on, with every permission.
 */

/** Permissions, from least to most: read (查看), edit (编辑), review (法制审核), admin (管理员). */
export const ACCESS = ['read', 'edit', 'review', 'admin'] as const;
export type Access = (typeof ACCESS)[number];

/** What each permission lets a person do, in the words refusals use. */
export const ACCESS_LABELS: Record<Access, string> = {
  read: '查看',
  edit: '编辑',
  review: '法制审核',
  admin: '管理',
};

/** The shell a request came through. */
export type Shell = 'electron' | 'browser' | 'cli';

export interface Caller {
  /** the user name recorded in the audit log */
  user: string;
  shell: Shell;
  /** what this caller may do */
  access: readonly Access[];
}

/** The caller of a single-user installation: the OS user, allowed everything. */
export function localCaller(user: string, shell: Shell): Caller {
  return { user: user || '本机用户', shell, access: ACCESS };
}
