import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { createNotificationService, type NotificationService } from './service';
import { createSmtpTransport, devOutboxSmsProvider, type EmailTransport } from './transports';
import { createOutboxWorker } from './worker';

interface Received {
  messageId: string;
  to: string;
  raw: string;
}

let database: Database;
let notifications: NotificationService;
let smtp: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];
let delayMs = 0;
let rejectNext = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  notifications = createNotificationService(database.db);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(_address, _session, cb) {
      if (rejectNext > 0) {
        rejectNext--;
        return cb(Object.assign(new Error('mailbox busy'), { responseCode: 450 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        setTimeout(() => {
          const messageId = /^Message-ID:\s*(.+)$/im.exec(raw)?.[1].trim() ?? '';
          received.push({ messageId, to: session.envelope.rcptTo[0].address, raw });
          cb();
        }, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await database.close();
});

beforeEach(async () => {
  received.length = 0;
  delayMs = 0;
  rejectNext = 0;
  await database.query("UPDATE outbox_messages SET status = 'sent' WHERE status <> 'sent'");
});

const countByStatus = async () =>
  Object.fromEntries(
    (
      await database.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status',
      )
    ).map((r) => [r.status, r.n]),
  );

const waitFor = async (cond: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('outbox → SMTP', () => {
  it('delivers a real email through SMTP exactly once', async () => {
    const transport = createSmtpTransport(smtpUrl, 'tereze <no-reply@tereze.test>');
    const worker = createOutboxWorker({ db: database.db, email: transport, sms: devOutboxSmsProvider });
    const msg = await notifications.sendEmail({
      to: 'aigerim@example.kz',
      subject: 'Активация',
      text: 'Здравствуйте!',
    });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0].to).toBe('aigerim@example.kz');
    expect(received[0].messageId).toBe(`<outbox-${msg.id}@tereze.test>`);
    expect(received[0].raw).toMatch(/Subject: =\?UTF-8\?/);
    const [row] = await database.query<{ status: string; sent_at: Date }>(
      'SELECT status, sent_at FROM outbox_messages WHERE id = $1',
      [msg.id],
    );
    expect(row.status).toBe('sent');
    expect(row.sent_at).toBeTruthy();
    transport.close?.();
  });

  it('sends each message once when the worker is stopped and restarted mid-batch', async () => {
    delayMs = 60;
    const transport = createSmtpTransport(smtpUrl, 'no-reply@tereze.test');
    const ids: number[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await notifications.sendEmail({ to: `u${i}@example.kz`, subject: `№${i}`, text: 'x' })).id);

    const first = createOutboxWorker({
      db: database.db,
      email: transport,
      sms: devOutboxSmsProvider,
      batchSize: 5,
      pollMs: 10,
    });
    first.start();
    await waitFor(() => received.length >= 3);
    await first.stop();
    const afterStop = received.length;
    expect(afterStop).toBeLessThan(12);
    // Nothing is left claimed by the stopped worker: the rest is pending again.
    expect(await countByStatus()).not.toHaveProperty('sending');

    const second = createOutboxWorker({
      db: database.db,
      email: transport,
      sms: devOutboxSmsProvider,
      batchSize: 5,
      pollMs: 10,
    });
    second.start();
    await waitFor(async () => (await countByStatus()).pending === undefined && received.length >= 12);
    await second.stop();

    const delivered = received.map((r) => r.messageId).sort();
    expect(delivered).toEqual(ids.map((id) => `<outbox-${id}@tereze.test>`).sort());
    expect(new Set(delivered).size).toBe(12);
    const rows = await database.query<{ attempts: number }>(
      'SELECT attempts FROM outbox_messages WHERE id = ANY($1)',
      [ids],
    );
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    transport.close?.();
  });

  it('two workers (as two portal instances) deliver each message exactly once', async () => {
    delayMs = 5;
    const transport = createSmtpTransport(smtpUrl, 'no-reply@tereze.test');
    const ids: number[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await notifications.sendEmail({ to: `p${i}@example.kz`, subject: 's', text: 't' })).id);
    const a = createOutboxWorker({
      db: database.db,
      email: transport,
      sms: devOutboxSmsProvider,
      batchSize: 3,
    });
    const b = createOutboxWorker({
      db: database.db,
      email: transport,
      sms: devOutboxSmsProvider,
      batchSize: 3,
    });
    let delivered = 0;
    for (let round = 0; round < 20 && delivered < 20; round++) {
      const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
      delivered += x + y;
    }
    expect(delivered).toBe(20);
    const got = received.map((r) => r.messageId).sort();
    expect(got).toEqual(ids.map((id) => `<outbox-${id}@tereze.test>`).sort());
    transport.close?.();
  });

  it('picks up the messages of a worker that died holding them once the lease expires', async () => {
    const hung: EmailTransport = { send: () => new Promise(() => {}) };
    const dead = createOutboxWorker({
      db: database.db,
      email: hung,
      sms: devOutboxSmsProvider,
      leaseMs: 150,
    });
    const msg = await notifications.sendEmail({ to: 'lease@example.kz', subject: 's', text: 't' });
    void dead.runOnce();
    await waitFor(async () => (await countByStatus()).sending === 1);

    const transport = createSmtpTransport(smtpUrl, 'no-reply@tereze.test');
    const alive = createOutboxWorker({ db: database.db, email: transport, sms: devOutboxSmsProvider });
    expect(await alive.runOnce()).toBe(0); // still leased
    await new Promise((r) => setTimeout(r, 200));
    expect(await alive.runOnce()).toBe(1);
    expect(received.map((r) => r.messageId)).toEqual([`<outbox-${msg.id}@tereze.test>`]);
    transport.close?.();
  });

  it('retries a refused message later and gives up after maxAttempts', async () => {
    const transport = createSmtpTransport(smtpUrl, 'no-reply@tereze.test');
    const worker = createOutboxWorker({
      db: database.db,
      email: transport,
      sms: devOutboxSmsProvider,
      maxAttempts: 2,
    });
    const msg = await notifications.sendEmail({ to: 'busy@example.kz', subject: 's', text: 't' });
    rejectNext = 2;
    expect(await worker.runOnce()).toBe(0);
    let [row] = await database.query<{
      status: string;
      attempts: number;
      last_error: string;
      next_attempt_at: Date;
    }>('SELECT * FROM outbox_messages WHERE id = $1', [msg.id]);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/busy/);
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(await worker.runOnce()).toBe(0); // not due yet

    await database.query('UPDATE outbox_messages SET next_attempt_at = now() WHERE id = $1', [msg.id]);
    expect(await worker.runOnce()).toBe(0);
    [row] = await database.query('SELECT * FROM outbox_messages WHERE id = $1', [msg.id]);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(received).toHaveLength(0);
    transport.close?.();
  });

  it('hands SMS to the provider and lists everything newest first', async () => {
    const sent: string[] = [];
    const worker = createOutboxWorker({
      db: database.db,
      email: { send: async () => {} },
      sms: { name: 'test', send: async (to, text) => void sent.push(`${to}:${text}`) },
    });
    await notifications.sendSms({ to: '+77011234567', text: 'Код: 123456' });
    expect(await worker.runOnce()).toBe(1);
    expect(sent).toEqual(['+77011234567:Код: 123456']);
    const [latest] = await notifications.listRecent(1);
    expect(latest).toMatchObject({ channel: 'sms', recipient: '+77011234567', status: 'sent' });
  });

  it('sends nothing when the enqueuing transaction rolls back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await notifications.sendEmail({ to: 'ghost@example.kz', subject: 's', text: 't' }, tx as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await database.query("SELECT 1 FROM outbox_messages WHERE recipient = 'ghost@example.kz'");
    expect(rows).toHaveLength(0);
  });
});
