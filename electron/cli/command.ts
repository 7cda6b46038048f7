import type { ParseArgsConfig } from 'node:util';
import type { App } from '../core/composition';
import { AppError } from '../core/kernel/errors';
import { terminalField } from '../../shared/domain/visible-text';

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

/**
 * A line of terminal output whose interpolated values are escaped (terminalField): a stored user name, title or
 * file name never prints as a line break, a tab, an ESC sequence or a direction override (issue 26).
 */
export function line(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((acc, s, i) => acc + s + (i < values.length ? terminalField(String(values[i] ?? '')) : ''), '');
}

/** One row of tab-separated terminal output, each cell escaped (see line). */
export function row(cells: unknown[]): string {
  return cells.map((c) => terminalField(String(c ?? ''))).join('\t');
}
