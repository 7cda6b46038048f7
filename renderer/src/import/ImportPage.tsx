import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useRef, useState } from 'react';
import { MAX_IMPORT_FILE_LABEL, type ImportSummary, type ParsedFile, type ReviewDocument } from '../../../shared/contract/import';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { decisionCounts, ImportedCleanupResults } from '../cleanup/ImportedCleanupResults';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, countDocs, displayDocNumber } from '../common/format';
import { routeHref } from '../shell/router';
import { EditParsedDrawer } from './EditParsedDrawer';
import { SplitDocumentModal } from './SplitDocumentModal';
import { ACCEPTED } from './read-file';
import { useImportBatch, type ReviewFile } from './use-import-batch';

const WARNING_LABELS: Record<ReviewDocument['reviewWarnings'][number]['kind'], string> = {
  'no-doc-number': '未识别出文号',
  'no-validity': '未写明有效期',
  'validity-too-long': '有效期超过规定年限',
  duplicate: '可能与已收录文件重复',
  'inconsistent-dates': '日期相互矛盾，将按原文保存并标记待核对',
  parse: '解析提示',
};

const WARNING_COLORS: Record<ReviewDocument['reviewWarnings'][number]['kind'], string> = {
  'no-doc-number': 'orange',
  'no-validity': 'yellow',
  'validity-too-long': 'red',
  duplicate: 'grape',
  'inconsistent-dates': 'red',
  parse: 'gray',
};

function gazetteLabel(g: NonNullable<ParsedFile['gazette']>): string {
  const parts = [g.title];
  if (g.year && g.issueNumber) parts.push(`${g.year}年第${g.issueNumber}期`);
  else if (g.issueNumber) parts.push(`第${g.issueNumber}期`);
  if (g.totalNumber) parts.push(`（总第${g.totalNumber}期）`);
  return parts.join(' ');
}

/** The row's corrections: fields (修改), and the boundaries between documents (拆分, 与下一件合并). */
function RowActions({ i, title, last, busy, onEdit, onSplit, onMerge }: {
  i: number;
  title: string;
  last: boolean;
  busy: boolean;
  onEdit: (i: number) => void;
  onSplit: (i: number) => void;
  onMerge: (i: number) => void;
}) {
  return (
    <Group gap={2} wrap="wrap">
      <Button size="compact-xs" variant="subtle" onClick={() => onEdit(i)}>
        修改
      </Button>
      <Button size="compact-xs" variant="subtle" aria-label={`拆分 ${title}`} disabled={busy} onClick={() => onSplit(i)}>
        拆分
      </Button>
      {!last && (
        <Tooltip label="把这一件与下一件合为一件（正文连接，保留这一件的标题等信息）">
          <Button size="compact-xs" variant="subtle" aria-label={`与下一件合并 ${title}`} disabled={busy} onClick={() => onMerge(i)}>
            与下一件合并
          </Button>
        </Tooltip>
      )}
    </Group>
  );
}

