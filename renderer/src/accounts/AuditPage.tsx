import { Alert, Anchor, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import type { AuditRecord } from '../../../shared/contract/accounts';
import { useRequest } from '../api/use-request';
import { ErrorAlert } from '../common/ErrorAlert';
import { Panel } from '../common/Panel';
import { auditActionLabel } from '../../../shared/domain/audit-actions';
import { visibleText } from '../../../shared/domain/visible-text';
import { changedFields } from '../document/History';
import { routeHref } from '../shell/router';
import { useSession } from './session';
import { localTime } from './UsersPage';

const LOGIN_FAILURES: Record<string, string> = { 'unknown-user': '无此用户', 'wrong-password': '密码错误', disabled: '账户已停用' };
const ENTITY_NAMES: Record<string, string> = { gazette: '公报', campaign: '清理项目', relation: '文件关系', document: '文件' };

/** A login row: the account, from which address, and why a login failed. */
function sessionSubject(r: AuditRecord): string {
  const a = (r.after ?? {}) as { from?: string; reason?: string };
  const parts = [a.from ? `来自 ${a.from}` : '', a.reason ? (LOGIN_FAILURES[a.reason] ?? a.reason) : ''].filter(Boolean);
  return `${r.entityId}${parts.length ? `（${parts.join('，')}）` : ''}`;
}

/** The object of a row: the document (with the fields a change touched), the issue by its 期号, the account and address. */
export function subject(r: AuditRecord): string {
  if (r.entity === 'session') return sessionSubject(r);
  if (r.entity === 'user') return r.entityId;
  const fields = changedFields({ ...r, actor: r.user }).map((f) => f.label);
  const name = r.documentTitle ?? r.subject ?? r.documentId ?? `${ENTITY_NAMES[r.entity] ?? r.entity}（已不存在）`;
  return visibleText(`${name}${fields.length ? `（${fields.join('、')}）` : ''}`);
}

function DayPicker({ label, value, onChange }: { label: string; value: string | null; onChange: (v: string | null) => void }) {
  return (
    <DatePickerInput
      label={label}
      placeholder="不限"
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="YYYY年M月D日"
      clearable
      size="xs"
      w={160}
    />
  );
}

/** 审计日志: who changed what and when, filterable by user and days (administrators only). */
export function AuditPage() {
  const session = useSession();
  const admin = session.can('admin');
  const [user, setUser] = useState<string | null>(null);
  const [since, setSince] = useState<string | null>(null);
  const [until, setUntil] = useState<string | null>(null);
  const users = useRequest('users:list', admin ? {} : null);
  const rows = useRequest('audit:list', admin ? { user: user ?? undefined, since: since ?? undefined, until: until ?? undefined, limit: 500 } : null);
  if (!admin) {
    return (
      <Alert color="yellow" title="没有权限" role="alert">
        审计日志只对管理员开放。
      </Alert>
    );
  }
  const names = (users.data ?? []).map((u) => ({ value: u.name, label: u.displayName ? `${u.displayName}（${u.name}）` : u.name }));
  if (!names.some((n) => n.value === session.user)) names.push({ value: session.user, label: session.user });
  return (
    <Stack gap="md">
      <Title order={2}>审计日志</Title>
      <Panel title="筛选">
        <Group align="flex-end">
          <Select label="用户" placeholder="全部用户" data={names} value={user} onChange={setUser} clearable searchable size="xs" w={200} />
          <DayPicker label="起始日期" value={since} onChange={setSince} />
          <DayPicker label="截止日期" value={until} onChange={setUntil} />
          <Text size="xs" c="dimmed">
            最多显示最近 500 条
          </Text>
        </Group>
      </Panel>
      <ErrorAlert message={rows.error} />
      <Table striped aria-label="审计日志">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>时间</Table.Th>
            <Table.Th w={120}>用户</Table.Th>
            <Table.Th w={130}>操作</Table.Th>
            <Table.Th>对象</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{localTime(r.at)}</Table.Td>
              {/* a failed login stores the name as typed: line breaks and direction overrides are shown, not obeyed */}
              <Table.Td>{visibleText(r.user)}</Table.Td>
              <Table.Td>{auditActionLabel(r.action)}</Table.Td>
              <Table.Td>
                {r.documentId ? (
                  <Anchor href={routeHref({ name: 'document', id: r.documentId, terms: [] })}>{subject(r)}</Anchor>
                ) : (
                  <Text size="sm">{r.entity === 'user' || r.entity === 'session' ? visibleText(r.entityId) : subject(r)}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.data?.length === 0 && <Text c="dimmed">没有符合条件的记录。</Text>}
    </Stack>
  );
}
