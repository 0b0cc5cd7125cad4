import { randomBytes, randomUUID } from 'node:crypto';
import {
  type CertProfile,
  createRevocationChecker,
  type ManagedRevocationChecker,
  type ParsedCertificate,
  type RoleRequirement,
  type SignerReport,
  type SubjectKindName,
  verifyCms,
} from '@tereze/pki';
import type { TestCA } from '@tereze/pki/test-ca';
import { and, eq, gt, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Config } from '../../server/config';
import { AppError } from '../../server/errors';
import { AGREEMENT_TEXT_RU } from './agreement';
import { canonicalSigningBytes, IDENTIFY_NOTICE_RU, LOGIN_NOTICE_RU, RECOVERY_NOTICE_RU } from './canonical';
import { PURPOSE_RULES, type SigningPurpose } from './purposes';
import { signingRequests } from './tables';
import { emptyTrustStore, type TrustStore } from './trust';

export type SigningRequest = typeof signingRequests.$inferSelect;

/** Signing requests live 5 minutes (DESIGN.md). */
export const SIGNING_REQUEST_TTL_MS = 5 * 60_000;
/** Consumed or expired requests are deleted after a day (they prove nothing any more). */
const PURGE_AFTER_MS = 24 * 3_600_000;

export interface SignatureServiceDeps {
  db: Db;
  config: Pick<Config, 'PUBLIC_URL' | 'REVOCATION' | 'DEMO'>;
  now: () => Date;
  /** TRUSTED_CA_DIR, loaded once at start. */
  trust?: TrustStore;
  /** DEMO: the test CA, once started (its root is trusted too). */
  demoCa?: () => TestCA | undefined;
  /** HTTP for OCSP/CRL; replace with setTransport (the portal routes its own /pki/ in-process). */
  fetch?: typeof fetch;
}

export interface IssuedSigningRequest {
  id: string;
  purpose: SigningPurpose;
  subjectId: string | null;
  dataBase64: string;
  expiresAt: string;
}

/** Produces the body a document purpose signs (an application's canonical JSON, …); registered by its module. */
export type BodyResolver = (
  subjectId: string,
  accountId: string | null,
  tx: Db,
) => Promise<string | Uint8Array> | string | Uint8Array;

export interface VerifySignatureInput {
  signingRequestId: string;
  cms: string;
  /** The purpose the action needs (a request issued for another purpose is refused: 'purpose_mismatch'). */
  purpose: SigningPurpose;
  /** The signed-in account acting, for requests issued to a session. */
  accountId?: string | null;
  subjectId?: string;
  expectedIin?: string;
  expectedBin?: string;
  requireRoles?: RoleRequirement;
  requireSubjectKind?: SubjectKindName | readonly SubjectKindName[];
  /** The CMS is detached: the request's bytes are the signed data (a certificate PDF signed beside it). */
  detached?: boolean;
}

export interface VerifiedSignature {
  request: SigningRequest;
  certificate: CertProfile;
  signer: SignerReport;
}

