import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import { requestOrigin } from '../identity/service';
import { normalizeKzPhone } from '../registration/phones';
import { REGISTRY_ID_PREFIX } from './documents';
import { blankToNull, fieldErrors } from './fields';
import { entryName, KAZAKHSTAN } from './reference';
import type { ContactInput, ContactView } from './schema';
import type { ProfileDeps } from './service';
import { profileContacts } from './tables';

type Row = typeof profileContacts.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** «Контактные данные» (seed 001): the registry's address read-only, manual addresses CRUD, owner only. */
export function createContacts(deps: ProfileDeps) {
  const { db, audit, now, reference, registry } = deps;

  async function validate(lang: Language, input: ContactInput) {
    const errors = fieldErrors(lang);
    const countryCode = input.countryCode.trim();
    if (!/^\d{3}$/.test(countryCode) || !(await reference.get('countries', countryCode)))
      errors.add('countryCode', 'profile_country_unknown');
    // KATO is Kazakhstan's classifier: required there, dropped for an address abroad.
    const kato = countryCode === KAZAKHSTAN ? blankToNull(input.kato) : null;
    if (countryCode === KAZAKHSTAN && !kato) errors.add('kato', 'profile_kato_required');
    else if (kato && (!/^\d{9}$/.test(kato) || !(await reference.get('kato', kato))))
      errors.add('kato', 'profile_kato_invalid');
    const street = input.street.trim();
    if (!street || street.length > 200) errors.add('street', 'profile_street_invalid');
    const house = input.house.trim();
    if (!house || house.length > 20) errors.add('house', 'profile_house_invalid');
    const apartment = blankToNull(input.apartment);
    if (apartment && apartment.length > 20) errors.add('apartment', 'profile_apartment_invalid');
    const rawPhone = blankToNull(input.phone);
    let phone: string | null = null;
    if (rawPhone && countryCode === KAZAKHSTAN) {
      // Same rule as registration's work phone: any Kazakhstan number, stored +7XXXXXXXXXX.
      phone = normalizeKzPhone(rawPhone);
      if (!phone) errors.add('phone', 'phone_invalid');
    } else if (rawPhone) {
      phone = rawPhone.replace(/[\s()\-.]/g, '');
      if (!/^\+\d{7,15}$/.test(phone)) errors.add('phone', 'profile_foreign_phone_invalid');
    }
    errors.throwIfAny();
    return { countryCode, kato, street, house, apartment, phone };
  }

  async function ownRow(accountId: string, id: string): Promise<Row> {
    if (id.startsWith(REGISTRY_ID_PREFIX)) throw new AppError(403, 'profile_registry_read_only');
    if (!UUID.test(id)) throw new AppError(404, 'not_found');
    const [row] = await db
      .select()
      .from(profileContacts)
      .where(and(eq(profileContacts.id, id), eq(profileContacts.accountId, accountId)));
    if (!row) throw new AppError(404, 'not_found');
    return row;
  }

  async function view(row: Row, lang: Language): Promise<ContactView> {
    const countryName = entryName(await reference.get('countries', row.countryCode), lang) ?? row.countryCode;
    const katoName = row.kato ? await reference.katoPath(row.kato, lang) : null;
    const address = [
      katoName,
      row.street,
      translate(lang, 'profile_address_house', { house: row.house }),
      row.apartment && translate(lang, 'profile_address_apartment', { apartment: row.apartment }),
    ]
      .filter(Boolean)
      .join(', ');
    return {
      id: row.id,
      source: 'manual',
      editable: true,
      countryCode: row.countryCode,
      countryName,
      kato: row.kato,
      katoName,
      street: row.street,
      house: row.house,
      apartment: row.apartment,
      address,
      phone: row.phone,
    };
  }

  async function registryContact(iin: string, lang: Language): Promise<ContactView | null> {
    const person = await registry.findPerson(iin);
    if (!person?.address) return null;
    const kato = person.address.kato ?? null;
    return {
      id: `${REGISTRY_ID_PREFIX}1`,
      source: 'registry',
      editable: false,
      countryCode: KAZAKHSTAN,
      countryName: entryName(await reference.get('countries', KAZAKHSTAN), lang) ?? KAZAKHSTAN,
      kato,
      katoName: kato ? await reference.katoPath(kato, lang) : null,
      street: null,
      house: null,
      apartment: null,
      address: person.address.text,
      phone: null,
    };
  }

  const journal = (req: FastifyRequest, action: string, accountId: string, targetId: string, tx: Db) =>
    audit.record(
      {
        action,
        result: 'success',
        actorUserId: accountId,
        targetType: 'profile_contact',
        targetId,
        ...requestOrigin(req),
      },
      tx,
    );

  return {
    async list(req: FastifyRequest, account: { id: string; iin: string }): Promise<ContactView[]> {
      const fromRegistry = await registryContact(account.iin, req.lang);
      const own = await db
        .select()
        .from(profileContacts)
        .where(eq(profileContacts.accountId, account.id))
        .orderBy(asc(profileContacts.createdAt), asc(profileContacts.id));
      const views = await Promise.all(own.map((row) => view(row, req.lang)));
      return fromRegistry ? [fromRegistry, ...views] : views;
    },

    async get(req: FastifyRequest, accountId: string, id: string): Promise<ContactView> {
      return view(await ownRow(accountId, id), req.lang);
    },

    async create(req: FastifyRequest, accountId: string, input: ContactInput): Promise<ContactView> {
      const value = await validate(req.lang, input);
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const time = now();
        const [created] = await tx
          .insert(profileContacts)
          .values({ ...value, accountId, createdAt: time, updatedAt: time })
          .returning();
        await journal(req, 'profile.contact.create', accountId, created.id, tx);
        return created;
      });
      return view(row, req.lang);
    },

    async update(
      req: FastifyRequest,
      accountId: string,
      id: string,
      input: ContactInput,
    ): Promise<ContactView> {
      await ownRow(accountId, id);
      const value = await validate(req.lang, input);
      const row = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [updated] = await tx
          .update(profileContacts)
          .set({ ...value, updatedAt: now() })
          .where(and(eq(profileContacts.id, id), eq(profileContacts.accountId, accountId)))
          .returning();
        if (!updated) throw new AppError(404, 'not_found');
        await journal(req, 'profile.contact.update', accountId, id, tx);
        return updated;
      });
      return view(row, req.lang);
    },

    async remove(req: FastifyRequest, accountId: string, id: string): Promise<void> {
      await ownRow(accountId, id);
      await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [gone] = await tx
          .delete(profileContacts)
          .where(and(eq(profileContacts.id, id), eq(profileContacts.accountId, accountId)))
          .returning();
        if (!gone) throw new AppError(404, 'not_found');
        await journal(req, 'profile.contact.delete', accountId, id, tx);
      });
    },
  };
}
