import nodemailer from 'nodemailer';
import type { MailMessage } from '../db/schema/index.js';

/** Sends one stored message over SMTP with nodemailer (SMTP_URL), with its stored headers. */
export function smtpTransport(smtpUrl: string) {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // Well under pg-boss's job expiry (15 minutes): a hung server fails the attempt, which is retried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message: MailMessage): Promise<void> {
      const { From, To, 'Message-ID': messageId, ...extra } = message.headers;
      await transporter.sendMail({
        from: From,
        to: To ?? message.toAddress,
        subject: message.subject,
        messageId,
        headers: extra,
        html: message.html ?? undefined,
        text: message.text ?? undefined,
      });
    },
    close: () => transporter.close(),
  };
}
export type SmtpTransport = ReturnType<typeof smtpTransport>;
