import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { movableClock } from '../identity/test-support';

const clock = movableClock();
let t: TestApp;
let accountId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  const account = await t.ctx.identity.createAccount({
    kind: 'individual',
    iin: '871008401427',
    email: 'aigul@example.kz',
    password: 'Secret1%pass',
  });
  accountId = account.id;
});
afterAll(() => t?.close());

const tokens = () => t.ctx.emailTokens;

describe('email tokens', () => {
  it('consume gives the account once; the database holds only a hash', async () => {
    const token = await tokens().issue(accountId, 'email_confirm', HOUR);
    expect(token).toMatch(/^[\w-]{43}$/);
    const rows = await t.database.query<{ token_hash: string; purpose: string; email: string }>(
      'SELECT token_hash, purpose, email FROM email_tokens WHERE account_id = $1',
      [accountId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'email_confirm', email: 'aigul@example.kz' });
    expect(rows[0].token_hash).not.toContain(token);
    expect(await tokens().consume(token, 'email_confirm')).toBe(accountId);
    expect(await tokens().consume(token, 'email_confirm')).toBeNull();
    expect(await tokens().redeem(token, 'email_confirm')).toEqual({ refused: 'invalid' });
  });

  it('a token does nothing for another purpose, and is still good for its own', async () => {
    const token = await tokens().issue(accountId, 'activation', HOUR);
    expect(await tokens().consume(token, 'recovery')).toBeNull();
    expect(await tokens().consume(token, 'email_confirm')).toBeNull();
    expect(await tokens().consume(token, 'activation')).toBe(accountId);
  });

  it('expires: refused as expired, not consumed', async () => {
    const token = await tokens().issue(accountId, 'recovery', HOUR);
    clock.advance(HOUR + 1000);
    try {
      expect(await tokens().redeem(token, 'recovery')).toEqual({ refused: 'expired' });
      expect(await tokens().consume(token, 'recovery')).toBeNull();
    } finally {
      clock.advance(-(HOUR + 1000));
    }
  });

  it('a new token of the same purpose retires the earlier one; other purposes keep theirs', async () => {
    const confirm = await tokens().issue(accountId, 'email_confirm', HOUR);
    const first = await tokens().issue(accountId, 'recovery', HOUR);
    const second = await tokens().issue(accountId, 'recovery', HOUR);
    expect(await tokens().consume(first, 'recovery')).toBeNull();
    expect(await tokens().consume(second, 'recovery')).toBe(accountId);
    expect(await tokens().consume(confirm, 'email_confirm')).toBe(accountId);
    const last = await tokens().lastIssuedAt(accountId, 'recovery');
    expect(last).toBeInstanceOf(Date);
    expect(await tokens().lastIssuedAt('00000000-0000-4000-8000-000000000000', 'recovery')).toBeNull();
  });

  it('bound to the address: after the email changes, the token does nothing', async () => {
    const token = await tokens().issue(accountId, 'email_confirm', HOUR);
    await t.database.query('UPDATE accounts SET email = $1 WHERE id = $2', ['new@example.kz', accountId]);
    try {
      expect(await tokens().redeem(token, 'email_confirm')).toEqual({ refused: 'invalid' });
    } finally {
      await t.database.query('UPDATE accounts SET email = $1 WHERE id = $2', ['aigul@example.kz', accountId]);
    }
  });

  it('malformed tokens are refused without a query result', async () => {
    expect(await tokens().redeem('nonsense', 'activation')).toEqual({ refused: 'invalid' });
    expect(await tokens().consume('', 'activation')).toBeNull();
  });

  it('issue inside a rolled-back transaction leaves no token', async () => {
    const before = await t.database.query('SELECT id FROM email_tokens ORDER BY id');
    await expect(
      t.ctx.database.db.transaction(async (tx) => {
        await tokens().issue(accountId, 'activation', HOUR, tx as never);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.database.query('SELECT id FROM email_tokens ORDER BY id')).toEqual(before);
  });
});
