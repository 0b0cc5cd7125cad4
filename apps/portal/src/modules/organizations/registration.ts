import type { CertProfile } from '@tereze/pki';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { requestOrigin } from '../identity/service';
import type { LegalEntity } from '../registry/adapter';
import { actsForOrganization, fullNameOf } from '../signatures/certificate-summary';
import type { VerifySignatureInput } from '../signatures/service';
import { classifierChecker, fieldChecks, isKnownCode } from './checks';
import type { Member, MemberRight } from './members';
import type { ParticipantRegistrationBody } from './schema';
import type { Organization, OrganizationCore } from './service';
import { organizations } from './tables';

type OrgKind = 'legal_entity' | 'individual_entrepreneur';

/** The key of the participant agreement: SIGN, a legal-entity (or entrepreneur) certificate, first head or signing rights. */
const AGREEMENT_RULES: Pick<VerifySignatureInput, 'purpose' | 'requireSubjectKind' | 'requireRoles'> = {
  purpose: 'participant_agreement',
  requireSubjectKind: ['legal_entity', 'individual_entrepreneur'],
  requireRoles: ['first_head', 'signing_rights'],
};

const orgKindOf = (cert: CertProfile): OrgKind =>
  cert.subjectKind === 'individual_entrepreneur' ? 'individual_entrepreneur' : 'legal_entity';

/** What the registration form starts from: the certificate's BIN and name, the registry's registration data. */
export function prefillFrom(cert: CertProfile, entity: LegalEntity | null) {
  const kind = orgKindOf(cert);
  return {
    kind,
    bin: cert.bin!,
    name: entity?.shortNameRu || cert.organization || fullNameOf(cert) || '',
    nameKk: entity?.shortNameKk ?? null,
    fullNameRu: entity?.nameRu ?? null,
    fullNameKk: entity?.nameKk ?? null,
    registrationDate: entity?.registrationDate ?? null,
    registrationNumber: entity?.registrationNumber ?? null,
    registrationAuthority: entity?.registrationAuthority ?? null,
    countryCode: '398',
    kopf: entity?.kopf.code || null,
    kse: entity?.kse.code || null,
    kfs: entity?.kfs.code || null,
    krp: entity?.krp.code || null,
    oked: entity?.oked.code || null,
    legalAddress: entity?.legalAddress ?? null,
    applicantName: fullNameOf(cert),
    headIin: kind === 'legal_entity' ? (entity?.headIin ?? null) : null,
    signerIsFirstHead: cert.roles.includes('first_head'),
  };
}

/**
 * Participant registration (seed 001 «Регистрация участника»). The signed-in person signs the participant
 * agreement with their organisation's key; «Подтверждаю данные» runs every field check and reports all failures
 * together; only then is the signature consumed and the organisation created (once per BIN), with the registrant
 * as its Администратор организации.
 */
