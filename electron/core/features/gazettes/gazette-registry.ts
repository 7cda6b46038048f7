import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Caller } from '../../../../shared/contract';
import { DEFAULT_SECTIONS, type Gazette, type GazetteInput } from '../../../../shared/contract/gazettes';
import { AppError } from '../../kernel/errors';
import type { AppContext } from '../../kernel/context';
import type { AuditService } from '../audit/audit-service';

type Input = z.output<typeof GazetteInput>;

interface GazetteRow {
  id: string;
  title: string;
  numbering_style: 'year' | 'cumulative';
  sponsor: string;
  editor: string;
  address: string;
  phone: string;
  postcode: string;
  sections: string;
  cover_color: 'red' | 'black';
  issue_count: number;
}

function toGazette(r: GazetteRow): Gazette {
  return {
    id: r.id,
    title: r.title,
    numberingStyle: r.numbering_style,
    sponsor: r.sponsor,
    editor: r.editor,
    address: r.address,
    phone: r.phone,
    postcode: r.postcode,
    sections: JSON.parse(r.sections) as string[],
    coverColor: r.cover_color,
    issueCount: r.issue_count,
  };
}

const view = ({ issueCount: _n, id: _i, ...rest }: Gazette) => rest;

/** The gazettes (publications) a library holds: each with its own masthead, numbering and section presets. */
export function createGazetteRegistry(ctx: Pick<AppContext, 'db' | 'now' | 'settings'>, audit: AuditService) {
  const db = ctx.db;
  const select = `SELECT z.*, (SELECT count(*) FROM gazette_issues i WHERE i.gazette_id = z.id) AS issue_count FROM gazettes z`;
  const allStmt = db.prepare<[], GazetteRow>(`${select} ORDER BY z.title`);
  const byId = db.prepare<[string], GazetteRow>(`${select} WHERE z.id = ?`);
  const byTitle = db.prepare<[string], GazetteRow>(`${select} WHERE z.title = ?`);
  const insert = db.prepare(`
    INSERT INTO gazettes (id, title, numbering_style, sponsor, editor, address, phone, postcode, sections, cover_color, created_at, updated_at)
    VALUES (@id, @title, @numberingStyle, @sponsor, @editor, @address, @phone, @postcode, @sections, @coverColor, @at, @at)`);
  const update = db.prepare(`
    UPDATE gazettes SET title = @title, numbering_style = @numberingStyle, sponsor = @sponsor, editor = @editor, address = @address,
      phone = @phone, postcode = @postcode, sections = @sections, cover_color = @coverColor, updated_at = @at WHERE id = @id`);
  const retitleIssues = db.prepare<[string, string]>('UPDATE gazette_issues SET title = ? WHERE gazette_id = ?');

  function get(id: string): Gazette {
    const row = byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `未找到公报 ${id}`);
    return toGazette(row);
  }

  function refuseTakenTitle(title: string, id: string | null) {
    const other = byTitle.get(title);
    if (other && other.id !== id) throw new AppError('CONFLICT', `已有名为“${title}”的公报，请换一个名称或使用已有的公报。`);
  }

  function create(by: Caller, input: Input): Gazette {
    refuseTakenTitle(input.title, null);
    const id = randomUUID();
    db.transaction(() => {
      insert.run({ id, ...input, sections: JSON.stringify(input.sections), at: ctx.now().toISOString() });
      audit.record(by, 'gazette.define', 'gazette', id, null, input);
    })();
    return get(id);
  }

  return {
    get,
    create,
    /** Every gazette, by title. */
    all(): Gazette[] {
      return allStmt.all().map(toGazette);
    },

    /** Changes a gazette's settings; a new title is carried to its issues (audited). */
    update(by: Caller, id: string, patch: Partial<Input>): Gazette {
      const before = get(id);
      const next = { ...view(before), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Input;
      if (next.title !== before.title) refuseTakenTitle(next.title, id);
      db.transaction(() => {
        update.run({ id, ...next, sections: JSON.stringify(next.sections), at: ctx.now().toISOString() });
        if (next.title !== before.title) retitleIssues.run(next.title, id);
        audit.record(by, 'gazette.settings', 'gazette', id, view(before), next);
      })();
      return get(id);
    },

    /**
     * The gazette an imported issue belongs to, by title; made on first sight with the old global masthead as its
     * defaults when that masthead fits the title (the 主办 of 招远市人民政府公报 is not 高青县's), numbered as the
     * imported issue prints it (第2号（总第20号） or 2021年第3期); a gazette already defined keeps its own setting.
     */
    ensureForTitle(by: Caller, title: string, unit?: '期' | '号'): Gazette {
      const row = byTitle.get(title);
      if (row) return toGazette(row);
      const m = ctx.settings.get().masthead;
      const own = !m.sponsor.trim() || title.startsWith(m.sponsor.trim().replace(/办公室$/, ''));
      const pick = (v: string) => (own ? v : '');
      return create(by, {
        title,
        numberingStyle: unit === '号' ? 'cumulative' : 'year',
        sponsor: pick(m.sponsor),
        editor: pick(m.editor),
        address: pick(m.address),
        phone: pick(m.phone),
        postcode: pick(m.postcode),
        sections: DEFAULT_SECTIONS,
        coverColor: 'red',
      });
    },
  };
}
export type GazetteRegistry = ReturnType<typeof createGazetteRegistry>;
