import type { Migration } from '../migrate';

/**
 * Where an imported file came from when it says so itself (issue 20): a saved web page's own address and its
 * 发布日期, kept with the file as the documents' source. Both null for every other file.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'source-origin',
  up: `
ALTER TABLE source_files ADD COLUMN origin_url TEXT;
ALTER TABLE source_files ADD COLUMN origin_published TEXT;
`,
};
