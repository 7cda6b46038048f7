import type { Migration } from '../migrate';
import { migration0001 } from './0001_init';
import { migration0002 } from './0002_search';
import { migration0003 } from './0003_library';
import { migration0004 } from './0004_review_flags';
import { migration0005 } from './0005_cleanup';
import { migration0006 } from './0006_gazettes';
import { migration0007 } from './0007_trash';
import { migration0008 } from './0008_accounts';
import { migration0009 } from './0009_issue_trash';
import { migration0010 } from './0010_import_corrections';
import { migration0011 } from './0011_login_throttle';
import { migration0012 } from './0012_scans';
import { migration0013 } from './0013_campaign_organizer';
import { migration0014 } from './0014_source_origin';
import { migration0015 } from './0015_exchange';
import { migration0016 } from './0016_search_batch';
import { migration0017 } from './0017_relations_version';

/** Every shipped migration, in order. Never edit a shipped one: add the next. */
export const migrations: readonly Migration[] = [
  migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010,
  migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017,
];
