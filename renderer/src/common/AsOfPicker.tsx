import { DatePickerInput } from '@mantine/dates';

/** "状态日期": the day statuses are computed for; empty means today. */
export function AsOfPicker({ value, onChange, w = 150 }: { value: string | null; onChange: (v: string | null) => void; w?: number | string }) {
  return (
    <DatePickerInput
      label="状态日期"
      placeholder="今天"
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
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
