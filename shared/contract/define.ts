import type { z } from 'zod';
import type { Access } from './caller';
// Loaded with every contract section, so its schemas refuse in Chinese wherever they are parsed.
import './issues';

/** One contract entry: the request and response schemas of a channel, and what a caller needs to use it. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  req: Req;
  res: Res;
  /** the permission the dispatcher checks before the handler runs */
  access: Access;
}

/** Identity helper that keeps each section's literal channel names and schema types. */
export function defineChannels<T extends Record<string, ChannelDef>>(defs: T): T {
  return defs;
}
