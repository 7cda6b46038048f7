import type { ParseArgsConfig } from 'node:util';
import type { App } from '../core/composition';
import { AppError } from '../core/kernel/errors';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** What a command gets: its parsed arguments, output streams, and the library opened on demand. */
export interface CliContext {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  /** opens the library in the data directory chosen by --data / NORMDESK_DATA / the default */
  /** `shell` is 'browser' when the command serves the UI (serve), else 'cli' */
  openApp(shell?: 'cli' | 'browser'): App;
  dataDir: string;
  out(text: string): void;
  err(text: string): void;
}

/** One CLI command, one file under electron/cli/commands. */
export interface CliCommand {
  name: string;
  /** one line, Chinese, shown in `normdesk --help` */
  summary: string;
  /** usage lines shown by `normdesk <command> --help` */
  usage: string;
  options: CliOptions;
  /** returns the exit code (0 when omitted) */
  run(ctx: CliContext): Promise<number | void>;
}

/** A user error: exit 1 with this one-line message on stderr. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}
