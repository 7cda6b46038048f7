import { Autocomplete, Kbd } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { Res } from '../../../shared/contract';
import { MAX_QUERY_CHARS } from '../../../shared/contract/search';
import { useCall } from '../api/CallProvider';
import { displayDocNumber } from '../common/format';
import { navigate } from './router';

type Suggestion = Res<'search:suggest'>[number];

/** The header search box: suggestions while typing, Enter opens the results page, Ctrl+K focuses it. */
export function GlobalSearch({ initial }: { initial: string }) {
  const call = useCall();
  const [text, setText] = useState(initial);
  const [debounced] = useDebouncedValue(text, 200);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  // Controlled, so Enter closes the list and suggestions arriving afterwards do not open it again.
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // Enter on a highlighted suggestion fires both onOptionSubmit and keydown; the flag keeps them apart.
  const pickedRef = useRef(false);

  useEffect(() => setText(initial), [initial]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const q = debounced.trim();
    if (!q || q.length > MAX_QUERY_CHARS) {
      setSuggestions([]);
      return;
    }
    let live = true;
    // Suggestions are a convenience: a failure simply shows none.
    call('search:suggest', { text: q, limit: 8 }).then(
      (res) => live && setSuggestions(res),
      () => live && setSuggestions([]),
    );
    return () => {
      live = false;
    };
  }, [call, debounced]);

  const label = (s: Suggestion) => (s.docNumber ? `${displayDocNumber(s.docNumber)}\u3000${s.title}` : s.title);
  const byLabel = new Map(suggestions.map((s) => [label(s), s]));

  return (
    <Autocomplete
      ref={inputRef}
      aria-label="全文检索"
      placeholder="检索标题、文号、机关、正文…"
      value={text}
      onChange={(v) => {
        setText(v);
        setOpen(true);
      }}
      dropdownOpened={open && suggestions.length > 0}
      onDropdownOpen={() => setOpen(true)}
      onDropdownClose={() => setOpen(false)}
      data={[...byLabel.keys()]}
      filter={({ options }) => options}
      limit={8}
      w={460}
      size="sm"
      rightSectionWidth={64}
      rightSection={
        <span style={{ whiteSpace: 'nowrap', fontSize: 11 }}>
          <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">K</Kbd>
        </span>
      }
      onOptionSubmit={(value) => {
        const s = byLabel.get(value);
        if (!s) return;
        pickedRef.current = true;
        setOpen(false);
        setText('');
        navigate({ name: 'document', id: s.id, terms: [] });
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        if (pickedRef.current) {
          pickedRef.current = false;
          return;
        }
        setOpen(false);
        const q = text.trim();
        if (q) navigate({ name: 'search', q });
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
