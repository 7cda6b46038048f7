import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { registerSearchFunctions } from '../search-functions';
import { migrations } from './index';

function at3() {
  const db = new Database(':memory:');
  registerSearchFunctions(db);
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, 3);
  expect(schemaVersion(db)).toBe(3);
  return db;
}

describe('migration 0006 (gazettes)', () => {
  it('creates one gazette per imported title, attaches the issues and keeps their contents', () => {
    const db = at3();
    db.exec(`
      INSERT INTO settings (key, value) VALUES ('masthead', '{"sponsor":"招远市人民政府","editor":"招远市人民政府办公室","address":"招远市温泉路","phone":"0535-8211111","postcode":"265400"}');
      INSERT INTO gazette_issues (id, title, year, issue_number, total_number, publish_date, created_at)
        VALUES ('i1', '招远市人民政府公报', 2022, 1, NULL, '2022-04-07', '2026-01-01'),
               ('i2', '高青县人民政府公报', 2021, 3, NULL, NULL, '2026-01-01'),
               ('i3', '莱山区人民政府公报', 2021, 2, 20, NULL, '2026-01-01');
      INSERT INTO gazette_entries (issue_id, position, section, title) VALUES
        ('i1', 1, '【市政府文件】', '甲'), ('i1', 2, '【市政府办公室文件】', '乙'), ('i2', 1, '【人事任免】', '丙');`);
    migrate(db, migrations, 6);
    expect(schemaVersion(db)).toBe(6);
    const gz = db.prepare('SELECT * FROM gazettes ORDER BY title').all() as Record<string, string>[];
    expect(gz.map((g) => [g.title, g.numbering_style, g.sponsor])).toEqual([
      ['招远市人民政府公报', 'year', '招远市人民政府'],
      ['莱山区人民政府公报', 'year', ''],
      ['高青县人民政府公报', 'year', ''],
    ]);
    expect(JSON.parse(gz[0].sections)).toEqual(['【市政府文件】', '【市政府办公室文件】']);
    const issues = db.prepare('SELECT i.id, g.title, i.state FROM gazette_issues i JOIN gazettes g ON g.id = i.gazette_id ORDER BY i.id').all();
    expect(issues).toEqual([
      { id: 'i1', title: '招远市人民政府公报', state: 'imported' },
      { id: 'i2', title: '高青县人民政府公报', state: 'imported' },
      { id: 'i3', title: '莱山区人民政府公报', state: 'imported' },
    ]);
    expect(db.prepare('SELECT count(*) FROM gazette_entries').pluck().get()).toBe(3);
    db.close();
  });

  it('refuses an unknown issue state', () => {
    const db = at3();
    migrate(db, migrations, 6);
    expect(() =>
      db.exec("INSERT INTO gazette_issues (id, title, state, created_at) VALUES ('x', 't', 'lost', '2026-01-01')"),
    ).toThrow(/CHECK/);
    db.close();
  });
});
