import { Button, Fieldset, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { Settings } from '../../../shared/contract/system';

type Rule = Settings['validityRules'][number];

const YEAR_FIELDS: Array<[keyof Pick<Rule, 'minYears' | 'maxYears' | 'minYearsTemporary' | 'maxYearsTemporary'>, string]> = [
  ['minYears', '有效期最短（年）'],
  ['maxYears', '有效期最长（年）'],
  ['minYearsTemporary', '暂行、试行最短（年）'],
  ['maxYearsTemporary', '暂行、试行最长（年）'],
];

/** What is wrong with the rules as typed (shown at the field; the save stays disabled), or null. */
export function validityRulesError(rules: Rule[]): string | null {
  const seen = new Set<string>();
  for (const r of rules) {
    if (r.province.trim().length < 2) return '每条规则须填写省份（如“山东”）';
    if (seen.has(r.province.trim())) return `省份“${r.province}”有两条规则，请合并`;
    seen.add(r.province.trim());
    if (r.basis.trim().length < 2) return `请填写“${r.province}”规则的依据（如“山东省行政程序规定第五十三条”）`;
    if (r.minYears > r.maxYears || r.minYearsTemporary > r.maxYearsTemporary) return `“${r.province}”规则的最短年限不能大于最长年限`;
  }
  return null;
}

const EMPTY_RULE: Rule = { province: '', basis: '', places: [], minYears: 3, maxYears: 5, minYearsTemporary: 1, maxYearsTemporary: 2 };

/**
 * 有效期规则: one rule per province, applied only to documents whose issuer belongs to it (the province named in the
 * issuer, one of the places listed, or the province's agency code); documents of other provinces get no validity warning.
 */
export function ValidityRulesFieldset({ rules, onChange }: { rules: Rule[]; onChange: (rules: Rule[]) => void }) {
  const set = (i: number, patch: Partial<Rule>) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const error = validityRulesError(rules);
  return (
    <Fieldset legend="有效期规则（按发文机关所在省份）">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          “未写明有效期”“有效期超过规定年限”的提示只按发文机关所在省份的规则给出，并注明依据；没有规则的省份（或看不出省份的发文机关）不作提示。
        </Text>
        {rules.map((r, i) => (
          <Paper key={i} withBorder p="sm" data-testid="validity-rule">
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <TextInput label="省份" w={120} value={r.province} onChange={(e) => set(i, { province: e.currentTarget.value })} />
                <TextInput label="依据（提示中写作“依……”）" style={{ flex: 1 }} value={r.basis} onChange={(e) => set(i, { basis: e.currentTarget.value })} />
                <Button variant="subtle" color="red" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                  删除此规则
                </Button>
              </Group>
              <SimpleGrid cols={4}>
                {YEAR_FIELDS.map(([k, label]) => (
                  <NumberInput key={k} label={label} min={0} max={50} allowDecimal={false} value={r[k]} onChange={(v) => set(i, { [k]: typeof v === 'number' ? v : Number(v) || 0 })} />
                ))}
              </SimpleGrid>
              <Textarea
                label="所属地名（发文机关名称以这些地名开头即适用此规则，空格或逗号分隔）"
                autosize
                minRows={2}
                maxRows={6}
                value={r.places.join(' ')}
                onChange={(e) => set(i, { places: e.currentTarget.value.split(/[\s,，、]+/).filter(Boolean) })}
              />
            </Stack>
          </Paper>
        ))}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={() => onChange([...rules, { ...EMPTY_RULE }])}>
            添加省份规则
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
