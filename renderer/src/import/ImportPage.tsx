import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useRef, useState } from 'react';
import { formatIssueNumber } from '../../../shared/contract/gazettes';
import { MAX_IMPORT_FILE_LABEL, type ImportSummary, type ParsedFile, type ReviewDocument } from '../../../shared/contract/import';
import { errorMessage } from '../api/call';
import { useCall } from '../api/CallProvider';
import { decisionCounts, ImportedCleanupResults } from '../cleanup/ImportedCleanupResults';
import { ErrorAlert } from '../common/ErrorAlert';
import { cnDate, countDocs, displayDocNumber } from '../common/format';
import { routeHref } from '../shell/router';
import { EditParsedDrawer } from './EditParsedDrawer';
import { ScanProofModal } from './ScanProofModal';
import { SplitDocumentModal } from './SplitDocumentModal';
import { IMPORT_TYPES_LABEL } from '../../../shared/import/supported';
import { useOcrProgress } from './use-ocr-progress';
import { ACCEPTED, droppedItems, folderItems, type ImportItem } from './read-file';
import { isIncomplete, reviewCounts, useImportBatch, type ReviewFile } from './use-import-batch';

const WARNING_LABELS: Record<ReviewDocument['reviewWarnings'][number]['kind'], string> = {
  'no-title': '未识别出标题：补填后才能保存，或取消保留跳过',
  'no-doc-number': '未识别出文号',
  'no-validity': '未写明有效期',
  'validity-too-long': '有效期超过规定年限',
  duplicate: '可能与已收录文件重复',
  'inconsistent-dates': '日期相互矛盾，将按原文保存并标记待核对',
  parse: '解析提示',
  'damaged-text': '文字有无法识别的字符，将标记待核对',
  encoding: '编码提示',
};

const WARNING_COLORS: Record<ReviewDocument['reviewWarnings'][number]['kind'], string> = {
  'no-title': 'red',
  'no-doc-number': 'orange',
  'no-validity': 'yellow',
  'validity-too-long': 'red',
  duplicate: 'grape',
  'inconsistent-dates': 'red',
  parse: 'gray',
  'damaged-text': 'red',
  encoding: 'orange',
};

/** The issue as the file prints it: `第2号（总第20号）` stays 号. */
function gazetteLabel(g: NonNullable<ParsedFile['gazette']>): string {
  return `${g.title} ${formatIssueNumber(g.issueUnit === '号' ? 'cumulative' : 'year', g)}`;
}

