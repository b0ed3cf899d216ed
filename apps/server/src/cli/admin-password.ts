import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The password for `npm run admin:create`, never from the command line (it would sit in shell
 * history and in every process listing): typed at a hidden prompt, or the first line of a pipe.
 */
export async function readPassword(prompt = 'Password: '): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += chunk;
    return text.split(/\r?\n/, 1)[0] ?? '';
  }
  // A muted output: the prompt is written once, the keystrokes never echo.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stdout.write(prompt);
  const rl = createInterface({ input: stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
