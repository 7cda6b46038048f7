import { DateInput } from '@mantine/dates';
import { parseTypedDate } from './typed-date';

/** "状态日期": the day statuses are computed for; empty means today. Typed (2021-06-30, 2021年6月30日) or picked. */
export function AsOfPicker({ value, onChange, w = 150 }: { value: string | null; onChange: (v: string | null) => void; w?: number | string }) {
  return (
    <DateInput
      label="状态日期"
      placeholder="今天"
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      dateParser={parseTypedDate}
      valueFormat="YYYY年M月D日"
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      clearable
      size="xs"
      w={w}
    />
  );
}
