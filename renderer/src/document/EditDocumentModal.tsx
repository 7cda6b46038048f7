import { Button, Group, Modal, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DocumentPatch } from '../../../shared/contract/documents';
import type { Document } from '../../../shared/domain/document';
import { errorMessage } from '../api/call';
import { ErrorAlert } from '../common/ErrorAlert';

interface Form {
  title: string;
  docNumber: string;
  registrationNumber: string;
  issuers: string[];
  dateSigned: string;
  kind: string;
  isNormative: boolean;
  effectiveClause: string;
  effectiveDate: string;
  validityClause: string;
  validUntil: string;
  declaredInvalidOn: string;
  body: string;
}

const DATE_FIELDS = ['dateSigned', 'effectiveDate', 'validUntil', 'declaredInvalidOn'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function toForm(d: Document): Form {
  return {
    title: d.title,
    docNumber: d.docNumber?.raw ?? '',
    registrationNumber: d.registrationNumber ?? '',
    issuers: d.issuers,
    dateSigned: d.dateSigned ?? '',
    kind: d.kind ?? '',
    isNormative: d.isNormative,
    effectiveClause: d.effectiveClause ?? '',
    effectiveDate: d.effectiveDate ?? '',
    validityClause: d.validityClause ?? '',
    validUntil: d.validUntil ?? '',
    declaredInvalidOn: d.declaredInvalidOn ?? '',
    body: d.body.join('\n'),
  };
}

/** Only what changed goes to the service, so the audit log records real edits. Empty text means "none". */
export function diffPatch(before: Form, after: Form): DocumentPatch {
  const patch: DocumentPatch = {};
  const nul = (s: string) => (s.trim() === '' ? null : s.trim());
  if (after.title !== before.title) patch.title = after.title.trim();
  if (after.docNumber !== before.docNumber) patch.docNumber = nul(after.docNumber);
  if (after.registrationNumber !== before.registrationNumber) patch.registrationNumber = nul(after.registrationNumber);
  if (after.issuers.join('\n') !== before.issuers.join('\n')) patch.issuers = after.issuers;
  if (after.kind !== before.kind) patch.kind = nul(after.kind);
  if (after.isNormative !== before.isNormative) patch.isNormative = after.isNormative;
  if (after.effectiveClause !== before.effectiveClause) patch.effectiveClause = nul(after.effectiveClause);
  if (after.validityClause !== before.validityClause) patch.validityClause = nul(after.validityClause);
  for (const f of DATE_FIELDS) if (after[f] !== before[f]) patch[f] = nul(after[f]);
  if (after.body !== before.body) patch.body = after.body.split('\n').map((p) => p.trim()).filter(Boolean);
  return patch;
}

/** Checks the person can fix before asking the service (which has the final word, e.g. on 文号). */
function localErrors(f: Form): Partial<Record<keyof Form, string>> {
  const errors: Partial<Record<keyof Form, string>> = {};
  if (!f.title.trim()) errors.title = '标题不能为空';
  for (const k of DATE_FIELDS) if (f[k].trim() && !ISO.test(f[k].trim())) errors[k] = '日期格式应为 YYYY-MM-DD，如 2022-02-07';
  return errors;
}

interface Props {
  document: Document;
  opened: boolean;
  onClose: () => void;
  save: (patch: DocumentPatch) => Promise<void>;
}

/** Edits every field of a stored document; the service's refusal (e.g. a 文号 that does not parse) is shown as is. */
export function EditDocumentModal({ document, opened, onClose, save }: Props) {
  const [initial, setInitial] = useState(() => toForm(document));
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (!opened) return;
    const f = toForm(document);
    setInitial(f);
    setForm(f);
    setError(null);
    setTouched(false);
  }, [opened, document]);

  const errors = touched ? localErrors(form) : {};
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((prev) => ({ ...prev, [k]: v }));
  const text = (k: Exclude<keyof Form, 'issuers' | 'isNormative'>) => ({
    value: form[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.currentTarget.value),
    error: errors[k],
  });

  const submit = async () => {
    setTouched(true);
    if (Object.keys(localErrors(form)).length) return;
    const patch = diffPatch(initial, form);
    if (Object.keys(patch).length === 0) return onClose();
    setBusy(true);
    setError(null);
    try {
      await save(patch);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="编辑文件信息" size="xl">
      <Stack gap="sm">
        <Textarea label="标题" autosize minRows={1} {...text('title')} />
        <SimpleGrid cols={3}>
          <TextInput label="文号" placeholder="如 招政发〔2022〕8号" {...text('docNumber')} />
          <TextInput label="登记号" placeholder="如 GQDR-2021-0020002" {...text('registrationNumber')} />
          <TextInput label="文种" placeholder="通知、意见、办法…" {...text('kind')} />
        </SimpleGrid>
        <TagsInput label="发文机关" value={form.issuers} onChange={(v) => set('issuers', v)} placeholder="输入后回车" />
        <SimpleGrid cols={4}>
          <TextInput label="成文日期" placeholder="YYYY-MM-DD" {...text('dateSigned')} />
          <TextInput label="施行日期" placeholder="YYYY-MM-DD" {...text('effectiveDate')} />
          <TextInput label="有效期至" placeholder="YYYY-MM-DD" {...text('validUntil')} />
          <TextInput label="宣布失效日期" placeholder="YYYY-MM-DD" {...text('declaredInvalidOn')} />
        </SimpleGrid>
        <Switch label="行政规范性文件" checked={form.isNormative} onChange={(e) => set('isNormative', e.currentTarget.checked)} />
        <Textarea label="施行条款" autosize minRows={1} {...text('effectiveClause')} />
        <Textarea label="有效期条款" autosize minRows={1} {...text('validityClause')} />
        <Textarea label="正文（每行一段）" autosize minRows={4} maxRows={14} {...text('body')} />
        <ErrorAlert message={error} title="未能保存" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={submit} loading={busy}>
            保存
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
