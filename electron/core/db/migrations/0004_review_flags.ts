import type { Migration } from '../migrate';

/**
 * Documents stored as printed although their facts contradict each other (有效期 ending before 施行, 施行 before
 * 成文): one row per document and kind, so the consistency checks can list them and an edit can clear them.
 * Documents stored before this version are flagged by the same rules.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'review-flags',
  up: `
CREATE TABLE document_flags (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,            -- 'validity-before-start' | 'effective-before-signed'
  message     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (document_id, kind)
) STRICT;
INSERT INTO document_flags (document_id, kind, message, created_at)
  SELECT id, 'validity-before-start',
    '有效期截止日期（' || valid_until || '）早于' || CASE WHEN effective_date IS NOT NULL THEN '施行日期（' ELSE '成文日期（' END
      || coalesce(effective_date, date_signed) || '），按原文保存，请核对。',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM documents WHERE valid_until IS NOT NULL AND coalesce(effective_date, date_signed) IS NOT NULL
    AND valid_until < coalesce(effective_date, date_signed);
INSERT INTO document_flags (document_id, kind, message, created_at)
  SELECT id, 'effective-before-signed',
    '施行日期（' || effective_date || '）早于成文日期（' || date_signed || '），按原文保存，请核对。',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM documents WHERE effective_date IS NOT NULL AND date_signed IS NOT NULL AND effective_date < date_signed;
`,
};
