import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogMailer } from './log-mailer.ts';
import { SmtpMailer } from './smtp-mailer.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@blocked.example')) return callback(new Error('Mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('SmtpMailer against an SMTP server', () => {
  it('delivers recipient, sender, subject and both bodies', async () => {
    const mailer = new SmtpMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Boutique-To-Box <hello@boutique-to-box.local>',
    });
    try {
      await mailer.verify();
      await mailer.send({
        to: 'ada@example.com',
        subject: 'Your order has shipped',
        text: 'Tracking number 9400111899223817612345',
        html: '<p>Tracking number <b>9400111899223817612345</b></p>',
      });
    } finally {
      mailer.close();
    }
    const [mail] = received;
    expect(mail?.from).toBe('hello@boutique-to-box.local');
    expect(mail?.to).toEqual(['ada@example.com']);
    expect(mail?.raw).toMatch(/^Subject: Your order has shipped$/m);
    expect(mail?.raw).toMatch(/^To: ada@example.com$/m);
    expect(mail?.raw).toContain('Tracking number 9400111899223817612345');
    expect(mail?.raw).toContain('<b>9400111899223817612345</b>');
  });

  it('rejects when the server refuses the recipient', async () => {
    const mailer = new SmtpMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'hello@boutique-to-box.local',
    });
    try {
      await expect(
        mailer.send({ to: 'nobody@blocked.example', subject: 'Hi', text: 'Hello' }),
      ).rejects.toThrow(/Mailbox unavailable|rejected/);
    } finally {
      mailer.close();
    }
  });
});

describe('LogMailer', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'btb-mail-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one JSON line per message under the data dir and tells the logger', async () => {
    const logged: object[] = [];
    const mailer = new LogMailer({
      dataDir: dir,
      from: 'hello@boutique-to-box.local',
      logger: { info: (obj) => logged.push(obj) },
      now: () => new Date('2025-03-01T10:00:00Z'),
    });
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        mailer.send({ to: `u${i}@example.com`, subject: `S${i}`, text: `T${i}` }),
      ),
    );
    const lines = (await readFile(path.join(dir, 'mail', 'outbox.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => JSON.parse(l))).toContainEqual({
      at: '2025-03-01T10:00:00.000Z',
      from: 'hello@boutique-to-box.local',
      to: 'u3@example.com',
      subject: 'S3',
      text: 'T3',
    });
    expect(logged).toHaveLength(5);
  });
});
