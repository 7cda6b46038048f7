/** Reads a new password twice: without echo on a terminal, else the first two lines of standard input. */
export type ReadNewPassword = (prompt: string) => Promise<string>;

/** One line typed on the terminal with echo off (raw mode); Ctrl+C aborts. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('已取消'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

let piped: string[] | null = null;
/** All of standard input, split into lines (read once, then handed out line by line). */
async function nextPipedLine(): Promise<string> {
  if (piped === null) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    piped = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  }
  return piped.shift() ?? '';
}

/** The password asked twice; a mismatch is refused before anything is stored. */
export const readNewPassword: ReadNewPassword = async (prompt) => {
  const tty = Boolean(process.stdin.isTTY);
  const first = tty ? await readHidden(`${prompt}：`) : await nextPipedLine();
  const second = tty ? await readHidden('再输入一次：') : await nextPipedLine();
  if (first !== second) throw new Error('两次输入的密码不一致，未作任何改动');
  return first;
};