/** The row's corrections: fields (修改), and the boundaries between documents (拆分, 与下一件合并). */
function RowActions({ i, title, last, busy, onEdit, onSplit, onMerge, onProof }: {
  i: number;
  title: string;
  last: boolean;
  busy: boolean;
  onEdit: (i: number) => void;
  onSplit: (i: number) => void;
  onMerge: (i: number) => void;
  /** the file was read from scans: check this document against its pages */
  onProof?: (i: number) => void;
}) {
  return (
    <Group gap={2} wrap="wrap">
      {onProof && (
        <Button size="compact-xs" variant="light" color="orange" aria-label={`对照原图校对 ${title}`} onClick={() => onProof(i)}>
          对照原图校对
        </Button>
      )}
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

function FileReview({ file, busy, onToggle, onEdit, onSplit, onMerge, onProof }: {
  file: ReviewFile;
  busy: boolean;
  onToggle: (i: number, keep: boolean) => void;
  onEdit: (i: number) => void;
  onSplit: (i: number) => void;
  onMerge: (i: number) => void;
  onProof: (i: number) => void;
}) {
  const p = file.parsed;
  // a file of a folder or archive left out on purpose (its type, a nested archive) is said plainly, not as an error
  const error = file.error ?? p?.error ?? null;
  const skipped = error?.startsWith('已跳过：') ? error : null;
  return (
    <Paper withBorder p="md" data-testid="review-file">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <Text fw={600}>{file.name}</Text>
          {p?.encoding && <Badge variant="outline" color="gray" size="sm">{p.encoding}</Badge>}
          {p?.alreadyImported && <Badge color="orange" size="sm">此文件已导入过</Badge>}
          {p?.scan && (
            <Tooltip label={`由 ${p.scan.engine} 在本机识别；请对照原图核对`}>
              <Badge color="orange" variant="light" size="sm" data-testid="ocr-badge">
                扫描件 · OCR 识别 {p.scan.pages} 页{p.scan.lowConfidence ? ` · ${p.scan.lowConfidence} 个字待核对` : ''}
              </Badge>
            </Tooltip>
          )}
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
      {p?.origin && (
        <Text size="sm" mb="xs" data-testid="file-origin">
          来源：{p.origin.url ?? '（网页未写明网址）'}
          {p.origin.published ? `，发布日期 ${cnDate(p.origin.published)}` : ''}（保存时随文件记录）
        </Text>
      )}
      {skipped ? (
        <Text size="sm" c="dimmed">
          {skipped}
        </Text>
      ) : (
        <ErrorAlert message={error} title="此文件无法导入" />
      )}
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
                  <Checkbox aria-label={`保留 ${doc.title || `第${i + 1}件（无标题）`}`} checked={keep} onChange={(e) => onToggle(i, e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>
                  <span style={{ textDecoration: keep ? undefined : 'line-through' }}>
                    {doc.title || (
                      <Text span c={keep ? 'red' : 'dimmed'} size="sm">
                        （未识别出标题{keep ? '' : '，已跳过'}）
                      </Text>
                    )}
                  </span>
                  {isIncomplete({ doc, keep }) && (
                    <Button ml={6} size="compact-xs" color="red" variant="light" onClick={() => onEdit(i)}>
                      补填标题
                    </Button>
                  )}
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
                  <RowActions i={i} title={doc.title} last={i === file.docs.length - 1} busy={busy} onEdit={onEdit} onSplit={onSplit} onMerge={onMerge} onProof={p?.scan ? onProof : undefined} />
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
          {summary.flagged.length ? `，${countDocs(summary.flagged.length)}日期相互矛盾或文字有损坏，已按原文保存并标记待核对` : ''}。
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

/** The save button says what it will do: how many are saved, skipped, and (blocking it) incomplete. */
export function saveLabel({ kept, skipped, incomplete }: { kept: number; skipped: number; incomplete: number }): string {
  const extra = [skipped ? `跳过 ${skipped} 件` : '', incomplete ? `${incomplete} 件缺标题待补填` : ''].filter(Boolean).join('，');
  return `保存 ${countDocs(kept - incomplete)}${extra ? `（${extra}）` : ''}`;
}

/** Where files come in: picked, a chosen folder, or dropped (files and folders). */
function ImportDropzone({ busy, addFiles }: { busy: boolean; addFiles: (list: Array<File | ImportItem>) => Promise<void> }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  return (
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
        // folders are walked (every file under them); a browser without folder entries gives the files
        const files = Array.from(e.dataTransfer.files);
        void droppedItems(e.dataTransfer).then(addFiles, () => addFiles(files));
      }}
    >
      <Stack gap="xs" align="center">
        <Text fw={600}>把公报或文件拖到这里，或</Text>
        <Group gap="xs">
          <Button onClick={() => inputRef.current?.click()} disabled={busy}>
            选择文件…
          </Button>
          <Button variant="default" onClick={() => folderRef.current?.click()} disabled={busy}>
            选择文件夹…
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          可一次选择任意多个文件或整个文件夹（含子文件夹）：{IMPORT_TYPES_LABEL}（文本编码自动识别；无文字层的 PDF 和扫描图片在本机离线 OCR 识别）；单个文件不超过 {MAX_IMPORT_FILE_LABEL}。保存前会先列出识别结果供核对。
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
      <input
        ref={folderRef}
        type="file"
        // @ts-expect-error -- webkitdirectory (choose a folder) is not in React's input attributes
        webkitdirectory=""
        aria-label="选择要导入的文件夹"
        style={{ display: 'none' }}
        onChange={(e) => {
          const list = folderItems(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
          void addFiles(list);
        }}
      />
    </div>
  );
}

/** 导入: pick or drop files, watch them being read, review and correct what was found, then store it. */
export function ImportPage() {
  const call = useCall();
  const { files, setFiles, progress, notice, saving, saveError, summary, cleanupNotices, addFiles, commit, update, rebound, replaceStaged, skipIncomplete, stop } =
    useImportBatch(call);
  const [editing, setEditing] = useState<{ file: number; doc: number } | null>(null);
  const [splitting, setSplitting] = useState<{ file: number; doc: number } | null>(null);
  const [proofing, setProofing] = useState<{ file: number; doc: number } | null>(null);
  const ocr = useOcrProgress(progress?.phase === 'parse');
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
  const counts = reviewCounts(files);
  return (
    <Stack gap="md">
      <Title order={2} size="h3" className="nd-page-title">
        导入
      </Title>
      <ImportDropzone busy={!!progress || saving} addFiles={addFiles} />
      {progress && (
        <Paper withBorder p="sm">
          <Group justify="space-between" mb={4}>
            <Text size="sm">
              {progress.phase === 'parse'
                ? `正在读取和识别（${progress.done}/${progress.total} 个文件已完成）：${ocr ? `${ocr.file}，OCR 识别第 ${Math.min(ocr.done + 1, ocr.total)}/${ocr.total} 页` : progress.current}`
                : `正在保存（${progress.done}/${progress.total} 件已保存）：${progress.current}`}
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => { stop(); if (ocr) void call('import:cancel', {}); }}>
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
          onProof={(di) => setProofing({ file: fi, doc: di })}
        />
      ))}
      <ErrorAlert message={boundaryError} title="未能合并" onClose={() => setBoundaryError(null)} />
      <ErrorAlert message={saveError} title="未能保存" />
      {files.length > 0 && (
        <Group justify="space-between" style={{ position: 'sticky', bottom: 0, background: '#f5f6f8', padding: '8px 0' }}>
          <Button variant="default" onClick={() => setFiles([])} disabled={saving}>
            放弃
          </Button>
          <Group gap="sm">
            {counts.incomplete > 0 && (
              <>
                <Text size="sm" c="red" data-testid="incomplete-note">
                  {countDocs(counts.incomplete)}没有标题：请补填标题，或跳过（不保留）
                </Text>
                <Button variant="light" color="red" onClick={skipIncomplete} disabled={saving}>
                  跳过没有标题的 {countDocs(counts.incomplete)}
                </Button>
              </>
            )}
            <Button onClick={commit} loading={saving} disabled={!counts.kept || counts.incomplete > 0} data-testid="save-import">
              {saveLabel(counts)}
            </Button>
          </Group>
        </Group>
      )}
      <ScanProofModal
        target={
          proofing && files[proofing.file]?.parsed?.stagedId
            ? { stagedId: files[proofing.file].parsed!.stagedId!, index: proofing.doc, title: files[proofing.file].docs[proofing.doc]?.doc.title ?? '' }
            : null
        }
        onClose={() => setProofing(null)}
        onCorrected={(res) => proofing && replaceStaged(proofing.file, proofing.doc, res)}
      />
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
