import type { Migration } from '../migrate';

/**
 * The body that organises a cleanup campaign (issue 22: the result notice named another city's government because
 * it defaulted to the first issuer in scope). It is the default 发文机关 of the campaign's result notice; empty for
 * campaigns made before, whose publish dialog then asks for it.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'campaign-organizer',
  up: `
ALTER TABLE cleanup_campaigns ADD COLUMN organizer TEXT NOT NULL DEFAULT '';
`,
};
