import { SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { parseDocNumber } from '../../../shared/domain/docnumber';
import type { ParsedDocument } from '../../../shared/domain/parse-result';
import { dateFieldError, parseTypedDate } from '../common/typed-date';

/** The editable metadata every document has, stored or just extracted, as form text. */
export interface FieldsForm {
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

type Source = Pick<ParsedDocument, 'title' | 'registrationNumber' | 'issuers' | 'dateSigned' | 'kind' | 'isNormative' | 'effectiveClause' | 'effectiveDate' | 'validityClause' | 'validUntil'> & {
  docNumber: { raw: string } | null;
};

export const FIELD_DATES = ['dateSigned', 'effectiveDate', 'validUntil'] as const;
type FieldDate = (typeof FIELD_DATES)[number];
type NamedField = 'title' | 'docNumber' | FieldDate | 'declaredInvalidOn';
/** The refusal of a date field that names no real day, naming the field (`成文日期“2022-02-30”不是有效的日期…`). */
export const dateMessage = (label: string, text: string): string => dateFieldError(label, text) ?? '';
export const DATE_LABELS: Record<FieldDate | 'declaredInvalidOn', string> = {
  dateSigned: '成文日期',
  effectiveDate: '施行日期',
  validUntil: '有效期至',
  declaredInvalidOn: '宣布失效日期',
};

/** A date field's text as the day it names (typed as 2022-02-07, 2022/2/7 or 2022年2月7日); '' when left empty. */
export function formDate(text: string): string | null {
  return text.trim() ? parseTypedDate(text) : '';
}

/** The form field a service refusal is about, by the field it names first (dates, 文号, 标题); null when none. */
export function fieldOfMessage(message: string): NamedField | null {
  const names: Array<[string, NamedField]> = [
    ['成文日期', 'dateSigned'],
    ['施行日期', 'effectiveDate'],
    ['有效期截止日期', 'validUntil'],
    ['有效期至', 'validUntil'],
    ['宣布失效日期', 'declaredInvalidOn'],
    ['文号', 'docNumber'],
    ['标题', 'title'],
  ];
  const found = names.map(([name, key]) => [message.indexOf(name), key] as const).filter(([at]) => at >= 0);
  return found.length ? found.reduce((a, b) => (b[0] < a[0] ? b : a))[1] : null;
}

/** A document's fields as form text (null → empty). */
export function toFieldsForm(d: Source): FieldsForm {
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

/**
 * Problems the person can fix before anything is sent, in Chinese. `checkDocNumber` parses the 文号 locally (the
 * import review has no service round-trip before saving; a stored document's edit lets the service decide).
 */
export function validateFields(f: FieldsForm, checkDocNumber: boolean): Partial<Record<keyof FieldsForm, string>> {
  const e: Partial<Record<keyof FieldsForm, string>> = {};
  if (!f.title.trim()) e.title = '标题不能为空';
  if (checkDocNumber && f.docNumber.trim() && !parseDocNumber(f.docNumber.trim())) e.docNumber = '无法识别的文号，应形如“招政发〔2022〕8号”';
  const day = Object.fromEntries(FIELD_DATES.map((k) => [k, formDate(f[k])])) as Record<FieldDate, string | null>;
  for (const k of FIELD_DATES) if (day[k] === null) e[k] = dateMessage(DATE_LABELS[k], f[k]);
  const start = day.effectiveDate || day.dateSigned;
  if (day.validUntil && start && day.validUntil < start) e.validUntil = '有效期截止日期早于施行（成文）日期';
  if (day.effectiveDate && day.dateSigned && day.effectiveDate < day.dateSigned) e.effectiveDate = '施行日期早于成文日期';
  return e;
}

interface Props {
  form: FieldsForm;
  errors: Partial<Record<keyof FieldsForm, string>>;
  onChange: (patch: Partial<FieldsForm>) => void;
}

/** The inputs for those fields, laid out the same in the document editor and the import review. */
export function DocumentFields({ form, errors, onChange }: Props) {
  const text = (k: Exclude<keyof FieldsForm, 'issuers' | 'isNormative'>) => ({
    value: form[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange({ [k]: e.currentTarget.value }),
    error: errors[k],
  });
  return (
    <Stack gap="sm">
      <Textarea label="标题" autosize minRows={1} {...text('title')} />
      <SimpleGrid cols={3}>
        <TextInput label="文号" placeholder="如 招政发〔2022〕8号" {...text('docNumber')} />
        <TextInput label="登记号" placeholder="如 GQDR-2021-0020002" {...text('registrationNumber')} />
        <TextInput label="文种" placeholder="通知、意见、办法…" {...text('kind')} />
      </SimpleGrid>
      <TagsInput label="发文机关" value={form.issuers} onChange={(issuers) => onChange({ issuers })} placeholder="输入后回车" />
      <SimpleGrid cols={3}>
        <TextInput label="成文日期" placeholder="如 2022-02-07" {...text('dateSigned')} />
        <TextInput label="施行日期" placeholder="如 2022-02-07" {...text('effectiveDate')} />
        <TextInput label="有效期至" placeholder="如 2025-02-06" {...text('validUntil')} />
      </SimpleGrid>
      <Switch label="行政规范性文件" checked={form.isNormative} onChange={(e) => onChange({ isNormative: e.currentTarget.checked })} />
      <Textarea label="施行条款" autosize minRows={1} {...text('effectiveClause')} />
      <Textarea label="有效期条款" autosize minRows={1} {...text('validityClause')} />
    </Stack>
  );
}
