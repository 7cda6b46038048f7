import { Button, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DocumentPatch } from '../../../shared/contract/documents';
import type { Document } from '../../../shared/domain/document';
import { errorMessage, RpcCallError } from '../api/call';
import { DialogActions } from '../common/DialogActions';
import { ErrorAlert } from '../common/ErrorAlert';
import { DATE_LABELS, dateMessage, DocumentFields, fieldOfMessage, FIELD_DATES, formDate, toFieldsForm, validateFields, type FieldsForm } from './DocumentFields';

interface Form extends FieldsForm {
  declaredInvalidOn: string;
  body: string;
}

function toForm(d: Document): Form {
  return { ...toFieldsForm(d), declaredInvalidOn: d.declaredInvalidOn ?? '', body: d.body.join('\n') };
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
  // Dates go as the day they name, however they were typed (validated before this runs); retyping the same day is no edit.
  for (const f of [...FIELD_DATES, 'declaredInvalidOn'] as const) if (formDate(after[f]) !== formDate(before[f])) patch[f] = formDate(after[f]) || null;
  if (after.body !== before.body) patch.body = after.body.split('\n').map((p) => p.trim()).filter(Boolean);
  return patch;
}

function localErrors(f: Form): Partial<Record<keyof Form, string>> {
  // The 文号 is left to the service: its refusal names the reason.
  const errors: Partial<Record<keyof Form, string>> = validateFields(f, false);
  if (formDate(f.declaredInvalidOn) === null) errors.declaredInvalidOn = dateMessage(DATE_LABELS.declaredInvalidOn, f.declaredInvalidOn);
  return errors;
}

interface Props {
  document: Document;
  opened: boolean;
  onClose: () => void;
  /** `loadedAt` is the updatedAt of the copy being edited: the service refuses it when someone saved since */
  save: (patch: DocumentPatch, loadedAt: string) => Promise<void>;
  /** fetches the latest copy (offered when the save was refused because the document changed meanwhile) */
  onReload: () => void;
}

/** Edits every field of a stored document; the service's refusal (e.g. a 文号 that does not parse) is shown as is. */
export function EditDocumentModal({ document, opened, onClose, save, onReload }: Props) {
  const [initial, setInitial] = useState(() => toForm(document));
  const [loadedAt, setLoadedAt] = useState(document.updatedAt);
  const [conflict, setConflict] = useState(false);
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  // A refusal from the service about one field, shown under it until that field is changed.
  const [fieldError, setFieldError] = useState<{ field: keyof Form; message: string } | null>(null);

  useEffect(() => {
    if (!opened) return;
    const f = toForm(document);
    setInitial(f);
    setForm(f);
    setLoadedAt(document.updatedAt);
    setConflict(false);
    setError(null);
    setFieldError(null);
    setTouched(false);
  }, [opened, document]);

  const errors = { ...(fieldError ? { [fieldError.field]: fieldError.message } : {}), ...(touched ? localErrors(form) : {}) };
  const set = (patch: Partial<Form>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    if (fieldError && fieldError.field in patch) setFieldError(null);
  };

  const submit = async () => {
    setTouched(true);
    if (Object.keys(localErrors(form)).length) return;
    const patch = diffPatch(initial, form);
    if (Object.keys(patch).length === 0) return onClose();
    setBusy(true);
    setError(null);
    setFieldError(null);
    setConflict(false);
    try {
      await save(patch, loadedAt);
      onClose();
    } catch (err) {
      const message = errorMessage(err);
      const aboutField = err instanceof RpcCallError && (err.code === 'INVALID_INPUT' || /已用于/.test(message)) ? fieldOfMessage(message) : null;
      if (aboutField) setFieldError({ field: aboutField, message });
      else setError(message);
      setConflict(err instanceof RpcCallError && err.code === 'CONFLICT' && /已被修改/.test(err.message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="编辑文件信息" size="xl">
      <Stack gap="sm">
        <DocumentFields form={form} errors={errors} onChange={set} />
        <SimpleGrid cols={3}>
          <TextInput
            label="宣布失效日期"
            placeholder="如 2022-02-07"
            value={form.declaredInvalidOn}
            onChange={(e) => set({ declaredInvalidOn: e.currentTarget.value })}
            error={errors.declaredInvalidOn}
          />
        </SimpleGrid>
        <Textarea label="正文（每行一段）" autosize minRows={4} maxRows={14} value={form.body} onChange={(e) => set({ body: e.currentTarget.value })} />
        <ErrorAlert message={error} title={conflict ? '文件已被他人修改' : '未能保存'} />
        <DialogActions label="保存" busy={busy} onCancel={onClose} onConfirm={submit}>
          {conflict && (
            <Button variant="light" color="orange" onClick={onReload}>
              重新加载最新内容（放弃我的修改）
            </Button>
          )}
        </DialogActions>
      </Stack>
    </Modal>
  );
}
