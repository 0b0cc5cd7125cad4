import type { CertProfile } from '@tereze/pki';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { translate } from '../../server/i18n/messages';
import { requestOrigin } from '../identity/service';
import type { Person } from '../registry/adapter';
import { signatureInvalid, type VerifySignatureInput } from '../signatures/service';
import { createActivation } from './activation';
import { isKzMobile, normalizeKzPhone } from './phones';

export type RegistrationKind = 'individual' | 'legal_entity' | 'certification_body';

export interface RegistrationInput {
  kind: RegistrationKind;
  signingRequestId: string;
  cms: string;
  email: string;
  password: string;
  passwordRepeat?: string;
  phones?: { mobile?: string; work?: string };
  /** DESIGN.md's single phone: the mobile number. */
  phone?: string;
  acceptAgreement: true;
  /** The organisation chosen in the wizard (BIN → «Найти»): must be the certificate's BIN. */
  bin?: string;
  /** «Я являюсь сотрудником»: a portal-registered organisation whose administrator is asked to admit the person. */
  employerBin?: string;
}

type Ctx = Pick<
  AppContext,
  | 'employees'
  | 'identity'
  | 'signatures'
  | 'registry'
  | 'notifications'
  | 'audit'
  | 'config'
  | 'database'
  | 'now'
  | 'emailTokens'
>;

/** What the key must be for each kind (seed 004: legal entity — the head's or a signing-rights key). */
function signatureRules(input: RegistrationInput): Partial<VerifySignatureInput> {
  if (input.kind === 'individual') return {};
  return {
    requireSubjectKind:
      input.kind === 'legal_entity' ? ['legal_entity', 'individual_entrepreneur'] : 'legal_entity',
    requireRoles: ['first_head', 'signing_rights'],
    expectedBin: input.bin,
  };
}

function phonesOf(req: FastifyRequest, input: RegistrationInput): { mobile: string; work: string | null } {
  const fields: Record<string, string> = {};
  const rawMobile = input.phones?.mobile ?? input.phone;
  const mobile = rawMobile ? normalizeKzPhone(rawMobile) : null;
  if (!rawMobile) fields['phones.mobile'] = translate(req.lang, 'mobile_phone_invalid');
  else if (!mobile || !isKzMobile(mobile))
    fields['phones.mobile'] = translate(req.lang, 'mobile_phone_invalid');
  const work = input.phones?.work ? normalizeKzPhone(input.phones.work) : null;
  if (input.phones?.work && !work) fields['phones.work'] = translate(req.lang, 'phone_invalid');
  if (Object.keys(fields).length) throw new AppError(400, 'validation_failed', {}, fields);
  return { mobile: mobile!, work };
}

/**
 * Registration with the signature (seeds 000, 001, 002, 004; DESIGN.md key route). Order: form checks
 * (password policy, phones) → the SIGN signature of the user agreement → the state registries → duplicates →
 * one transaction: request consumed, account (pending activation), activation email, journal.
 */
