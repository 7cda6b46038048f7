import type { Database } from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Gazettes as publications of their own (a county may publish several): title, numbering style, masthead
 * (主办, 编辑出版, 地址, 电话, 邮编), section presets and cover colour. Every issue belongs to one gazette and has a
 * state: imported issues stay as printed, new ones are drafts until published (then fixed until re-opened).
 * Existing imported issues get a gazette per title, taking the old global masthead setting as its defaults.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'gazettes',
  up(db: Database) {
    db.exec(`
CREATE TABLE gazettes (
  id               TEXT PRIMARY KEY,
  title            TEXT NOT NULL UNIQUE,
  numbering_style  TEXT NOT NULL DEFAULT 'year' CHECK (numbering_style IN ('year', 'cumulative')),
  sponsor          TEXT NOT NULL DEFAULT '',
  editor           TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  postcode         TEXT NOT NULL DEFAULT '',
  sections         TEXT NOT NULL DEFAULT '[]',      -- JSON array of section names, in print order
  cover_color      TEXT NOT NULL DEFAULT 'red' CHECK (cover_color IN ('red', 'black')),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
ALTER TABLE gazette_issues ADD COLUMN gazette_id TEXT REFERENCES gazettes(id) ON DELETE RESTRICT;
ALTER TABLE gazette_issues ADD COLUMN state TEXT NOT NULL DEFAULT 'imported' CHECK (state IN ('imported', 'draft', 'published'));
ALTER TABLE gazette_issues ADD COLUMN published_at TEXT;
CREATE INDEX gazette_issues_gazette ON gazette_issues(gazette_id, year, issue_number);
`);
    const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'masthead'").get();
    let m: Record<string, unknown> = {};
    try {
      m = row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
    } catch {
      m = {};
    }
    const text = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : '');
    const titles = db
      .prepare<[], { title: string }>('SELECT DISTINCT title FROM gazette_issues ORDER BY title')
      .all();
    const insert = db.prepare(`
      INSERT INTO gazettes (id, title, numbering_style, sponsor, editor, address, phone, postcode, sections, created_at, updated_at)
      VALUES (@id, @title, @style, @sponsor, @editor, @address, @phone, @postcode, @sections, @at, @at)`);
    const sectionsOf = db.prepare<[string], { section: string }>(`
      SELECT e.section FROM gazette_entries e JOIN gazette_issues g ON g.id = e.issue_id
      WHERE g.title = ? AND e.section IS NOT NULL GROUP BY e.section ORDER BY min(e.position)`);
    const attach = db.prepare<[string, string]>('UPDATE gazette_issues SET gazette_id = ? WHERE title = ?');
    const at = new Date().toISOString();
    titles.forEach((t, i) => {
      const id = `gz-migrated-${i + 1}`;
      // The old setting was one masthead for every issue: it is this gazette's only when its sponsor fits the title
      // (招远市人民政府 for 招远市人民政府公报), else 高青县's cover would keep saying 招远市人民政府主办.
      const sponsor = text('sponsor').trim();
      const own = !sponsor || t.title.startsWith(sponsor.replace(/办公室$/, ''));
      const field = (k: string) => (own ? text(k) : '');
      insert.run({
        id,
        title: t.title,
        // an import cannot tell 第1号 from 第1期: issues print as before until the editor sets the style
        style: 'year',
        sponsor: field('sponsor'),
        editor: field('editor'),
        address: field('address'),
        phone: field('phone'),
        postcode: field('postcode'),
        sections: JSON.stringify(sectionsOf.all(t.title).map((s) => s.section)),
        at,
      });
      attach.run(id, t.title);
    });
  },
};
