import { Button, Drawer, Group, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseDocNumber } from '../../../shared/domain/docnumber';
import type { ParsedDocument } from '../../../shared/domain/parse-result';

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
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DATES = ['dateSigned', 'effectiveDate', 'validUntil'] as const;

function toForm(d: ParsedDocument): Form {
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
  };
}

/** Field problems in Chinese: a 文号 that does not parse, malformed dates, an end before the start. */
export function validateParsed(f: Form): Partial<Record<keyof Form, string>> {
  const e: Partial<Record<keyof Form, string>> = {};
  if (!f.title.trim()) e.title = '标题不能为空';
  if (f.docNumber.trim() && !parseDocNumber(f.docNumber.trim())) e.docNumber = '无法识别的文号，应形如“招政发〔2022〕8号”';
  for (const k of DATES) if (f[k].trim() && !ISO.test(f[k].trim())) e[k] = '日期格式应为 YYYY-MM-DD，如 2022-02-07';
  const start = f.effectiveDate.trim() || f.dateSigned.trim();
  if (!e.validUntil && f.validUntil.trim() && ISO.test(start) && f.validUntil.trim() < start) e.validUntil = '有效期截止日期早于施行（成文）日期';
  if (!e.effectiveDate && f.effectiveDate.trim() && ISO.test(f.dateSigned.trim()) && f.effectiveDate.trim() < f.dateSigned.trim())
    e.effectiveDate = '施行日期早于成文日期';
  return e;
}

function apply(d: ParsedDocument, f: Form): ParsedDocument {
  const nul = (s: string) => (s.trim() ? s.trim() : null);
  return {
    ...d,
    title: f.title.trim(),
    docNumber: f.docNumber.trim() ? parseDocNumber(f.docNumber.trim()) : null,
    registrationNumber: nul(f.registrationNumber),
    issuers: f.issuers,
    dateSigned: nul(f.dateSigned),
    kind: nul(f.kind),
    isNormative: f.isNormative,
    effectiveClause: nul(f.effectiveClause),
    effectiveDate: nul(f.effectiveDate),
    validityClause: nul(f.validityClause),
    validUntil: nul(f.validUntil),
  };
}

interface Props<T extends ParsedDocument> {
  doc: T | null;
  onClose: () => void;
  onSave: (doc: T) => void;
}

/** Corrects one extracted document before it is stored. */
export function EditParsedDrawer<T extends ParsedDocument>({ doc, onClose, onSave }: Props<T>) {
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => setForm(doc ? toForm(doc) : null), [doc]);
  const errors = form ? validateParsed(form) : {};
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((p) => (p ? { ...p, [k]: v } : p));
  const text = (k: Exclude<keyof Form, 'issuers' | 'isNormative'>) => ({
    value: form?.[k] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.currentTarget.value),
    error: errors[k],
  });

  return (
    <Drawer opened={doc !== null} onClose={onClose} position="right" size="lg" title="核对文件信息">
      {form && doc && (
        <Stack gap="sm">
          <Textarea label="标题" autosize minRows={1} {...text('title')} />
          <SimpleGrid cols={2}>
            <TextInput label="文号" placeholder="如 招政发〔2022〕8号" {...text('docNumber')} />
            <TextInput label="登记号" {...text('registrationNumber')} />
          </SimpleGrid>
          <TagsInput label="发文机关" value={form.issuers} onChange={(v) => set('issuers', v)} />
          <SimpleGrid cols={3}>
            <TextInput label="成文日期" placeholder="YYYY-MM-DD" {...text('dateSigned')} />
            <TextInput label="施行日期" placeholder="YYYY-MM-DD" {...text('effectiveDate')} />
            <TextInput label="有效期至" placeholder="YYYY-MM-DD" {...text('validUntil')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label="文种" {...text('kind')} />
            <Switch mt={28} label="行政规范性文件" checked={form.isNormative} onChange={(e) => set('isNormative', e.currentTarget.checked)} />
          </SimpleGrid>
          <Textarea label="施行条款" autosize minRows={1} {...text('effectiveClause')} />
          <Textarea label="有效期条款" autosize minRows={1} {...text('validityClause')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button disabled={Object.keys(errors).length > 0} onClick={() => onSave(apply(doc, form) as T)}>
              确定
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
