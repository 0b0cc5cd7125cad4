import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { type AuditService, createAuditService } from './service';

let database: Database;
let audit: AuditService;

beforeAll(async () => {
  database = await createTestDatabase();
  audit = createAuditService(database.db);
});
afterAll(() => database.close());

describe('audit journal', () => {
  it('records every field and lists newest first, filtered', async () => {
    const actor = '11111111-1111-4111-8111-111111111111';
    const org = '22222222-2222-4222-8222-222222222222';
    await audit.record({
      action: 'login',
      result: 'failure',
      actorUserId: actor,
      ip: '10.0.0.1',
      userAgent: 'UA',
      details: { method: 'password' },
    });
    const second = await audit.record({
      action: 'org.update',
      result: 'success',
      actorUserId: actor,
      organizationId: org,
      targetType: 'organization',
      targetId: org,
    });

    const all = await audit.list({ actorUserId: actor });
    expect(all.map((e) => e.action)).toEqual(['org.update', 'login']);
    expect(all[1]).toMatchObject({
      result: 'failure',
      ip: '10.0.0.1',
      userAgent: 'UA',
      details: { method: 'password' },
    });
    expect(all[1].occurredAt).toBeInstanceOf(Date);
    expect(await audit.list({ organizationId: org })).toHaveLength(1);
    expect(await audit.list({ actorUserId: actor, beforeId: second.id })).toHaveLength(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    await audit.record({ action: 'x', result: 'success' });
    await expect(database.query('UPDATE audit_events SET action = $1', ['forged'])).rejects.toThrow(
      /append-only/,
    );
    await expect(database.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(database.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    const rows = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_events WHERE action = $1',
      ['forged'],
    );
    expect(rows[0].n).toBe(0);
  });

  it('offers no update or delete in its service', () => {
    expect(Object.keys(audit).sort()).toEqual(['list', 'record']);
  });

  it('rolls back with the transaction it is given', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await audit.record({ action: 'rolled.back', result: 'success' }, tx as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await audit.list({ action: 'rolled.back' })).toHaveLength(0);
  });
});