/** 422 signature_invalid naming the failed check (DESIGN.md) and a machine-readable reason. */
export function signatureInvalid(check: string, reason?: string): AppError {
  return new AppError(422, 'signature_invalid', reason ? { check, reason } : { check });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signing requests (issue, verify, consume) and the portal's signature verification: trust anchors from
 * TRUSTED_CA_DIR (+ the DEMO test CA), revocation per REVOCATION, AUTH vs SIGN per purpose. docs/signatures.md.
 */
export function createSignatureService(deps: SignatureServiceDeps) {
  const { db, config, now } = deps;
  const trust = deps.trust ?? emptyTrustStore();
  let transport: typeof fetch = deps.fetch ?? ((...args) => globalThis.fetch(...args));
  const revocation: ManagedRevocationChecker | 'off' =
    config.REVOCATION === 'off'
      ? 'off'
      : createRevocationChecker({
          policy: config.REVOCATION,
          failMode: 'hard',
          fetch: (input, init) => transport(input, init),
          now,
        });
  const resolvers = new Map<SigningPurpose, BodyResolver>();
  let issuedSincePurge = 0;
  // The request lookup of every signed action (the login hot path): its SQL is built once, and on PostgreSQL
  // each pooled connection parses and plans it once (a named prepared statement). Only for `db` itself; a
  // caller's transaction uses the builder.
  const requestById = db
    .select()
    .from(signingRequests)
    .where(eq(signingRequests.id, sql.placeholder('id')))
    .limit(1)
    .prepare('signing_request_by_id');

  function trustAnchors(): { anchors: ParsedCertificate[]; intermediates: ParsedCertificate[] } {
    const ca = config.DEMO ? deps.demoCa?.() : undefined;
    if (!ca) return trust;
    return {
      anchors: [...trust.anchors, ca.root.certificate],
      intermediates: [...trust.intermediates, ca.issuing.certificate],
    };
  }

  async function bodyFor(
    purpose: SigningPurpose,
    subjectId: string | null,
    accountId: string | null,
    tx: Db,
  ): Promise<string | Uint8Array> {
    switch (purpose) {
      case 'login':
        return LOGIN_NOTICE_RU;
      case 'identify':
        return IDENTIFY_NOTICE_RU;
      case 'recovery':
        return RECOVERY_NOTICE_RU;
      case 'registration':
        return AGREEMENT_TEXT_RU;
    }
    const resolve = resolvers.get(purpose);
    // A purpose without a subject (a fixed text its module registers) resolves with subjectId ''.
    if (!resolve || (!subjectId && PURPOSE_RULES[purpose].needsSubject))
      throw new AppError(400, 'signing_purpose_unavailable', { purpose });
    return resolve(subjectId ?? '', accountId, tx);
  }

  async function purgeOld(): Promise<void> {
    const cutoff = new Date(now().getTime() - PURGE_AFTER_MS);
    await db.delete(signingRequests).where(lt(signingRequests.expiresAt, cutoff));
  }

  /** The CMS checks against a request already found usable. */
  async function verifyClaimed(
    request: SigningRequest,
    input: VerifySignatureInput,
    t: Date,
  ): Promise<VerifiedSignature> {
    if (request.accountId !== null && request.accountId !== (input.accountId ?? null))
      throw signatureInvalid('signing_request', 'account_mismatch');
    if (input.subjectId !== undefined && request.subjectId !== input.subjectId)
      throw signatureInvalid('signing_request', 'subject_mismatch');
    const { anchors, intermediates } = trustAnchors();
    const report = await verifyCms(input.cms, {
      trustAnchors: anchors,
      intermediates,
      purpose: PURPOSE_RULES[input.purpose].key,
      expectedContent: request.data,
      data: input.detached ? request.data : undefined,
      expectedIin: input.expectedIin,
      expectedBin: input.expectedBin,
      requiredRoles: input.requireRoles,
      requiredSubjectKind: input.requireSubjectKind,
      revocation,
      now: t,
    });
    if (report.signers.length > 1) throw signatureInvalid('structure', 'one_signer_expected');
    if (!report.valid) {
      const failed = report.failedCheck ?? 'structure';
      const reason = report.checks.find((c) => c.name === failed)?.reason;
      throw signatureInvalid(failed, reason);
    }
    const signer = report.signers[0];
    if (!signer?.profile) throw signatureInvalid('structure', 'signer_profile_unreadable');
    return { request, certificate: signer.profile, signer };
  }

  const service = {
    /** The OCSP/CRL checker (tests clear its cache after revoking). */
    revocation,
    trustAnchors,

    /** Sets the OCSP/CRL transport (the portal passes selfRoutingFetch in DEMO). */
    setTransport(fetchFn: typeof fetch) {
      transport = fetchFn;
    },

    /** A module that signs documents registers how the signed bytes of its subjects are made. */
    registerBody(purpose: SigningPurpose, resolver: BodyResolver) {
      resolvers.set(purpose, resolver);
    },

    /**
     * Issues the exact bytes to sign for `purpose` (canonical.ts). Requests for documents need a session
     * (`accountId`) and a subject; login, identify, recovery and registration are anonymous.
     */
    async issue(
      purpose: SigningPurpose,
      opts: {
        subjectId?: string | null;
        accountId?: string | null;
        /** The bytes to sign, prepared by the calling module (an act whose content the caller chose). */
        body?: string | Uint8Array;
      } = {},
      tx: Db = db,
    ): Promise<IssuedSigningRequest> {
      const rule = PURPOSE_RULES[purpose];
      const accountId = opts.accountId ?? null;
      const subjectId = opts.subjectId ?? null;
      if (!rule.anonymous && !accountId) throw new AppError(401, 'unauthenticated');
      if (rule.needsSubject && !subjectId)
        throw new AppError(400, 'validation_failed', {}, { subjectId: 'required' });
      const id = randomUUID();
      const issuedAt = now();
      const expiresAt = new Date(issuedAt.getTime() + SIGNING_REQUEST_TTL_MS);
      const body = opts.body ?? (await bodyFor(purpose, subjectId, accountId, tx));
      const data =
        typeof body === 'string'
          ? canonicalSigningBytes({
              purpose,
              id,
              portal: config.PUBLIC_URL,
              issuedAt,
              expiresAt,
              nonce: randomBytes(32).toString('base64url'),
              subjectId,
              body,
            })
          : body;
      await tx.insert(signingRequests).values({
        id,
        purpose,
        subjectId,
        accountId,
        data,
        createdAt: issuedAt,
        expiresAt,
      });
      if (++issuedSincePurge >= 500) {
        issuedSincePurge = 0;
        void purgeOld().catch(() => {});
      }
      return {
        id,
        purpose,
        subjectId,
        dataBase64: Buffer.from(data).toString('base64'),
        expiresAt: expiresAt.toISOString(),
      };
    },

    /**
     * Checks the request (known, this purpose/subject/account, not used, not expired) and the CMS (verifyCms:
     * chain to a trusted root, validity, revocation, AUTH/SIGN key, policy/roles, content = the issued bytes,
     * IIN/BIN). Writes nothing: call `consume` in the transaction of the action. Throws 422 signature_invalid.
     */
    async verify(input: VerifySignatureInput, tx: Db = db): Promise<VerifiedSignature> {
      if (!UUID.test(input.signingRequestId)) throw signatureInvalid('signing_request', 'unknown');
      const [request] =
        tx === db
          ? await requestById.execute({ id: input.signingRequestId })
          : await tx
              .select()
              .from(signingRequests)
              .where(eq(signingRequests.id, input.signingRequestId))
              .limit(1);
      if (!request) throw signatureInvalid('signing_request', 'unknown');
      if (request.purpose !== input.purpose) throw signatureInvalid('signing_request', 'purpose_mismatch');
      if (request.consumedAt) throw signatureInvalid('signing_request', 'already_used');
      const t = now();
      if (request.expiresAt.getTime() <= t.getTime()) throw signatureInvalid('signing_request', 'expired');
      return verifyClaimed(request, input, t);
    },

    /**
     * Marks the request used, once: an atomic UPDATE that also re-checks the expiry, so of two concurrent
     * submissions (on any instance) exactly one proceeds. Run it in the action's transaction.
     */
    async consume(id: string, tx: Db = db): Promise<void> {
      const t = now();
      const used = await tx
        .update(signingRequests)
        .set({ consumedAt: t })
        .where(
          and(
            eq(signingRequests.id, id),
            isNull(signingRequests.consumedAt),
            gt(signingRequests.expiresAt, t),
          ),
        )
        .returning({ id: signingRequests.id });
      if (used.length === 0) {
        const [row] = await tx
          .select({ consumedAt: signingRequests.consumedAt })
          .from(signingRequests)
          .where(eq(signingRequests.id, id));
        throw signatureInvalid(
          'signing_request',
          !row ? 'unknown' : row.consumedAt ? 'already_used' : 'expired',
        );
      }
    },

    /**
     * For an action that needs no transaction of its own (login): claims the request first — one atomic
     * UPDATE … RETURNING, which also fetches the bytes — then verifies; a refused signature releases the
     * claim, so a refusal leaves nothing changed. One statement fewer than verify + consume.
     */
    async claimAndVerify(input: VerifySignatureInput): Promise<VerifiedSignature> {
      if (!UUID.test(input.signingRequestId)) throw signatureInvalid('signing_request', 'unknown');
      const t = now();
      const [claimed] = await db
        .update(signingRequests)
        .set({ consumedAt: t })
        .where(
          and(
            eq(signingRequests.id, input.signingRequestId),
            eq(signingRequests.purpose, input.purpose),
            isNull(signingRequests.consumedAt),
            gt(signingRequests.expiresAt, t),
          ),
        )
        .returning();
      if (!claimed) {
        // Not claimable: the request checks name the reason (unknown, purpose, used, expired).
        await service.verify(input);
        throw signatureInvalid('signing_request', 'already_used');
      }
      try {
        return await verifyClaimed({ ...claimed, consumedAt: null }, input, t);
      } catch (error) {
        await db
          .update(signingRequests)
          .set({ consumedAt: null })
          .where(and(eq(signingRequests.id, claimed.id), eq(signingRequests.consumedAt, t)));
        throw error;
      }
    },

    /**
     * `consume` as a statement to compose into the action's own (e.g. the session start of signature login, as a
     * CTE): marks the request used, once, if it is still unused and unexpired, RETURNING its id — no row means
     * it was not claimed (call `verify` to name why). The signatures module still owns its table's SQL.
     */
    claimStatement(id: string): SQL {
      const t = now().toISOString();
      return sql`UPDATE signing_requests SET consumed_at = ${t}::timestamptz
        WHERE id = ${id}::uuid AND consumed_at IS NULL AND expires_at > ${t}::timestamptz RETURNING id`;
    },

    /** verify, then consume in `tx` (or on its own). */
    async verifyAndConsume(input: VerifySignatureInput, tx: Db = db): Promise<VerifiedSignature> {
      const verified = await service.verify(input, tx);
      await service.consume(verified.request.id, tx);
      return verified;
    },
  };
  return service;
}

export type SignatureService = ReturnType<typeof createSignatureService>;
