import { join } from 'node:path';
import { findAppRoot } from '../core/kernel/paths';
import type { CliCommand } from './command';
import { runCli } from './run';

/** The 高青县 sample gazette (13 documents), the CLI tests' library. */
export const SAMPLE_GAZETTE = join(findAppRoot(), 'resources', 'samples', '004_3ab14222ae9e6d15.txt');

/** A CLI over `commands` for tests: runs one command line in-process and returns its exit code and output. */
export function testCli(commands: CliCommand[]) {
  return async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, commands, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
