import { Button, Stack, Text, Title, Tooltip, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { contract, type Channel } from '../../../shared/contract';
import { ROLE_LABELS } from '../../../shared/contract/accounts';
import { ACCESS_LABELS } from '../../../shared/contract/caller';
import { useSession, type Session } from './session';

/** Why this session may not call a channel (in the words a person reads), or null when it may. */
export function refusalReason(session: Session, channel: Channel): string | null {
  const need = contract[channel].access;
  if (session.can(need)) return null;
  const who = session.role ? `「${ROLE_LABELS[session.role]}」账号` : '当前账号';
  return `需要「${ACCESS_LABELS[need]}」权限：${who}${session.displayName ? `（${session.displayName}）` : ''}不能进行此操作，请联系管理员。`;
}

/** Whether the current session may call the channel, and why not. */
export function useAllowed(channel: Channel): { allowed: boolean; reason: string | null } {
  const reason = refusalReason(useSession(), channel);
  return { allowed: reason === null, reason };
}

type GuardedProps = ButtonProps & Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & { channel: Channel };

/**
 * A button for an action the server allows only some roles: for the others it stays in place but disabled, with the
 * reason on hover (the form it opens would only be refused after it was filled in).
 */
export function GuardedButton({ channel, disabled, ...props }: GuardedProps) {
  const { allowed, reason } = useAllowed(channel);
  if (allowed) return <Button disabled={disabled} {...props} />;
  return (
    <Tooltip label={reason} multiline w={280} withArrow>
      {/* a disabled button gets no pointer events: the wrapper carries the hover */}
      <span style={{ display: 'inline-block' }} data-refused={channel}>
        <Button {...props} disabled onClick={undefined} aria-description={reason ?? undefined} />
      </span>
    </Tooltip>
  );
}

/** A page only some roles may use, opened by its address: says why instead of showing a form the server refuses. */
export function RouteGuard({ channel, title, children }: { channel: Channel; title: string; children: ReactNode }) {
  const { allowed, reason } = useAllowed(channel);
  if (allowed) return <>{children}</>;
  return (
    <Stack gap="sm" data-testid="route-refused">
      <Title order={2} size="h3" className="nd-page-title">
        {title}
      </Title>
      <Text>{reason}</Text>
    </Stack>
  );
}
