import type { Migration } from '../migrate';
import { migration0001 } from './0001_init';

/** Every shipped migration, in order. Never edit a shipped one: add the next. */
export const migrations: readonly Migration[] = [migration0001];
