import { parseArgs } from 'node:util';
import { createApp, type App } from '../core/composition';
import { AppError } from '../core/kernel/errors';
import { knownStorageFailure } from '../core/kernel/db-errors';
import { resolveDataDir } from '../core/kernel/paths';
import type { CliCommand } from './command';
import { terminalText } from '../../shared/domain/visible-text';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

const GLOBAL_HELP = (commands: CliCommand[]) =>
  [
    'NormDesk 命令行 — 规范性文件管理与公报编辑',
    '',
    '用法：normdesk <命令> [选项]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    '通用选项：',
    '  --data DIR  数据目录（默认：环境变量 NORMDESK_DATA，否则用户目录下的默认位置）',
    '  --json      以 JSON 输出数据',
    '  --help      显示帮助',
    '',
    '退出码：0 成功；1 输入或使用错误；2 程序内部错误。',
  ].join('\n');

/**
 * Runs one CLI invocation and returns its exit code: 0 success, 1 user error (one line on stderr), 2 internal.
 */
export async function runCli(argv: string[], commands: CliCommand[], raw: CliIo): Promise<number> {
  // Whatever a command prints, no stored string reaches the terminal as an ESC sequence or a direction override;
  // the commands escape line breaks and tabs inside the values they lay out (line/row in command.ts).
  const io: CliIo = { env: raw.env, out: (t) => raw.out(terminalText(t)), err: (t) => raw.err(terminalText(t)) };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(GLOBAL_HELP(commands));
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令：${name}。运行 normdesk --help 查看可用命令。`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, data: { type: 'string' }, help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
    });
  } catch (err) {
    io.err(`参数错误：${describeArgError(err, rest)}。运行 normdesk ${name} --help 查看用法。`);
    return 1;
  }
  if (parsed.values.help) {
    io.out(`${command.summary}\n\n用法：${command.usage}`);
    return 0;
  }
  const dataDir = resolveDataDir(typeof parsed.values.data === 'string' ? parsed.values.data : undefined, io.env);
  let opened: App | null = null;
  try {
    const code = await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      dataDir,
      openApp: (shell = 'cli') => (opened ??= createApp({ dataDir, shell, log: { info: () => {}, error: (m, e) => io.err(`${m} ${e instanceof Error ? e.stack : ''}`) } })),
      out: io.out,
      err: io.err,
    });
    return code ?? 0;
  } catch (err) {
    if (err instanceof AppError && err.code !== 'INTERNAL') {
      io.err(`错误：${err.message.split('\n')[0]}`);
      return 1;
    }
    // An expected internal failure (a damaged database, a failed backup) has a message meant for people: one line, no stack.
    const known = err instanceof AppError ? err : knownStorageFailure(err);
    if (known) {
      io.err(`错误：${known.message.split('\n')[0]}`);
      return 2;
    }
    io.err(`内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 2;
  }
}

/** node:util parseArgs speaks English; the person gets the same facts in Chinese. */
export function describeArgError(err: unknown, args: string[] = []): string {
  const e = err as NodeJS.ErrnoException;
  const msg = e?.message ?? String(err);
  const option = /'(-[^' ]+)/.exec(msg)?.[1] ?? '';
  switch (e?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${option}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${/'([^']*)'/.exec(msg)?.[1] ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/i.test(msg)) {
        const value = args[args.indexOf(option) + 1] ?? '-…';
        return `选项 ${option} 的值以“-”开头，请写成 ${option}=${value}`;
      }
      if (/does not take an argument/i.test(msg)) return `选项 ${option} 不带值`;
      return `选项 ${option} 需要一个值`;
    default:
      return '无法识别的参数';
  }
}
