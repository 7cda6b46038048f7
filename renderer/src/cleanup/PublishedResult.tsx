import { Alert, Anchor, Badge, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Res } from '../../../shared/contract';
import type { Cleanup } from '../../../shared/domain/parse-result';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { ErrorAlert } from '../common/ErrorAlert';
import { dateFieldError, parseTypedDate } from '../common/typed-date';
import { displayDocNumber } from '../common/format';
import { DECISION_COLORS } from './decision-colors';
import { GuardedButton } from '../accounts/Allowed';

type Matches = Res<'cleanup:match-result'>;
type Applied = Res<'cleanup:apply-published'>;

/** A cleanup result notice as read from a text: its title, 文号, date and the rows of its annex lists. */
export interface PublishedNotice {
  title: string;
  docNumber: string | null;
  dateSigned: string | null;
  /** the notice's 发文机关 as read (confirmed in the form before anything is stored) */
  issuer?: string | null;
  items: Cleanup['items'];
}

/**
 * The annex lists of a published cleanup result, matched to the library, and applied as a completed campaign
 * (rows not found are listed, never guessed). Used by 文件清理 (a notice picked there) and by 导入 (a notice imported).
 */
export function PublishedResult({ notice, onApplied }: { notice: PublishedNotice; onApplied?: (done: Applied) => void }) {
  const call = useCall();
  const [matches, setMatches] = useState<Matches | null>(null);
  const [name, setName] = useState(notice.title);
  const [docNumber, setDocNumber] = useState(notice.docNumber ?? '');
  const [date, setDate] = useState(notice.dateSigned ?? '');
  const [issuer, setIssuer] = useState(notice.issuer ?? '');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Applied | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('cleanup:match-result', { items: notice.items })
      .then((m) => live && setMatches(m))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [call, notice.items]);

  const apply = async () => {
    if (!matches) return;
    setError(null);
    setBusy(true);
    try {
      const applied = await call('cleanup:apply-published', { name, docNumber, date: parseTypedDate(date) ?? date, issuer: issuer.trim() || undefined, title: notice.title, items: matches.map(({ decision, title, docNumber: n }) => ({ decision, title, docNumber: n })) });
      setDone(applied);
      onApplied?.(applied);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const found = matches?.filter((m) => m.documentId).length ?? 0;
  return (
    <Stack gap="sm">
      <ErrorAlert message={error} onClose={() => setError(null)} />
      {matches && !done && (
        <>
          <Group grow>
            <TextInput label="清理项目名称" value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput label="发文机关" description="通知尚未收录时，以此机关名义收录" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} />
            <TextInput label="通知文号" value={docNumber} onChange={(e) => setDocNumber(e.currentTarget.value)} />
            <TextInput label="公布日期" placeholder="如 2021-06-30" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={dateFieldError('公布日期', date)} />
          </Group>
          <Text size="sm">
            目录共 {matches.length} 行，文件库中找到 {found} 件，未找到 {matches.length - found} 件（未找到的不会应用）。
          </Text>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={96}>决定</Table.Th>
                <Table.Th>文件名称</Table.Th>
                <Table.Th>文号</Table.Th>
                <Table.Th>文件库中</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matches.map((m, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={DECISION_COLORS[m.decision]} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                      {m.decision}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.title ?? ''}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{displayDocNumber(m.docNumber)}</Table.Td>
                  <Table.Td>{m.documentId ? <Anchor href={`#/documents/${m.documentId}`} size="sm">{m.matchedTitle}</Anchor> : <Text size="sm" c="orange">未找到</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <GuardedButton channel="cleanup:apply-published" color="red" loading={busy} disabled={!found || !docNumber.trim() || !parseTypedDate(date)} onClick={() => void apply()}>
              作为已完成的清理应用到文件库
            </GuardedButton>
          </Group>
        </>
      )}
      {done && (
        <Alert color="green" title="已应用">
          <Text size="sm">
            已建立并公布清理项目 <Anchor href={`#/cleanup/${done.campaign.id}`}>{done.campaign.name}</Anchor>（{done.campaign.total} 件）。
          </Text>
          {done.notFound.length > 0 && (
            <List size="sm">
              {done.notFound.map((n, i) => (
                <List.Item key={i}>
                  未找到：{n.title ?? ''} {displayDocNumber(n.docNumber)}（{n.decision}）
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
