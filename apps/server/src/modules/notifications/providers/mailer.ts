export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends one email. Rejects when the message was not accepted, so the caller's job can retry. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Releases connections on shutdown, where the mailer holds any. */
  close?(): void;
}
