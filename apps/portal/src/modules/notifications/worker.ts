import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { OutboxMessage } from './service';
import { outboxMessages } from './tables';
import type { EmailTransport, SmsProvider } from './transports';

export interface OutboxWorkerOptions {
  db: Db;
  email: EmailTransport;
  sms: SmsProvider;
  batchSize?: number;
  pollMs?: number;
  /** How long a claim lasts: a crashed worker's messages are picked up again after it. */
  leaseMs?: number;
  maxAttempts?: number;
  onDelivered?(msg: OutboxMessage): void;
  onError?(msg: OutboxMessage, err: unknown): void;
}

export interface OutboxWorker {
  start(): void;
  /** Finishes the message in flight, hands the rest of its batch back, and resolves when idle. */
  stop(): Promise<void>;
  /** Claims and delivers one batch; returns how many were delivered. */
  runOnce(): Promise<number>;
}

const backoffMs = (attempt: number) => Math.min(60 * 60_000, 5_000 * 2 ** (attempt - 1));

export function createOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, batchSize = 10, pollMs = 1000, leaseMs = 60_000, maxAttempts = 8 } = opts;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function claim(): Promise<OutboxMessage[]> {
    // The database's clock, not ours: rows are stamped with now() in microseconds, and a JS Date (milliseconds,
    // another process's clock) read just after an insert can fall before it.
    const now = sql`now()`;
    const due = db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        or(
          and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)),
          and(eq(outboxMessages.status, 'sending'), lte(outboxMessages.lockedUntil, now)),
        ),
      )
      .orderBy(asc(outboxMessages.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(outboxMessages)
      .set({
        status: 'sending',
        lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        attempts: sql`${outboxMessages.attempts} + 1`,
      })
      .where(inArray(outboxMessages.id, due))
      .returning();
    return rows.sort((a, b) => a.id - b.id);
  }

  async function deliver(msg: OutboxMessage): Promise<boolean> {
    try {
      if (msg.channel === 'email') await opts.email.send(msg);
      else await opts.sms.send(msg.recipient, msg.bodyText);
    } catch (err) {
      const failed = msg.attempts >= maxAttempts;
      await db
        .update(outboxMessages)
        .set({
          status: failed ? 'failed' : 'pending',
          lockedUntil: null,
          lastError: String((err as Error)?.message ?? err).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + backoffMs(msg.attempts)),
        })
        .where(eq(outboxMessages.id, msg.id));
      opts.onError?.(msg, err);
      return false;
    }
    await db
      .update(outboxMessages)
      .set({ status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null })
      .where(eq(outboxMessages.id, msg.id));
    opts.onDelivered?.(msg);
    return true;
  }

  async function release(msgs: OutboxMessage[]): Promise<void> {
    if (msgs.length === 0) return;
    await db
      .update(outboxMessages)
      .set({ status: 'pending', lockedUntil: null, attempts: sql`${outboxMessages.attempts} - 1` })
      .where(
        and(
          inArray(
            outboxMessages.id,
            msgs.map((m) => m.id),
          ),
          eq(outboxMessages.status, 'sending'),
        ),
      );
  }

  async function runBatch(): Promise<number> {
    const batch = await claim();
    let delivered = 0;
    for (let i = 0; i < batch.length; i++) {
      if (stopping) {
        await release(batch.slice(i));
        break;
      }
      if (await deliver(batch[i])) delivered++;
    }
    return delivered;
  }

  function runOnce(): Promise<number> {
    // One batch at a time per worker.
    running ??= runBatch().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule() {
    if (stopping) return;
    timer = setTimeout(async () => {
      try {
        // Keep going while full batches come back; then wait for the next poll.
        while (!stopping && (await runOnce()) >= batchSize) {}
      } catch (err) {
        opts.onError?.({ id: -1 } as OutboxMessage, err);
      }
      schedule();
    }, pollMs);
    timer.unref?.();
  }

  return {
    start() {
      stopping = false;
      schedule();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
    runOnce,
  };
}
