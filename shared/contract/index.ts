import type { z } from 'zod';
import { backupChannels } from './backup';
import type { Caller } from './caller';
import { accountsChannels } from './accounts';
import { cleanupChannels } from './cleanup';
import { documentsChannels } from './documents';
import { exportChannels } from './export';
import { gazettesChannels } from './gazettes';
import { importChannels, MAX_IMPORT_REQUEST_BYTES } from './import';
import { oversightChannels, trashChannels } from './oversight';
import { packagesChannels } from './packages';
import { filingChannels } from './filing';
import { searchChannels } from './search';
import { systemChannels } from './system';

/**
 * The single source of truth for what crosses between renderer and services: channel names with zod
 * request and response schemas. Add a channel in its section file and nowhere else.
 */
export const contract = {
  ...systemChannels,
  ...documentsChannels,
  ...importChannels,
  ...searchChannels,
  ...exportChannels,
  ...cleanupChannels,
  ...accountsChannels,
  ...oversightChannels,
  ...trashChannels,
  ...backupChannels,
  ...gazettesChannels,
  ...packagesChannels,
  ...filingChannels,
} as const;

export type Contract = typeof contract;
export type Channel = Extract<keyof Contract, string>;
/** What a caller passes (defaults may be omitted). */
export type Req<C extends Channel> = z.input<Contract[C]['req']>;
/** What a handler receives after validation (defaults filled in). */
export type ReqParsed<C extends Channel> = z.output<Contract[C]['req']>;
export type Res<C extends Channel> = z.output<Contract[C]['res']>;

/** What reaches every handler besides its request: who is asking, through which shell, with which permissions. */
export interface RequestContext {
  caller: Caller;
}

/** Every channel must have a handler: a missing one is a compile error. */
export type Handlers = { [C in Channel]: (req: ReqParsed<C>, rc: RequestContext) => Promise<Res<C>> };

export type { ErrorCode, RpcError, RpcResult } from './errors';
export { ERROR_CODES } from './errors';
export type { Access, Caller, Shell } from './caller';
export { ACCESS, ACCESS_LABELS, localCaller } from './caller';

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Largest request body accepted by any transport, in bytes: derived from the one upload limit (MAX_IMPORT_FILE_BYTES). */
export const MAX_REQUEST_BYTES = MAX_IMPORT_REQUEST_BYTES;
/** The request limit as people read it, for messages. */
export const MAX_REQUEST_LABEL = `${Math.ceil(MAX_REQUEST_BYTES / 1024 / 1024)} MB`;
