import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from './mailer.ts';

export interface SmtpMailerOptions {
  /** e.g. smtp://user:pass@smtp.example.com:587 or smtps://...:465 */
  smtpUrl: string;
  /** e.g. 'Boutique-To-Box <hello@boutique-to-box.com>' */
  from: string;
}

/** Email over SMTP (any provider: SES, Postmark, Mailgun, a local relay) through nodemailer's pooled transport. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    const url = new URL(options.smtpUrl);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    this.transport = nodemailer.createTransport(url.toString());
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.options.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    if (info.rejected?.length) {
      throw new Error(`SMTP server rejected recipient(s): ${info.rejected.map(String).join(', ')}`);
    }
  }

  /** Checks the connection and credentials (for readiness). */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}
