import { and, asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { translate } from '../../server/i18n/messages';
import { requestOrigin } from '../identity/service';
import { classifierChecker, fieldChecks } from './checks';
import type { Member } from './members';
import type { AddressBody } from './schema';
import type { Organization, OrganizationCore } from './service';
import { organizationAddresses, organizations } from './tables';

export type OrganizationAddress = typeof organizationAddresses.$inferSelect;
type Core = Pick<OrganizationCore, 'requireMember' | 'findMember' | 'listMembers'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * «Профиль участника» (seed 001): registration data, contacts, attributes, addresses and head. Any active member
 * reads; only an Администратор организации writes (403 otherwise). Every write is journaled with the
 * organisation, in the same transaction as the change.
 */
export function createProfile(app: () => AppContext, core: Core) {
  const db = () => app().database.db;
  const checkCode = classifierChecker(app);

  const fullName = (a: { surname: string | null; firstName: string | null; patronymic: string | null }) =>
    [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ') || null;

  /** The head shown in «Данные о руководителе»: the chosen member, else what the registrant typed. */
  async function headOf(o: Organization) {
    const typedName = fullName({
      surname: o.headSurname,
      firstName: o.headFirstName,
      patronymic: o.headPatronymic,
    });
    if (o.headMemberId) {
      const member = await core.findMember(o.id, o.headMemberId);
      // A chosen head who was blocked or lost the head right is no longer shown as the member-head: the page
      // keeps the recorded data and asks for a new choice (memberId null).
      const current = member?.status === 'active' && member.rights.includes('head') ? member : null;
      const account = current && (await app().identity.findAccountById(current.accountId));
      if (current && account)
        return {
          memberId: current.id,
          iin: account.iin,
          fullName: fullName(account) ?? typedName,
          position: current.position ?? o.headPosition,
        };
    }
    return { memberId: null, iin: o.headIin, fullName: typedName, position: o.headPosition };
  }

  async function view(o: Organization, membership: Pick<Member, 'rights'>) {
    return {
      id: o.id,
      bin: o.bin,
      kind: o.kind,
      nameRu: o.nameRu,
      nameKk: o.nameKk,
      fullNameRu: o.fullNameRu,
      fullNameKk: o.fullNameKk,
      registrationDate: o.registrationDate,
      registrationNumber: o.registrationNumber,
      registrationAuthority: o.registrationAuthority,
      countryCode: o.countryCode,
      kopf: o.kopf,
      form: o.form,
      kfs: o.kfs,
      kse: o.kse,
      krp: o.krp,
      oked: o.oked,
      roles: o.roles,
      resident: o.resident,
      smallBusiness: o.smallBusiness,
      mediumBusiness: o.mediumBusiness,
      email: o.email,
      site: o.site,
      phone: o.phone,
      applicantName: o.applicantName,
      applicantPosition: o.applicantPosition,
      head: await headOf(o),
      logoFileId: o.logoFileId,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
      myRights: membership.rights,
    };
  }

  /** Updates the organisation row and journals `action` in one transaction. */
  async function writeOrganization(
    req: FastifyRequest,
    actor: { account: { id: string }; organization: Organization },
    action: string,
    change: Partial<typeof organizations.$inferInsert>,
  ): Promise<Organization> {
    const ctx = app();
    return db().transaction(async (t) => {
      const tx = t as unknown as Db;
      const [row] = await tx
        .update(organizations)
        .set({ ...change, updatedAt: ctx.now() })
        .where(eq(organizations.id, actor.organization.id))
        .returning();
      await journal(req, actor, action, 'organization', row.id, { changed: Object.keys(change) }, tx);
      return row;
    });
  }

  function journal(
    req: FastifyRequest,
    actor: { account: { id: string }; organization: Organization },
    action: string,
    targetType: string,
    targetId: string,
    details: Record<string, unknown>,
    tx: Db,
  ) {
    return app().audit.record(
      {
        action,
        result: 'success',
        actorUserId: actor.account.id,
        organizationId: actor.organization.id,
        targetType,
        targetId,
        ...requestOrigin(req),
        details,
      },
      tx,
    );
  }

  async function addressValues(req: FastifyRequest, body: AddressBody) {
    const c = fieldChecks(req.lang);
    if (!body.kind) c.fail('kind', 'org_field_required');
    const values = {
      kind: body.kind ?? 'legal',
      countryCode: c.text('countryCode', body.countryCode, { required: true, max: 3 }) ?? '',
      kato: c.digits('kato', body.kato, 9, 'org_field_kato'),
      postalIndex: c.digits('postalIndex', body.postalIndex, 6, 'org_field_index'),
      street: c.text('street', body.street, { required: true, max: 255 }) ?? '',
      house: c.text('house', body.house, { required: true, max: 20 }) ?? '',
      apartment: c.text('apartment', body.apartment, { max: 20 }),
      phone: c.phones('phone', body.phone),
      fax: c.phones('fax', body.fax),
    };
    await checkCode(c, 'countryCode', 'countries', values.countryCode || null);
    if (values.kato) await checkCode(c, 'kato', 'kato', values.kato);
    // KATO is Kazakhstan's classifier: required there, meaningless abroad.
    if (values.countryCode === '398' && !values.kato) c.fail('kato', 'org_field_required');
    c.throwIfAny();
    return values;
  }

  async function findAddress(organizationId: string, addressId: string, tx: Db = db()) {
    if (!UUID.test(addressId)) return null;
    const [row] = await tx
      .select()
      .from(organizationAddresses)
      .where(
        and(
          eq(organizationAddresses.id, addressId),
          eq(organizationAddresses.organizationId, organizationId),
        ),
      );
    return row ?? null;
  }

  return {
    view,

    async get(req: FastifyRequest, organizationId: string) {
      const { organization, membership } = await core.requireMember(req, organizationId);
      return view(organization, membership);
    },

    /** «Редактировать данные»: email, site and phone only. */
    async updateContacts(
      req: FastifyRequest,
      organizationId: string,
      body: { email?: string | null; site?: string | null; phone?: string | null },
    ) {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      const c = fieldChecks(req.lang);
      const change = {
        email: c.email('email', body.email),
        site: c.site('site', body.site),
        phone: c.phones('phone', body.phone, true),
      };
      c.throwIfAny();
      const row = await writeOrganization(req, actor, 'org.profile.update', change);
      return { organization: await view(row, actor.membership), message: translate(req.lang, 'org_saved') };
    },

    /** «Атрибуты участника»: КОПФ, form, ownership (КФС), sector (КСЕ), КРП and the flags. */
    async updateAttributes(
      req: FastifyRequest,
      organizationId: string,
      body: {
        kopf?: string | null;
        form?: string | null;
        kfs?: string | null;
        kse?: string | null;
        krp?: string | null;
        resident?: boolean | null;
        smallBusiness?: boolean | null;
        mediumBusiness?: boolean | null;
      },
    ) {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      const c = fieldChecks(req.lang);
      const change = {
        kopf: c.text('kopf', body.kopf, { required: true, max: 10 }),
        form: c.text('form', body.form, { max: 255 }),
        kfs: c.text('kfs', body.kfs, { required: true, max: 10 }),
        kse: c.text('kse', body.kse, { required: true, max: 10 }),
        krp: c.text('krp', body.krp, { max: 10 }),
        resident: body.resident ?? false,
        smallBusiness: body.smallBusiness ?? false,
        mediumBusiness: body.mediumBusiness ?? false,
      };
      await checkCode(c, 'kopf', 'kopf', change.kopf);
      await checkCode(c, 'kfs', 'kfs', change.kfs);
      await checkCode(c, 'kse', 'kse', change.kse);
      await checkCode(c, 'krp', 'krp', change.krp);
      if (change.smallBusiness && change.mediumBusiness) c.fail('mediumBusiness', 'org_field_size_conflict');
      c.throwIfAny();
      const row = await writeOrganization(req, actor, 'org.attributes.update', change);
      return { organization: await view(row, actor.membership), message: translate(req.lang, 'org_saved') };
    },

    /** Active members with the «Руководитель» right: who may be chosen as head. */
    async headCandidates(req: FastifyRequest, organizationId: string) {
      await core.requireMember(req, organizationId);
      const members = await core.listMembers(organizationId);
      const candidates = [];
      for (const m of members.filter((x) => x.status === 'active' && x.rights.includes('head'))) {
        const account = await app().identity.findAccountById(m.accountId);
        if (account)
          candidates.push({
            memberId: m.id,
            iin: account.iin,
            fullName: fullName(account),
            position: m.position,
          });
      }
      return { candidates };
    },

    /** «Данные о руководителе»: choose the head among active members with the head right. */
    async setHead(req: FastifyRequest, organizationId: string, memberId: string) {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      const member = UUID.test(memberId) ? await core.findMember(organizationId, memberId) : null;
      if (member?.status !== 'active' || !member.rights.includes('head'))
        throw new AppError(
          400,
          'validation_failed',
          {},
          { memberId: translate(req.lang, 'org_head_not_eligible') },
        );
      const account = await app().identity.findAccountById(member.accountId);
      const row = await writeOrganization(req, actor, 'org.head.update', {
        headMemberId: member.id,
        headIin: account?.iin ?? null,
        headSurname: account?.surname ?? null,
        headFirstName: account?.firstName ?? null,
        headPatronymic: account?.patronymic ?? null,
        headPosition: member.position,
      });
      return { organization: await view(row, actor.membership), message: translate(req.lang, 'org_saved') };
    },

    // ── addresses («Контактные данные») ──────────────────────────────────────────────────────────────────
    async listAddresses(req: FastifyRequest, organizationId: string) {
      await core.requireMember(req, organizationId);
      const rows = await db()
        .select()
        .from(organizationAddresses)
        .where(eq(organizationAddresses.organizationId, organizationId))
        .orderBy(asc(organizationAddresses.createdAt), asc(organizationAddresses.id));
      return { addresses: rows };
    },

    async createAddress(req: FastifyRequest, organizationId: string, body: AddressBody) {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      const values = await addressValues(req, body);
      const address = await db().transaction(async (t) => {
        const tx = t as unknown as Db;
        const [row] = await tx
          .insert(organizationAddresses)
          .values({ ...values, organizationId })
          .returning();
        await journal(
          req,
          actor,
          'org.address.create',
          'organization_address',
          row.id,
          { kind: row.kind },
          tx,
        );
        return row;
      });
      return { address, message: translate(req.lang, 'org_saved') };
    },

    /** 404 for an address of another organisation (its id says nothing to a non-owner). */
    async updateAddress(req: FastifyRequest, organizationId: string, addressId: string, body: AddressBody) {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      if (!(await findAddress(organizationId, addressId))) throw new AppError(404, 'not_found');
      const values = await addressValues(req, body);
      const address = await db().transaction(async (t) => {
        const tx = t as unknown as Db;
        const [row] = await tx
          .update(organizationAddresses)
          .set({ ...values, updatedAt: app().now() })
          .where(
            and(
              eq(organizationAddresses.id, addressId),
              eq(organizationAddresses.organizationId, organizationId),
            ),
          )
          .returning();
        await journal(
          req,
          actor,
          'org.address.update',
          'organization_address',
          row.id,
          { kind: row.kind },
          tx,
        );
        return row;
      });
      return { address, message: translate(req.lang, 'org_saved') };
    },

    async deleteAddress(req: FastifyRequest, organizationId: string, addressId: string) {
      const actor = await core.requireMember(req, organizationId, 'org_admin');
      if (!UUID.test(addressId)) throw new AppError(404, 'not_found');
      await db().transaction(async (t) => {
        const tx = t as unknown as Db;
        const [row] = await tx
          .delete(organizationAddresses)
          .where(
            and(
              eq(organizationAddresses.id, addressId),
              eq(organizationAddresses.organizationId, organizationId),
            ),
          )
          .returning();
        if (!row) throw new AppError(404, 'not_found');
        await journal(
          req,
          actor,
          'org.address.delete',
          'organization_address',
          row.id,
          { kind: row.kind },
          tx,
        );
      });
      return { ok: true as const };
    },

    findAddress,
  };
}
