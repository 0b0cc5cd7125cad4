import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import type { Account } from '../identity/accounts';
import { normalizeEmail } from '../identity/login-identifier';
import { requestOrigin } from '../identity/service';
import { isKzMobile, normalizeKzPhone } from '../registration/phones';
import { createContacts } from './contacts';
import { createDocuments } from './documents';
import { fieldErrors } from './fields';
import { createProfileReference, entryName, KAZAKHSTAN } from './reference';
import type { ProfileUpdateInput } from './schema';
import { profiles } from './tables';

type Ctx = Pick<AppContext, 'identity' | 'audit' | 'registry' | 'directories' | 'database' | 'now'>;

export interface ProfileDeps {
  db: Db;
  audit: AppContext['audit'];
  registry: AppContext['registry'];
  now: () => Date;
  reference: ReturnType<typeof createProfileReference>;
}

/**
 * Кабинет → Личные данные (seed 001): registration data and «Редактировать данные», passport data, contact
 * data. Every method acts on the signed-in account only; other people's rows answer 404 (docs/profile.md).
 */
export function createProfileService(ctx: Ctx) {
  const { identity, audit, now } = ctx;
  const db = ctx.database.db;
  const deps: ProfileDeps = {
    db,
    audit,
    registry: ctx.registry,
    now,
    reference: createProfileReference(ctx.directories),
  };
  const documents = createDocuments(deps);
  const contacts = createContacts(deps);

  async function profileRow(accountId: string) {
    const [row] = await db.select().from(profiles).where(eq(profiles.accountId, accountId));
    return row ?? null;
  }

  return {
    documents,
    contacts,
    reference: deps.reference,

    /** The signed-in account, else 401 (a temporary password must be changed first: 403). */
    async owner(req: FastifyRequest) {
      return (await identity.requireSession(req)).account;
    },

    /** The date of birth from ГБД ФЛ: the registry is the authority (seed 001 shows it read-only). */
    async birthDate(iin: string): Promise<string | null> {
      return (await ctx.registry.findPerson(iin))?.birthDate ?? null;
    },

    /** «Регистрационные данные пользователя». */
    async view(req: FastifyRequest, fresh?: Account) {
      const account = fresh ?? (await this.owner(req));
      const [person, row] = await Promise.all([ctx.registry.findPerson(account.iin), profileRow(account.id)]);
      const country = await deps.reference.get('countries', KAZAKHSTAN);
      return {
        iin: account.iin,
        bin: account.bin,
        rnn: row?.rnn ?? null,
        surname: account.surname,
        firstName: account.firstName,
        patronymic: account.patronymic,
        birthDate: person?.birthDate ?? null,
        registeredAt: account.createdAt.toISOString(),
        email: account.email,
        emailConfirmed: account.emailVerifiedAt !== null,
        mobilePhone: account.mobilePhone,
        workPhone: account.workPhone,
        // A person of ГБД ФЛ (every account has an IIN) is registered in Kazakhstan: «Республика Казахстан».
        country: { code: KAZAKHSTAN, name: entryName(country, req.lang) ?? KAZAKHSTAN },
        hasPhoto: Boolean(row?.photoFileId),
      };
    },

    /**
     * «Редактировать данные» → «Сохранить»: email (required), mobile (as at registration) and work phone. A new
     * email is «Не подтвержден» until its confirmation link is followed; old links for the previous address
     * stop working (they are bound to it).
     */
    async update(req: FastifyRequest, input: ProfileUpdateInput): Promise<Account> {
      const account = await this.owner(req);
      const errors = fieldErrors(req.lang);
      const email = normalizeEmail(input.email);
      const mobile = normalizeKzPhone(input.mobilePhone);
      if (!mobile || !isKzMobile(mobile)) errors.add('mobilePhone', 'mobile_phone_invalid');
      const rawWork = input.workPhone?.trim() || null;
      const work = rawWork ? normalizeKzPhone(rawWork) : null;
      if (rawWork && !work) errors.add('workPhone', 'phone_invalid');
      const emailChanged = email !== account.email;
      if (emailChanged) {
        const owner = await identity.findByEmail(email);
        if (owner && owner.id !== account.id) errors.add('email', 'profile_email_in_use');
      }
      errors.throwIfAny();
      const changed = [
        emailChanged && 'email',
        mobile !== account.mobilePhone && 'mobilePhone',
        work !== account.workPhone && 'workPhone',
      ].filter((f): f is string => Boolean(f));
      if (!changed.length) return account;
      try {
        return await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const updated = await identity.updateAccount(
            account.id,
            {
              email,
              mobilePhone: mobile,
              workPhone: work,
              ...(emailChanged ? { emailVerifiedAt: null } : {}),
            },
            tx,
          );
          await audit.record(
            {
              action: 'profile.update',
              result: 'success',
              actorUserId: account.id,
              targetType: 'account',
              targetId: account.id,
              ...requestOrigin(req),
              details: { changed },
            },
            tx,
          );
          return updated;
        });
      } catch (error) {
        // Someone took the address between the check and the write (unique index).
        if (error instanceof AppError && error.code === 'already_registered') {
          const fields = fieldErrors(req.lang);
          fields.add('email', 'profile_email_in_use');
          fields.throwIfAny();
        }
        throw error;
      }
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
