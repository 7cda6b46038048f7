import type { Segment } from './highlight';

const CLAUSE_TITLES = { effective: '施行条款', validity: '有效期条款', abolish: '废止条款' } as const;

/** Renders segments with <mark>s: clause marks (coloured by kind) around search-term marks. */
export function HighlightedText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => {
        const inner = s.term ? <mark className="nd-hl-term">{s.text}</mark> : s.text;
        return s.clause ? (
          <mark key={i} className={`nd-hl-${s.clause}`} title={CLAUSE_TITLES[s.clause]}>
            {inner}
          </mark>
        ) : (
          <span key={i}>{inner}</span>
        );
      })}
    </>
  );
}
