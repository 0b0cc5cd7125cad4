import nodemailer from 'nodemailer';
import type { OutboxMessage } from './service';

/** Delivers one email; throws when the server did not accept it. */
export interface EmailTransport {
  send(msg: OutboxMessage): Promise<void>;
  close?(): void;
}

/** The SMS gateway we cannot reach in tests or demos: a real provider implements this interface. */
export interface SmsProvider {
  readonly name: string;
  send(to: string, text: string): Promise<void>;
}

/** A stable Message-ID per outbox row: if a crash ever makes us resend, receivers can de-duplicate. */
export function messageIdFor(msg: Pick<OutboxMessage, 'id'>, domain: string): string {
  return `<outbox-${msg.id}@${domain}>`;
}

export function createSmtpTransport(smtpUrl: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'tereze.local';
  return {
    async send(msg) {
      await transporter.sendMail({
        from,
        to: msg.recipient,
        subject: msg.subject ?? '',
        text: msg.bodyText,
        html: msg.bodyHtml ?? undefined,
        messageId: messageIdFor(msg, domain),
      });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP_URL, email stays in the dev outbox (stored, listed at /dev/outbox) and counts as delivered. */
export const devOutboxEmailTransport: EmailTransport = { send: async () => {} };

/** The stand-in SMS gateway: messages are kept in the outbox (visible at /dev/outbox in DEMO mode). */
export const devOutboxSmsProvider: SmsProvider = { name: 'dev-outbox', send: async () => {} };
