import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from './tables';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SmsMessage {
  to: string;
  text: string;
}

/**
 * What other modules call to notify people. Pass the caller's transaction: the message is then sent if and
 * only if the change that caused it commits.
 */
export function createNotificationService(db: Db) {
  return {
    async sendEmail(msg: EmailMessage, tx: Db = db): Promise<OutboxMessage> {
      const [row] = await tx
        .insert(outboxMessages)
        .values({
          channel: 'email',
          recipient: msg.to,
          subject: msg.subject,
          bodyText: msg.text,
          bodyHtml: msg.html ?? null,
        })
        .returning();
      return row;
    },

    async sendSms(msg: SmsMessage, tx: Db = db): Promise<OutboxMessage> {
      const [row] = await tx
        .insert(outboxMessages)
        .values({ channel: 'sms', recipient: msg.to, bodyText: msg.text })
        .returning();
      return row;
    },

    /** The dev outbox: newest first (DEMO mode only — the route checks). */
    async listRecent(limit = 100): Promise<OutboxMessage[]> {
      return db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(limit);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
