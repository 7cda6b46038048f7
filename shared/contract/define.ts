import type { z } from 'zod';

/** One contract entry: the request and response schemas of a channel. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  req: Req;
  res: Res;
}

/** Identity helper that keeps each section's literal channel names and schema types. */
export function defineChannels<T extends Record<string, ChannelDef>>(defs: T): T {
  return defs;
}