function FileReview({ file, busy, onToggle, onEdit, onSplit, onMerge }: {
  file: ReviewFile;
  busy: boolean;
  onToggle: (i: number, keep: boolean) => void;
  onEdit: (i: number) => void;
  onSplit: (i: number) => void;
  onMerge: (i: number) => void;
}) {
  const p = file.parsed;
  return (
    <Paper withBorder p="md" data-testid="review-file">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <Text fw={600}>{file.name}</Text>
          {p?.encoding && <Badge variant="outline" color="gray" size="sm">{p.encoding}</Badge>}
          {p?.alreadyImported && <Badge color="orange" size="sm">此文件已导入过</Badge>}
        </Group>
        {p && !p.error && (
          <Text size="sm" c="dimmed">
            识别出 {countDocs(p.documents.length)}，保留 {countDocs(file.docs.filter((d) => d.keep).length)}
          </Text>
        )}
      </Group>
      {p?.gazette && (
        <Text size="sm" mb="xs">
          公报：{gazetteLabel(p.gazette)}
          {p.gazette.publishDate ? `，${cnDate(p.gazette.publishDate)}出版` : ''}，目录 {p.gazette.toc.length} 条
        </Text>
      )}
      <ErrorAlert message={file.error ?? p?.error ?? null} title="此文件无法导入" />
      {p?.encodingNote && (
        <Alert color="yellow" variant="light" title="文件编码" mb="xs">
          {p.encodingNote}
        </Alert>
      )}
      {p && p.warnings.length > 0 && (
        <details style={{ marginBottom: 8 }}>
          <summary style={{ cursor: 'pointer', fontSize: 14, color: '#1a539a' }}>解析提示 {p.warnings.length} 条</summary>
          <List size="xs" mt={4}>
            {p.warnings.map((w, i) => (
              <List.Item key={i}>
                {w.line !== null ? `第 ${w.line} 行：` : ''}
                {w.message}
              </List.Item>
            ))}
          </List>
        </details>
      )}
      {file.docs.length > 0 && (
        <Table fz="sm" striped highlightOnHover verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48} style={{ whiteSpace: 'nowrap' }}>保留</Table.Th>
              <Table.Th miw={280}>标题</Table.Th>
              <Table.Th w={150}>文号</Table.Th>
              <Table.Th w={116}>成文日期</Table.Th>
              <Table.Th w={116}>有效期至</Table.Th>
              <Table.Th w={56}>文种</Table.Th>
              <Table.Th w={64} style={{ whiteSpace: 'nowrap' }}>规范性</Table.Th>
              <Table.Th w={230}>提示</Table.Th>
              <Table.Th w={104}>更正</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.docs.map(({ doc, keep, origin }, i) => (
              <Table.Tr key={i} style={{ opacity: keep ? 1 : 0.45 }} data-testid="review-row">
                <Table.Td>
                  <Checkbox aria-label={`保留 ${doc.title}`} checked={keep} onChange={(e) => onToggle(i, e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>
                  <span style={{ textDecoration: keep ? undefined : 'line-through' }}>{doc.title || <Text span c="red" size="sm">（未识别出标题）</Text>}</span>
                  {doc.cleanup && doc.cleanup.items.length > 0 && (
                    <Badge ml={6} size="sm" variant="light" color="blue" styles={{ root: { textTransform: 'none' } }}>
                      清理结果通知：{decisionCounts(doc.cleanup.items)}
                    </Badge>
                  )}
                  {origin && (
                    <Badge size="xs" ml={6} variant="outline" color="blue">
                      {origin === 'split' ? '拆分所得，请核对' : '合并所得，请核对'}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{doc.docNumber ? displayDocNumber(doc.docNumber.normalized) : <Text span c="dimmed" size="sm">无</Text>}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{cnDate(doc.dateSigned)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{cnDate(doc.validUntil)}</Table.Td>
                <Table.Td>{doc.kind}</Table.Td>
                <Table.Td>{doc.isNormative ? '是' : '否'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {doc.reviewWarnings.map((w, j) => (
                      <Tooltip key={j} label={WARNING_LABELS[w.kind]}>
                        <Badge
                          size="sm"
                          color={WARNING_COLORS[w.kind]}
                          variant="light"
                          styles={{ root: { height: 'auto', paddingBlock: 2, textTransform: 'none', fontWeight: 500 }, label: { whiteSpace: 'normal' } }}
                        >
                          {w.message}
                        </Badge>
                      </Tooltip>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <RowActions i={i} title={doc.title} last={i === file.docs.length - 1} busy={busy} onEdit={onEdit} onSplit={onSplit} onMerge={onMerge} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** What a save stored, skipped, flagged and refused, with links to the documents. */
function SummaryAlert({ summary }: { summary: ImportSummary }) {
  return (
    <Alert color="green" title="导入完成">
      <Stack gap={4}>
        <Text size="sm">
          新增 {countDocs(summary.created.length)}
          {summary.skipped.length ? `，${countDocs(summary.skipped.length)}已存在未重复保存` : ''}
          {summary.gazettes.length ? `，公报 ${summary.gazettes.length} 期` : ''}
          {summary.resolvedRelations ? `，关联了 ${summary.resolvedRelations} 处此前未收录的引用` : ''}
          {summary.flagged.length ? `，${countDocs(summary.flagged.length)}日期相互矛盾，已按原文保存并标记待核对` : ''}。
        </Text>
        {summary.skipped.length > 0 && (
          <List size="sm">
            {summary.skipped.map((s) => (
              <List.Item key={s.id}>
                已存在：<Anchor href={routeHref({ name: 'document', id: s.id, terms: [] })}>{s.title}</Anchor>
                {s.docNumber ? `（${displayDocNumber(s.docNumber)}）` : ''}
              </List.Item>
            ))}
          </List>
        )}
        {summary.flagged.length > 0 && (
          <List size="sm">
            {summary.flagged.map((f) => (
              <List.Item key={f.id}>
                已按原文保存并标记待核对：<Anchor href={routeHref({ name: 'document', id: f.id, terms: [] })}>{f.title}</Anchor>：{f.reason}
              </List.Item>
            ))}
          </List>
        )}
        {summary.refused.length > 0 && (
          <Alert color="red" variant="light" title={`${summary.refused.length} 项未保存（其余已保存）`}>
            <List size="sm">
              {summary.refused.map((r, i) => (
                <List.Item key={i}>{r.reason}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Anchor href={routeHref({ name: 'library' })} size="sm">
          到文件库查看 →
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** 导入: pick or drop files, watch them being read, review and correct what was found, then store it. */
export function ImportPage() {
  const { files, setFiles, progress, notice, saving, saveError, summary, cleanupNotices, addFiles, commit, update, rebound, stop } = useImportBatch(useCall());
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [editing, setEditing] = useState<{ file: number; doc: number } | null>(null);
  const [splitting, setSplitting] = useState<{ file: number; doc: number } | null>(null);
  const [merging, setMerging] = useState(false);
  const [boundaryError, setBoundaryError] = useState<string | null>(null);
  const splitFile = splitting ? files[splitting.file] : undefined;
  const merge = async (fi: number, di: number) => {
    setMerging(true);
    setBoundaryError(null);
    try {
      await rebound(fi, di, { kind: 'merge' });
    } catch (err) {
      setBoundaryError(errorMessage(err));
    } finally {
      setMerging(false);
    }
  };
  const kept = files.flatMap((f) => f.docs.filter((d) => d.keep));
  return (
    <Stack gap="md">
      <Title order={2} size="h3" className="nd-page-title">
        导入
      </Title>
      <div
        className="nd-dropzone"
        data-active={dragging}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addFiles(Array.from(e.dataTransfer.files));
        }}
      >
        <Stack gap="xs" align="center">
          <Text fw={600}>把公报或文件拖到这里，或</Text>
          <Button onClick={() => inputRef.current?.click()} disabled={!!progress || saving}>
            选择文件…
          </Button>
          <Text size="sm" c="dimmed">
            可一次选择任意多个文件：.txt（UTF-8、GBK/GB18030 等编码自动识别）、.docx、带文字层的 .pdf、.ofd；单个文件不超过 {MAX_IMPORT_FILE_LABEL}。保存前会先列出识别结果供核对。
          </Text>
        </Stack>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPTED.join(',')}
          aria-label="选择要导入的文件"
          style={{ display: 'none' }}
          onChange={(e) => {
            const list = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            void addFiles(list);
          }}
        />
      </div>
      {progress && (
        <Paper withBorder p="sm">
          <Group justify="space-between" mb={4}>
            <Text size="sm">
              {progress.phase === 'parse'
                ? `正在读取和识别（${progress.done}/${progress.total} 个文件已完成）：${progress.current}`
                : `正在保存（${progress.done}/${progress.total} 件已保存）：${progress.current}`}
            </Text>
            <Button size="compact-sm" variant="default" onClick={stop}>
              停止
            </Button>
          </Group>
          <Progress value={(progress.done / Math.max(1, progress.total)) * 100} animated aria-label="导入进度" />
        </Paper>
      )}
      {notice && (
        <Alert color="yellow" variant="light" title="已停止" role="status">
          {notice}
        </Alert>
      )}
      {summary && <SummaryAlert summary={summary} />}
      {summary && <ImportedCleanupResults notices={cleanupNotices} />}
      {files.map((f, fi) => (
        <FileReview
          key={fi}
          file={f}
          busy={merging || saving}
          onToggle={(di, keep) => update(fi, di, { keep })}
          onEdit={(di) => setEditing({ file: fi, doc: di })}
          onSplit={(di) => setSplitting({ file: fi, doc: di })}
          onMerge={(di) => void merge(fi, di)}
        />
      ))}
      <ErrorAlert message={boundaryError} title="未能合并" onClose={() => setBoundaryError(null)} />
      <ErrorAlert message={saveError} title="未能保存" />
      {files.length > 0 && (
        <Group justify="space-between" style={{ position: 'sticky', bottom: 0, background: '#f5f6f8', padding: '8px 0' }}>
          <Button variant="default" onClick={() => setFiles([])} disabled={saving}>
            放弃
          </Button>
          <Button onClick={commit} loading={saving} disabled={!kept.length}>
            保存 {countDocs(kept.length)}
          </Button>
        </Group>
      )}
      <SplitDocumentModal
        target={
          splitting && splitFile?.parsed?.stagedId
            ? { stagedId: splitFile.parsed.stagedId, index: splitting.doc, title: splitFile.docs[splitting.doc]?.doc.title ?? '' }
            : null
        }
        onClose={() => setSplitting(null)}
        onSplit={async (at) => {
          if (!splitting) return;
          await rebound(splitting.file, splitting.doc, { kind: 'split', at });
          setSplitting(null);
        }}
      />
      <EditParsedDrawer
        doc={editing ? files[editing.file]?.docs[editing.doc]?.doc ?? null : null}
        onClose={() => setEditing(null)}
        onSave={(doc) => {
          if (editing) update(editing.file, editing.doc, { doc });
          setEditing(null);
        }}
      />
    </Stack>
  );
}
