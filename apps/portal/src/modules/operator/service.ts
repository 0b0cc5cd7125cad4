import { signCms, verifyCms } from '@tereze/pki';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { generatePassword } from '../identity/passwords';
import { requestOrigin } from '../identity/service';
import { signatureInvalid } from '../signatures/service';
import {
  canonicalOperatorJson,
  type OperatorRequest,
  operatorRequestSchema,
  RESPONSE_KEYS,
} from './canonical';
import { createPortalKey } from './portal-key';
import { operatorRegistrations } from './tables';

/** How far a request's timestamp may be from the portal's clock. */
export const OPERATOR_REQUEST_WINDOW_MS = 5 * 60_000;

export interface SignedOperatorMessage {
  /** Base64 of the canonical JSON bytes. */
  data: string;
  /** Base64 attached CMS over those bytes. */
  cms: string;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** ЦОН operator registration (seed 002; docs/operator.md). */
export function createOperatorService(ctx: AppContext) {
  const { identity, registry, signatures, audit, now, config } = ctx;
  const db = ctx.database.db;
  const portalKey = createPortalKey(config, () => ctx.demoPki?.ca);
  const authorisedBins = () =>
    new Set(
      config.OPERATOR_BINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );

  function parseRequest(bytes: Uint8Array): OperatorRequest {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      throw new AppError(400, 'operator_request_invalid');
    }
    const parsed = operatorRequestSchema.safeParse(json);
    if (!parsed.success) throw new AppError(400, 'operator_request_invalid');
    if (canonicalOperatorJson(parsed.data) !== Buffer.from(bytes).toString('utf8'))
      throw new AppError(400, 'operator_request_invalid');
    return parsed.data;
  }

  async function refuse(
    req: FastifyRequest,
    reason: string,
    details: Record<string, unknown>,
    error: AppError,
  ) {
    await audit.record({
      action: 'operator.registration',
      result: 'failure',
      ...requestOrigin(req),
      details: { reason, ...details },
    });
    return error;
  }

  return {
    portalKey,

    /**
     * Verifies the workstation's signed request and registers the person (or regenerates the password); returns
     * the portal-signed response. Refusals write nothing but the journal entry.
     */
    async handle(req: FastifyRequest, input: SignedOperatorMessage): Promise<SignedOperatorMessage> {
      const bytes = new Uint8Array(Buffer.from(input.data, 'base64'));
      const request = parseRequest(bytes);
      const t = now();
      const base = { requestId: request.requestId, action: request.action };
      if (Math.abs(new Date(request.timestamp).getTime() - t.getTime()) > OPERATOR_REQUEST_WINDOW_MS)
        throw await refuse(req, 'timestamp', base, new AppError(400, 'operator_request_expired'));

      // The workstation's key: an organisation's SIGN certificate, chained to a trusted root, not revoked.
      const { anchors, intermediates } = signatures.trustAnchors();
      const report = await verifyCms(input.cms, {
        trustAnchors: anchors,
        intermediates,
        purpose: 'document',
        expectedContent: bytes,
        requiredSubjectKind: 'legal_entity',
        revocation: signatures.revocation,
        now: t,
      });
      const signer = report.signers[0]?.profile;
      if (!report.valid || report.signers.length !== 1 || !signer) {
        const failed = report.failedCheck ?? 'structure';
        const reason = report.checks.find((c) => c.name === failed)?.reason;
        throw await refuse(req, 'signature', { ...base, check: failed }, signatureInvalid(failed, reason));
      }
      const who = { ...base, operatorIin: signer.iin, operatorBin: signer.bin };
      const operatorAccount = signer.iin ? await identity.findByIin(signer.iin) : null;
      if (!signer.bin || !authorisedBins().has(signer.bin) || !operatorAccount?.roles.includes('operator'))
        throw await refuse(req, 'not_authorised', who, new AppError(403, 'operator_not_authorised'));

      const [seen] = await db
        .select({ id: operatorRegistrations.requestId })
        .from(operatorRegistrations)
        .where(eqRequest(request.requestId));
      if (seen) throw await refuse(req, 'replayed', who, new AppError(409, 'operator_request_replayed'));

      let person: Awaited<ReturnType<typeof registry.requireEligiblePerson>>;
      try {
        person = await registry.requireEligiblePerson(request.iin);
      } catch (error) {
        throw await refuse(req, 'registry', who, error as AppError);
      }

      // The key first: a portal that cannot sign its answer must not change any account.
      const key = await portalKey.get();
      const password = generatePassword();
      const result = await db.transaction(async (tx) => {
        const existing = await identity.findByIin(request.iin, tx);
        let accountId: string;
        let outcome: 'registered' | 'password_reset';
        if (existing) {
          await identity.setPassword(existing.id, password, { mustChange: true, revokeSessions: {} }, tx);
          accountId = existing.id;
          outcome = 'password_reset';
        } else {
          if (request.action === 'reset_password') return null;
          const emailTaken = request.email ? await identity.findByEmail(request.email, tx) : null;
          const created = await identity.createAccount(
            {
              kind: 'individual',
              iin: request.iin,
              email: emailTaken ? null : (request.email ?? null),
              mobilePhone: request.mobile,
              surname: person.surname,
              firstName: person.firstName,
              patronymic: person.patronymic,
              password,
              mustChangePassword: true,
              status: 'active',
            },
            tx,
          );
          accountId = created.id;
          outcome = 'registered';
        }
        const inserted = await tx
          .insert(operatorRegistrations)
          .values({
            requestId: request.requestId,
            action: request.action,
            iin: request.iin,
            accountId,
            operatorIin: signer.iin ?? '',
            operatorBin: signer.bin ?? '',
            certificateSerial: signer.serialNumber,
            requestedAt: new Date(request.timestamp),
            createdAt: t,
          })
          .onConflictDoNothing()
          .returning({ id: operatorRegistrations.requestId });
        if (!inserted.length) throw new AppError(409, 'operator_request_replayed');
        await audit.record(
          {
            action: 'operator.registration',
            result: 'success',
            actorUserId: operatorAccount.id,
            ...requestOrigin(req),
            details: { ...who, outcome, accountId },
          },
          tx,
        );
        return { accountId, outcome };
      });
      if (!result) throw await refuse(req, 'no_account', who, new AppError(404, 'account_not_found_by_iin'));

      const response = canonicalOperatorJson(
        {
          requestId: request.requestId,
          result: result.outcome,
          login: request.iin,
          password,
          portalUrl: `${config.PUBLIC_URL}/login`,
          // The password travels in the fragment, which browsers never send to a server (docs/operator.md).
          slipUrl: `${config.PUBLIC_URL}/operator/slip/${encodeURIComponent(request.requestId)}#${new URLSearchParams({ login: request.iin, password })}`,
          timestamp: t.toISOString(),
        },
        RESPONSE_KEYS,
      );
      const data = new Uint8Array(Buffer.from(response, 'utf8'));
      return { data: b64(data), cms: b64(await signCms(data, key, { signingTime: t })) };
    },
  };
}

const eqRequest = (id: string) => eq(operatorRegistrations.requestId, id);
