import { commands } from './commands';
import { runCli } from './run';

// The CLI entry (npm run cli, bin/normdesk.mjs): batch work over the same services as the app.
// A reader that stops early (`normdesk list --json | head`) closes the pipe: the command still finishes its work,
// its output goes nowhere, instead of Node printing an unhandled EPIPE stack trace in English.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}
runCli(process.argv.slice(2), commands, {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`内部错误：${String(err)}\n`);
    process.exitCode = 2;
  },
);
