import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { MailMessage, Mailer } from './mailer.ts';

export interface LogMailerOptions {
  /** The data directory (DATA_DIR); mail goes to `<dataDir>/mail/outbox.jsonl`. */
  dataDir: string;
  fileName?: string;
  from?: string;
  /** A pino-compatible logger, told about every message (without its body). */
  logger?: { info(obj: object, msg?: string): void };
  now?: () => Date;
}

/**
 * The embedded "mail server": every message is appended as one JSON line to an outbox file
 * under the data directory, where a developer (or a test) can read it.
 */
export class LogMailer implements Mailer {
  readonly filePath: string;
  private readonly now: () => Date;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly options: LogMailerOptions) {
    this.filePath = path.join(options.dataDir, 'mail', options.fileName ?? 'outbox.jsonl');
    this.now = options.now ?? (() => new Date());
  }

  send(message: MailMessage): Promise<void> {
    const line = `${JSON.stringify({ at: this.now().toISOString(), from: this.options.from, ...message })}\n`;
    // One write at a time, so concurrent sends never interleave lines.
    const write = this.writes.then(async () => {
      await mkdir(path.dirname(this.filePath), { recursive: true });
      await appendFile(this.filePath, line, 'utf8');
    });
    this.writes = write.catch(() => {});
    return write.then(() => {
      this.options.logger?.info(
        { to: message.to, subject: message.subject, outbox: this.filePath },
        'email written to outbox',
      );
    });
  }
}
