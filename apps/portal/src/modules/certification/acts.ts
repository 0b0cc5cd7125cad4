import { randomBytes } from 'node:crypto';
import { decodeCmsInput } from '@tereze/pki';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { renderCertificatePdf } from '../certificate-pdf/render';
import { signatureInvalid } from '../signatures/service';
import { ACT_FORMAT, canonicalBytes } from './canonical';
import {
  type ApplicationRow,
  type CertificateRow,
  type CertificationCore,
  DOCUMENT_MAX_BYTES,
  metaOf,
  notFound,
  type SignedAct,
  signatoryCertificate,
  type Viewer,
} from './core';
import { labelParams } from './messages';
import { addMonths, nextCertificateNumber } from './numbering';
import { ACT_PAYLOADS, type ApplicationForm } from './schema';
import { type ApplicationStatus, type BodyAction, TAB_OF, transition } from './state-machine';
import { certificationApplications, certificationCertificates, certificationSignatories } from './tables';
import type { Views } from './views';

/** The acts of the body (and the moderator's return): prepared as canonical JSON, signed, applied through the state machine. */
export function createActs(core: CertificationCore, views: Views) {
  const {
    ctx,
    db,
    today,
    inTx,
    load,
    documentsOf,
    certificatesOf,
    addEvent,
    audit,
    notifyApplicant,
    accreditedBody,
  } = core;
  const { view } = views;

  // ── acts ──────────────────────────────────────────────────────────────────────────────────────────────
  function parsePayload(action: BodyAction, payload: Record<string, unknown>) {
    const parsed = ACT_PAYLOADS[action].safeParse(payload);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[['payload', ...issue.path].join('.')] ??= 'invalid';
      throw new AppError(400, 'validation_failed', {}, fields);
    }
    return parsed.data as Record<string, unknown>;
  }

  async function checkScope(viewer: Viewer, app: ApplicationRow, tx: Db = db) {
    if (viewer.role !== 'body') return null;
    const record = await accreditedBody(viewer.organization.bin, app.standard, tx);
    if (!record) throw new AppError(403, 'certification_outside_scope', { standard: app.standard ?? '' });
    return record;
  }

  async function checkReports(app: ApplicationRow, ids: unknown, tx: Db = db) {
    if (!Array.isArray(ids) || ids.length === 0) return;
    const docs = await documentsOf(app.id, tx);
    for (const id of ids)
      if (!docs.some((d) => d.id === id && d.kind === 'report'))
        throw new AppError(
          400,
          'validation_failed',
          {},
          { 'payload.reportDocumentIds': 'certification_report_unknown' },
        );
  }

  async function issueCertificate(
    tx: Db,
    app: ApplicationRow,
    facts: NonNullable<SignedAct['certificate']>,
    attestatNumber: string,
  ): Promise<CertificateRow> {
    const number = await nextCertificateNumber(tx, app.bodyBin ?? '', Number(facts.issuedOn.slice(0, 4)));
    const surveillance = [
      { due: addMonths(facts.issuedOn, 12), doneOn: null },
      { due: addMonths(facts.issuedOn, 24), doneOn: null },
    ];
    const t = ctx.now();
    const pdf = await renderCertificatePdf({
      number,
      holderBin: app.applicantBin,
      holderName: app.applicantName,
      bodyBin: app.bodyBin ?? undefined,
      bodyName: app.bodyName,
      attestatNumber,
      standard: facts.standard,
      scope: facts.scope,
      issuedAt: facts.issuedOn,
      validUntil: facts.validUntil,
      publicUrl: `${ctx.config.PUBLIC_URL}/certification/certificates/${encodeURIComponent(number)}`,
      lang: 'ru',
    });
    const stored = await ctx.files.store(
      {
        bytes: pdf,
        filename: `${number}.pdf`,
        purpose: 'certificate_pdf',
        allowed: ['pdf'],
        maxBytes: DOCUMENT_MAX_BYTES,
        ownerAccountId: null,
        organizationId: app.organizationId,
      },
      tx,
    );
    const [row] = await tx
      .insert(certificationCertificates)
      .values({
        number,
        applicationId: app.id,
        organizationId: app.organizationId,
        holderBin: app.applicantBin,
        holderName: app.applicantName,
        bodyBin: app.bodyBin ?? '',
        bodyName: app.bodyName,
        attestatNumber,
        standard: facts.standard,
        scope: facts.scope,
        issuedOn: facts.issuedOn,
        validUntil: facts.validUntil,
        status: 'active',
        surveillance,
        pdfFileId: stored.id,
        pdfSha256: stored.sha256,
        createdAt: t,
        updatedAt: t,
      })
      .returning();
    return row;
  }

  /** The certificate an act on a certified application works on (the newest). */
  async function currentCertificate(tx: Db, app: ApplicationRow): Promise<CertificateRow> {
    const [cert] = await certificatesOf(app.id, tx);
    if (!cert)
      throw new AppError(409, 'certification_transition_not_allowed', labelParams(app.status, 'certificate'));
    return cert;
  }

  /** The effects of an act beyond the status (certificate records, journal number, re-signing). */
  async function applyEffects(tx: Db, app: ApplicationRow, act: SignedAct, attestat: string | null) {
    const set: Partial<ApplicationRow> = {};
    let certificateId: string | null = null;
    const t = ctx.now();
    const p = act.payload;
    switch (act.action) {
      case 'register':
        set.journalNumber = String(p.journalNumber);
        break;
      case 'return':
        // Editable again; the signatures of this revision are void (re-signed after the fix).
        set.revision = app.revision + 1;
        set.signedContent = null;
        set.signedCms = null;
        await tx
          .update(certificationSignatories)
          .set({ signedAt: null, signerAccountId: null, certificate: null, revision: null })
          .where(eq(certificationSignatories.applicationId, app.id));
        break;
      case 'issue_certificate': {
        const cert = await issueCertificate(tx, app, act.certificate!, attestat ?? '');
        certificateId = cert.id;
        set.certificateNumber = cert.number;
        break;
      }
      case 'recertify': {
        const old = await currentCertificate(tx, app);
        await tx
          .update(certificationCertificates)
          .set({ status: 'replaced', statusReason: 'recertified', updatedAt: t })
          .where(eq(certificationCertificates.id, old.id));
        const cert = await issueCertificate(tx, app, act.certificate!, attestat ?? old.attestatNumber);
        certificateId = cert.id;
        set.certificateNumber = cert.number;
        break;
      }
      case 'surveillance': {
        const cert = await currentCertificate(tx, app);
        const plan = [...(cert.surveillance as { due: string; doneOn: string | null }[])];
        const next = plan.findIndex((s) => !s.doneOn);
        if (next < 0)
          throw new AppError(
            409,
            'certification_no_surveillance_due',
            {},
            { 'payload.date': 'certification_no_surveillance_due' },
          );
        plan[next] = { ...plan[next], doneOn: String(p.date) };
        await tx
          .update(certificationCertificates)
          .set({ surveillance: plan, updatedAt: t })
          .where(eq(certificationCertificates.id, cert.id));
        certificateId = cert.id;
        break;
      }
      case 'suspend': {
        const cert = await currentCertificate(tx, app);
        const day = today();
        await tx
          .update(certificationCertificates)
          .set({
            status: 'suspended',
            statusReason: String(p.reason),
            suspendedOn: day,
            withdrawalDueOn: addMonths(day, 6),
            updatedAt: t,
          })
          .where(eq(certificationCertificates.id, cert.id));
        certificateId = cert.id;
        break;
      }
      case 'resume':
      case 'withdraw': {
        const cert = await currentCertificate(tx, app);
        await tx
          .update(certificationCertificates)
          .set(
            act.action === 'resume'
              ? {
                  status: 'active',
                  statusReason: null,
                  suspendedOn: null,
                  withdrawalDueOn: null,
                  updatedAt: t,
                }
              : { status: 'withdrawn', statusReason: String(p.reason), withdrawalDueOn: null, updatedAt: t },
          )
          .where(eq(certificationCertificates.id, cert.id));
        certificateId = cert.id;
        break;
      }
      default:
        break;
    }
    return { set, certificateId };
  }

  return {
    /** The act's canonical JSON, issued as a certification_act signing request (payload checked, transition allowed). */
    async prepareAct(
      viewer: Viewer,
      app: ApplicationRow,
      action: BodyAction,
      rawPayload: Record<string, unknown>,
    ) {
      if (viewer.role === 'applicant') throw notFound();
      const payload = parsePayload(action, rawPayload);
      const toStatus = transition(app.status as ApplicationStatus, action, viewer.role, payload);
      await checkScope(viewer, app);
      await checkReports(app, payload.reportDocumentIds);
      if (action === 'plan_audit' && String(payload.stage2Date) < String(payload.stage1Date))
        throw new AppError(
          400,
          'validation_failed',
          {},
          { 'payload.stage2Date': 'certification_stage2_before_stage1' },
        );
      const day = today();
      const act: SignedAct = {
        format: ACT_FORMAT,
        portal: ctx.config.PUBLIC_URL,
        applicationId: app.id,
        applicationNumber: app.number,
        revision: app.revision,
        seq: app.eventCount + 1,
        fromStatus: app.status as ApplicationStatus,
        toStatus,
        action,
        payload,
        actor: {
          role: viewer.role,
          accountId: viewer.account.id,
          iin: viewer.account.iin,
          ...(viewer.role === 'body' ? { bodyBin: viewer.organization.bin } : {}),
        },
        ...(action === 'issue_certificate' || action === 'recertify'
          ? {
              certificate: {
                standard: app.standard ?? '',
                scope: String(payload.scope ?? (app.form as ApplicationForm).scope?.scopeText ?? ''),
                issuedOn: day,
                validUntil: addMonths(day, 36),
              },
            }
          : {}),
        issuedAt: ctx.now().toISOString(),
        nonce: randomBytes(16).toString('base64url'),
      };
      const issued = await ctx.signatures.issue('certification_act', {
        subjectId: app.id,
        accountId: viewer.account.id,
        body: canonicalBytes(act),
      });
      return { signingRequest: { ...issued, key: 'SIGN' as const }, act };
    },

    /** Applies a signed act: exactly what was signed, if the application has not moved since. */
    async applyAct(
      req: FastifyRequest,
      viewer: Viewer,
      app: ApplicationRow,
      input: { signingRequestId: string; cms: string },
    ) {
      if (viewer.role === 'applicant') throw notFound();
      const verified = await ctx.signatures.verify({
        purpose: 'certification_act',
        signingRequestId: input.signingRequestId,
        cms: input.cms,
        accountId: viewer.account.id,
        subjectId: app.id,
        expectedIin: viewer.account.iin,
        ...(viewer.role === 'body' ? { expectedBin: viewer.organization.bin } : {}),
      });
      const act = JSON.parse(Buffer.from(verified.request.data).toString('utf8')) as SignedAct;
      if (act.format !== ACT_FORMAT || act.actor.role !== viewer.role || act.applicationId !== app.id)
        throw signatureInvalid('signing_request', 'act_mismatch');
      const row = await inTx(async (tx) => {
        const current = await load(app.id, tx, true);
        if (current.status !== act.fromStatus || current.eventCount + 1 !== act.seq)
          throw new AppError(409, 'certification_stale_act', labelParams(current.status));
        const to = transition(current.status as ApplicationStatus, act.action, viewer.role, act.payload);
        const record = await checkScope(viewer, current, tx);
        await ctx.signatures.consume(verified.request.id, tx);
        const { set, certificateId } = await applyEffects(tx, current, act, record?.attestatNumber ?? null);
        await addEvent(
          tx,
          current,
          {
            action: act.action,
            from: current.status,
            to,
            actorRole: viewer.role,
            account: viewer.account,
            payload: act.payload,
            signedData: verified.request.data,
            cms: decodeCmsInput(input.cms),
            signer: signatoryCertificate(verified.certificate),
            certificateId,
          },
          act.seq,
        );
        const [updated] = await tx
          .update(certificationApplications)
          .set({ ...set, status: to, tab: TAB_OF[to], eventCount: act.seq, updatedAt: ctx.now() })
          .where(eq(certificationApplications.id, app.id))
          .returning();
        await audit(tx, `certification.act.${act.action}`, viewer.account, updated, metaOf(req), {
          from: current.status,
          to,
          certificateId,
        });
        if (to !== current.status || act.action === 'surveillance' || act.action === 'recertify')
          await notifyApplicant(
            tx,
            updated,
            to,
            String(act.payload.comment ?? act.payload.reason ?? '') || undefined,
          );
        return updated;
      });
      return view(row, viewer);
    },
  };
}
