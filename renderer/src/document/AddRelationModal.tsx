import { Autocomplete, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Req, Res } from '../../../shared/contract';
import { MAX_QUERY_CHARS } from '../../../shared/contract/search';
import { parseDocNumber } from '../../../shared/domain/docnumber';
import { RELATION_LABELS, RELATION_TYPES, type RelationType } from '../../../shared/domain/document';
import { useCall } from '../api/CallProvider';
import { useAction } from '../api/use-action';
import { DialogActions } from '../common/DialogActions';
import { ErrorAlert } from '../common/ErrorAlert';
import { displayDocNumber } from '../common/format';

type Suggestion = Res<'search:suggest'>[number];


const suggestionLabel = (s: Suggestion) => (s.docNumber ? `${displayDocNumber(s.docNumber)}\u3000${s.title}` : s.title);

/** What the typed target becomes: a picked library document, a 文号, or a title (the last two 未收录 until imported). */
export function relationTarget(text: string, picked: Suggestion | null): Pick<Req<'relations:add'>, 'targetId' | 'targetDocNumber' | 'targetTitle'> | null {
  if (picked) return { targetId: picked.id };
  const t = text.trim();
  if (!t) return null;
  return parseDocNumber(t) ? { targetDocNumber: t } : { targetTitle: t.replace(/^《(.*)》$/, '$1') };
}

function TargetHint({ text, picked }: { text: string; picked: Suggestion | null }) {
  const target = relationTarget(text, picked);
  if (!target) return null;
  const note = picked
    ? `将关联文件库中的《${picked.title}》${picked.docNumber ? `（${displayDocNumber(picked.docNumber)}）` : ''}。`
    : target.targetDocNumber
      ? `未从建议中选择文件：将按文号“${displayDocNumber(parseDocNumber(text.trim())?.normalized)}”记录；文件库中有此文号时自动关联，否则记为未收录，收录后自动关联。`
      : `未从建议中选择文件：将按标题《${target.targetTitle}》记录；文件库中有同名文件时自动关联，否则记为未收录。`;
  return (
    <Text size="xs" c={picked ? 'teal.8' : 'dimmed'} data-testid="relation-target-hint">
      {note}
    </Text>
  );
}

/** 添加关系: the type, and the target picked from the library by title/文号 or typed as a 文号/title not yet stored. */
export function AddRelationModal({ sourceId, opened, onClose, onAdded }: { sourceId: string; opened: boolean; onClose: () => void; onAdded: () => void }) {
  const call = useCall();
  const [type, setType] = useState<RelationType | null>(null);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Suggestion | null>(null);
  const [debounced] = useDebouncedValue(text, 200);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const action = useAction();
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setType(null);
    setText('');
    setPicked(null);
    action.setError(null);
    setTried(false);
  }, [opened]);

  useEffect(() => {
    const q = debounced.trim();
    if (!q || q.length > MAX_QUERY_CHARS || picked) return setSuggestions([]);
    let live = true;
    // Suggestions are a convenience: without them the text is recorded as a 文号 or title. A whole 文号 typed
    // suggests only the document of that 文号 (not its neighbours 招政发〔2022〕1号…9号, easy to pick by mistake).
    const typedNumber = parseDocNumber(q)?.normalized ?? null;
    call('search:suggest', { text: q, limit: 8 }).then(
      (res) => live && setSuggestions(res.filter((s) => s.id !== sourceId && (!typedNumber || (s.docNumber !== null && parseDocNumber(s.docNumber)?.normalized === typedNumber)))),
      () => live && setSuggestions([]),
    );
    return () => {
      live = false;
    };
  }, [call, debounced, picked, sourceId]);

  const byLabel = new Map(suggestions.map((s) => [suggestionLabel(s), s]));
  const target = relationTarget(text, picked);
  const submit = async () => {
    setTried(true);
    if (!type || !target) return;
    if (await action.run(() => call('relations:add', { sourceId, type, ...target }))) {
      onAdded();
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="添加关系" size="lg">
      <Stack gap="sm">
        <Radio.Group
          label="关系类型"
          description="本文件对目标文件的作用"
          value={type}
          onChange={(v) => setType(v as RelationType)}
          error={tried && !type ? '请选择关系类型' : undefined}
        >
          <Group gap="lg" mt={6}>
            {RELATION_TYPES.map((t) => (
              <Radio key={t} value={t} label={RELATION_LABELS[t].out} />
            ))}
          </Group>
        </Radio.Group>
        <Autocomplete
          label="目标文件"
          description="输入标题或文号，从文件库中选择；尚未收录的文件可直接填写文号或标题"
          placeholder="如 招政发〔2018〕27号 或 文件标题"
          value={text}
          onChange={(v) => {
            setText(v);
            if (picked && v !== suggestionLabel(picked)) setPicked(null);
          }}
          data={[...byLabel.keys()]}
          filter={({ options }) => options}
          onOptionSubmit={(v) => {
            const s = byLabel.get(v);
            if (s) setPicked(s);
          }}
          error={tried && !target ? '请选择或填写目标文件' : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <TargetHint text={text} picked={picked} />
        <ErrorAlert message={action.error} title="未能添加关系" />
        <DialogActions label="添加" busy={action.busy} onCancel={onClose} onConfirm={submit} />
      </Stack>
    </Modal>
  );
}
