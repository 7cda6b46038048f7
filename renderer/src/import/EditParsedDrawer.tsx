import { Button, Drawer, Group, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseDocNumber } from '../../../shared/domain/docnumber';
import type { ParsedDocument } from '../../../shared/domain/parse-result';
import { DocumentFields, formDate, toFieldsForm, validateFields, type FieldsForm } from '../document/DocumentFields';

function apply<T extends ParsedDocument>(d: T, f: FieldsForm): T {
  const nul = (s: string) => (s.trim() ? s.trim() : null);
  return {
    ...d,
    title: f.title.trim(),
    docNumber: f.docNumber.trim() ? parseDocNumber(f.docNumber.trim()) : null,
    registrationNumber: nul(f.registrationNumber),
    issuers: f.issuers,
    dateSigned: formDate(f.dateSigned) || null,
    kind: nul(f.kind),
    isNormative: f.isNormative,
    effectiveClause: nul(f.effectiveClause),
    effectiveDate: formDate(f.effectiveDate) || null,
    validityClause: nul(f.validityClause),
    validUntil: formDate(f.validUntil) || null,
  };
}

interface Props<T extends ParsedDocument> {
  doc: T | null;
  onClose: () => void;
  onSave: (doc: T) => void;
}

/** Corrects one extracted document before it is stored; a 文号 that does not parse cannot be confirmed. */
export function EditParsedDrawer<T extends ParsedDocument>({ doc, onClose, onSave }: Props<T>) {
  const [form, setForm] = useState<FieldsForm | null>(null);
  useEffect(() => setForm(doc ? toFieldsForm(doc) : null), [doc]);
  const errors = form ? validateFields(form, true) : {};

  return (
    <Drawer opened={doc !== null} onClose={onClose} position="right" size="lg" title="核对文件信息">
      {form && doc && (
        <Stack gap="sm">
          <DocumentFields form={form} errors={errors} onChange={(patch) => setForm((p) => (p ? { ...p, ...patch } : p))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button disabled={Object.keys(errors).length > 0} onClick={() => onSave(apply(doc, form))}>
              确定
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
