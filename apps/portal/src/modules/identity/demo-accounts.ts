import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { makeIin } from '../registry/demo-data';
import type { Role } from './accounts';

/**
 * DEMO mode's staff accounts (README «Try it», docs/identity.md): an administrator and a portal moderator
 * (the certification service's reviewer). Their IINs have valid check digits but are not in the registry
 * stand-in, so nobody can register them with a demo key; they sign in by email + password.
 */
export const DEMO_STAFF = [
  {
    key: 'admin',
    email: 'admin@demo.tereze.kz',
    password: 'Admin2026$demo',
    iin: makeIin('1979-05-15', 'male', 7001),
    surname: 'АДМИНОВ',
    firstName: 'АДМИН',
    roles: ['user', 'admin'] as Role[],
  },
  {
    key: 'moderator',
    email: 'moderator@demo.tereze.kz',
    password: 'Moder2026$demo',
    iin: makeIin('1984-09-20', 'female', 7002),
    surname: 'МОДЕРАТОРОВА',
    firstName: 'МАДИНА',
    roles: ['user', 'moderator'] as Role[],
  },
] as const;

/**
 * Creates the demo staff accounts that are missing (idempotent: an existing one, with whatever password it has
 * now, is left alone; two instances starting at once meet the unique index). Returns the emails created.
 */
export async function seedDemoStaff(
  ctx: Pick<AppContext, 'identity' | 'audit' | 'now' | 'database'>,
): Promise<string[]> {
  const created: string[] = [];
  for (const staff of DEMO_STAFF) {
    if ((await ctx.identity.findByEmail(staff.email)) || (await ctx.identity.findByIin(staff.iin))) continue;
    try {
      await ctx.database.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const account = await ctx.identity.createAccount(
          {
            kind: 'individual',
            iin: staff.iin,
            email: staff.email,
            emailVerifiedAt: ctx.now(),
            surname: staff.surname,
            firstName: staff.firstName,
            password: staff.password,
            roles: [...staff.roles],
          },
          tx,
        );
        await ctx.audit.record(
          {
            action: 'account.demo.seed',
            result: 'success',
            targetType: 'account',
            targetId: account.id,
            details: { roles: account.roles },
          },
          tx,
        );
      });
      created.push(staff.email);
    } catch (error) {
      // Another instance seeded it between the lookup and the insert.
      if (!(error instanceof AppError && error.status === 409)) throw error;
    }
  }
  return created;
}
