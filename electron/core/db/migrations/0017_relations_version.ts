import type { Migration } from '../migrate';

const STATUS_TYPES = `('abolishes', 'amends', 'replaces')`;
const BUMP = 'UPDATE search_state SET relations_version = relations_version + 1;';

/**
 * A counter of the relations that decide statuses (废止, 修改, 替代), moved by triggers on every insert, update
 * and delete of one — by this process or another. The status index re-read every such relation after any change
 * of any document (issue 25: under many editors, a read of the whole relations table per edit); now it re-reads
 * them only when this counter moved, or when a changed document is the source of one (its 施行日期 dates it).
 */
export const migration0017: Migration = {
  version: 17,
  name: 'relations_version',
  up: (db) => {
    db.exec(`
ALTER TABLE search_state ADD COLUMN relations_version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER status_relations_ai AFTER INSERT ON relations WHEN new.type IN ${STATUS_TYPES} BEGIN ${BUMP} END;
CREATE TRIGGER status_relations_au AFTER UPDATE ON relations WHEN old.type IN ${STATUS_TYPES} OR new.type IN ${STATUS_TYPES} BEGIN ${BUMP} END;
CREATE TRIGGER status_relations_ad AFTER DELETE ON relations WHEN old.type IN ${STATUS_TYPES} BEGIN ${BUMP} END;
`);
  },
};