export function createParticipantRegistration(
  app: () => AppContext,
  service: Pick<OrganizationCore, 'create' | 'findByBin'>,
) {
  const checkCode = classifierChecker(app);

  /** The verified agreement signature of the signed-in account; the certificate must be the person's own. */
  async function verifiedAgreement(
    account: { id: string; iin: string; kind: string; bin: string | null },
    signed: { signingRequestId: string; cms: string },
    expectedBin?: string,
  ) {
    const verified = await app().signatures.verify({
      ...AGREEMENT_RULES,
      ...signed,
      accountId: account.id,
      // The BIN the form was prefilled for: a key of another organisation is refused (422, check identity).
      expectedBin,
    });
    const cert = verified.certificate;
    if (!cert.bin) throw new AppError(403, 'org_certificate_not_organization');
    // The person's own key; an organisation account (one login per BIN) may use any key acting for that BIN.
    const own = cert.iin === account.iin || (account.kind !== 'individual' && account.bin === cert.bin);
    if (!own) throw new AppError(403, 'org_certificate_not_yours');
    if (!actsForOrganization(cert)) throw new AppError(403, 'org_certificate_no_authority');
    return verified;
  }

  async function journalFailure(req: FastifyRequest, accountId: string, error: unknown) {
    if (!(error instanceof AppError)) return;
    await app().audit.record({
      action: 'org.register',
      result: 'failure',
      actorUserId: accountId,
      ...requestOrigin(req),
      details: {
        reason: error.code,
        check: error.params.check,
        fields: error.fields && Object.keys(error.fields),
      },
    });
  }

  return {
    /** The form's starting values from a verified (not consumed) agreement signature. */
    async prefill(req: FastifyRequest, signed: { signingRequestId: string; cms: string }) {
      const { account } = await app().identity.requireSession(req);
      const { certificate: cert } = await verifiedAgreement(account, signed);
      const entity = await app().registry.findLegalEntity(cert.bin!);
      const prefill = prefillFrom(cert, entity);
      // The registry's codes are offered only where the portal's classifiers know them; else the user picks.
      for (const kind of ['kopf', 'kse', 'kfs', 'krp', 'oked'] as const) {
        const code = prefill[kind];
        if (code && !(await isKnownCode(app(), kind, code))) prefill[kind] = null;
      }
      return {
        ...prefill,
        alreadyRegistered: (await service.findByBin(cert.bin!)) !== null,
      };
    },

    async register(
      req: FastifyRequest,
      input: ParticipantRegistrationBody,
    ): Promise<{ organization: Organization; membership: Member }> {
      const ctx = app();
      const { account } = await ctx.identity.requireSession(req);
      try {
        // The signature first (not consumed): the certificate says whether the form is an entrepreneur's.
        let verified: Awaited<ReturnType<typeof verifiedAgreement>> | null = null;
        let signatureError: unknown = null;
        if (input.signingRequestId && input.cms) {
          try {
            verified = await verifiedAgreement(
              account,
              { signingRequestId: input.signingRequestId, cms: input.cms },
              input.bin ?? undefined,
            );
          } catch (error) {
            signatureError = error;
          }
        }
        const kind: OrgKind = verified ? orgKindOf(verified.certificate) : (input.kind ?? 'legal_entity');
        const values = await runFieldChecks(req, input, kind);
        if (signatureError) throw signatureError;
        const cert = verified!.certificate; // runFieldChecks refuses a missing signature

        if (await service.findByBin(cert.bin!)) throw new AppError(409, 'org_already_registered');
        const entity = await ctx.registry.findLegalEntity(cert.bin!);
        const prefill = prefillFrom(cert, entity);
        const rights: MemberRight[] = [
          'org_admin',
          ...(values.roles as MemberRight[]),
          cert.roles.includes('first_head') ? 'head' : 'employee',
        ];

        // Registry classifier codes the portal's directories do not know are left for the attributes page.
        const krp = prefill.krp && (await isKnownCode(ctx, 'krp', prefill.krp)) ? prefill.krp : null;
        const oked = prefill.oked && (await isKnownCode(ctx, 'oked', prefill.oked)) ? prefill.oked : null;

        return await ctx.database.db.transaction(async (t) => {
          const tx = t as unknown as Db;
          await ctx.signatures.consume(verified!.request.id, tx);
          const { organization, membership } = await service.create(
            {
              ...values,
              bin: cert.bin!,
              kind,
              nameRu: prefill.name,
              nameKk: prefill.nameKk,
              fullNameRu: prefill.fullNameRu,
              fullNameKk: prefill.fullNameKk,
              krp,
              oked,
              agreementSignatureId: verified!.request.id,
            },
            { accountId: account.id, rights, position: values.applicantPosition },
            tx,
          );
          const withHead = rights.includes('head')
            ? await setHeadMember(tx, organization.id, membership.id)
            : organization;
          // The organisation's own login (one account per BIN) now points at its record.
          if (account.kind !== 'individual' && account.bin === cert.bin)
            await ctx.identity.updateAccount(account.id, { organizationId: organization.id }, tx);
          await ctx.audit.record(
            {
              action: 'org.register',
              result: 'success',
              actorUserId: account.id,
              organizationId: organization.id,
              targetType: 'organization',
              targetId: organization.id,
              ...requestOrigin(req),
              details: {
                bin: organization.bin,
                kind,
                roles: organization.roles,
                rights,
                certificateSerial: cert.serialNumber,
                signingRequestId: verified!.request.id,
              },
            },
            tx,
          );
          return { organization: withHead, membership };
        });
      } catch (error) {
        await journalFailure(req, account.id, error);
        throw error;
      }
    },
  };

  async function setHeadMember(tx: Db, organizationId: string, memberId: string) {
    const [row] = await tx
      .update(organizations)
      .set({ headMemberId: memberId })
      .where(eq(organizations.id, organizationId))
      .returning();
    return row;
  }

  /** Every ФЛК rule of the form; 400 validation_failed with all failing fields. Hidden fields of an entrepreneur are not read. */
  async function runFieldChecks(req: FastifyRequest, input: ParticipantRegistrationBody, kind: OrgKind) {
    const c = fieldChecks(req.lang);
    const today = app().now();
    const entrepreneur = kind === 'individual_entrepreneur';
    const values = {
      registrationDate: c.date('registrationDate', input.registrationDate, today),
      registrationNumber: c.text('registrationNumber', input.registrationNumber, {
        required: true,
        max: 100,
      }),
      registrationAuthority: c.text('registrationAuthority', input.registrationAuthority, {
        required: true,
        max: 255,
      }),
      countryCode: c.text('countryCode', input.countryCode, { required: true, max: 3 }) ?? '398',
      kopf: c.text('kopf', input.kopf, { required: true, max: 10 }),
      kse: c.text('kse', input.kse, { required: true, max: 10 }),
      kfs: c.text('kfs', input.kfs, { required: true, max: 10 }),
      roles: [...new Set(input.roles ?? [])].filter((r) => r === 'supplier' || r === 'customer'),
      resident: input.resident ?? false,
      smallBusiness: input.smallBusiness ?? false,
      mediumBusiness: input.mediumBusiness ?? false,
      email: c.email('email', input.email),
      site: c.site('site', input.site),
      phone: c.phones('phone', input.phone, true),
      applicantName: entrepreneur ? null : c.text('applicantName', input.applicantName, { required: true }),
      applicantPosition: entrepreneur
        ? null
        : c.text('applicantPosition', input.applicantPosition, { required: true }),
      headIin: entrepreneur ? null : c.iin('headIin', input.headIin),
      headSurname: entrepreneur
        ? null
        : c.text('headSurname', input.headSurname, { required: true, max: 100 }),
      headFirstName: entrepreneur
        ? null
        : c.text('headFirstName', input.headFirstName, { required: true, max: 100 }),
      headPatronymic: entrepreneur ? null : c.text('headPatronymic', input.headPatronymic, { max: 100 }),
      headPosition: entrepreneur ? null : c.text('headPosition', input.headPosition, { required: true }),
    };
    await checkCode(c, 'countryCode', 'countries', values.countryCode);
    await checkCode(c, 'kopf', 'kopf', values.kopf);
    await checkCode(c, 'kse', 'kse', values.kse);
    await checkCode(c, 'kfs', 'kfs', values.kfs);
    if (input.roles?.includes('organizer')) c.fail('roles', 'org_organizer_admin_only');
    else if (values.roles.length === 0) c.fail('roles', 'org_field_role_required');
    if (values.smallBusiness && values.mediumBusiness) c.fail('mediumBusiness', 'org_field_size_conflict');
    if (!input.signingRequestId || !input.cms) c.fail('agreement', 'org_agreement_required');
    c.throwIfAny();
    return values;
  }
}