export function createRegistration(ctx: Ctx) {
  const { identity, signatures, registry, notifications, audit, config } = ctx;
  const db = ctx.database.db;
  const activation = createActivation(ctx);

  const journal = (
    req: FastifyRequest,
    result: 'success' | 'failure',
    details: Record<string, unknown>,
    accountId?: string,
  ) =>
    audit.record({
      action: 'registration',
      result,
      actorUserId: accountId ?? null,
      targetType: accountId ? 'account' : null,
      targetId: accountId ?? null,
      ...requestOrigin(req),
      details,
    });

  async function checkRegistries(input: RegistrationInput, cert: CertProfile): Promise<Person> {
    const person = await registry.requireEligiblePerson(cert.iin!);
    if (input.kind !== 'individual') {
      const entity = await registry.lookupLegalEntity(cert.bin!);
      if (input.kind === 'certification_body' && !entity.isCertificationBody)
        throw new AppError(403, 'not_a_certification_body');
      // A first-head key must be the head's the state registry names for the BIN (a signing-rights key is
      // anyone the organisation authorised, which the registry does not list).
      if (cert.roles.includes('first_head') && entity.headIin !== cert.iin)
        throw new AppError(403, 'first_head_mismatch');
    }
    return person;
  }

  return {
    activation,

    async register(req: FastifyRequest, input: RegistrationInput): Promise<void> {
      const fail = async (error: unknown) => {
        if (error instanceof AppError)
          await journal(req, 'failure', {
            kind: input.kind,
            reason: error.code,
            check: error.params.check,
            checkReason: error.params.reason,
            reasonCode: error.params.reasonCode,
          });
        return error;
      };
      try {
        identity.assertNewPassword(req, input.password, {
          field: 'password',
          repeat: input.passwordRepeat,
          repeatField: 'passwordRepeat',
        });
        const phones = phonesOf(req, input);
        // Checked before the signature, so a wrong BIN costs no signing request.
        const employer = input.employerBin ? await ctx.employees.employerByBin(input.employerBin) : null;
        if (employer && input.kind !== 'individual') throw new AppError(403, 'employee_individual_only');
        const { certificate: cert, request } = await signatures.verify({
          signingRequestId: input.signingRequestId,
          cms: input.cms,
          purpose: 'registration',
          ...signatureRules(input),
        });
        if (!cert.iin) throw signatureInvalid('identity', 'iin_missing');
        if (input.kind !== 'individual' && !cert.bin) throw signatureInvalid('identity', 'bin_missing');
        const person = await checkRegistries(input, cert);

        const duplicate =
          input.kind === 'individual'
            ? (await identity.findByIin(cert.iin)) && 'already_registered_iin'
            : (await identity.findByBin(cert.bin!)) && 'already_registered_bin';
        if (duplicate) throw new AppError(409, 'already_registered', { messageKey: duplicate });

        const emailOwner = await identity.findByEmail(input.email);
        await db.transaction(async (t) => {
          const tx = t as unknown as Db;
          await signatures.consume(request.id, tx);
          if (emailOwner) {
            // Not revealed to the registrant (issue 4): the answer is the usual one, and the address's owner
            // is told someone tried to register with it.
            await notifications.sendEmail(
              {
                to: emailOwner.email!,
                subject: translate(req.lang, 'email_in_use_subject'),
                text: translate(req.lang, 'email_in_use_text', { link: `${config.PUBLIC_URL}/login` }),
              },
              tx,
            );
            await audit.record(
              {
                action: 'registration',
                result: 'failure',
                ...requestOrigin(req),
                details: { kind: input.kind, reason: 'email_in_use', certificateSerial: cert.serialNumber },
              },
              tx,
            );
            return;
          }
          const account = await identity.createAccount(
            {
              kind: input.kind,
              iin: cert.iin!,
              bin: input.kind === 'individual' ? null : cert.bin,
              email: input.email,
              mobilePhone: phones.mobile,
              workPhone: phones.work,
              // The state database is the authority on names (seed 004: data filled from ГБД ФЛ).
              surname: person.surname,
              firstName: person.firstName,
              patronymic: person.patronymic,
              password: input.password,
              status: 'pending_activation',
            },
            tx,
          );
          await activation.send(account, req.lang, tx);
          if (employer)
            await ctx.employees.requestMembership(req, account, employer, { via: 'registration' }, tx);
          await audit.record(
            {
              action: 'registration',
              result: 'success',
              actorUserId: account.id,
              targetType: 'account',
              targetId: account.id,
              ...requestOrigin(req),
              details: {
                kind: input.kind,
                bin: account.bin,
                certificateSerial: cert.serialNumber,
                signingRequestId: request.id,
              },
            },
            tx,
          );
        });
      } catch (error) {
        throw await fail(error);
      }
    },
  };
}
