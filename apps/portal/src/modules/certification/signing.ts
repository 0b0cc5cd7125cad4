import { appendSignatures, decodeCmsInput } from '@tereze/pki';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { signatureInvalid } from '../signatures/service';
import { APPLICATION_FORMAT, canonicalBytes } from './canonical';
import {
  type ApplicantViewer,
  type ApplicationRow,
  bytesEqual,
  type CertificationCore,
  capacityProblem,
  metaOf,
  notFound,
  sha256Hex,
  signatoryCertificate,
} from './core';
import { labelParams } from './messages';
import type { ApplicationForm } from './schema';
import { type ApplicationStatus, TAB_OF, transition } from './state-machine';
import { certificationApplications, certificationSignatories } from './tables';
import type { Views } from './views';

/** «Подать заявку» and the signatories: the content every signatory signs, joined into one CMS. */
export function createSigning(core: CertificationCore, views: Views) {
  const {
    ctx,
    inTx,
    load,
    asApplicant,
    documentsOf,
    signatoriesOf,
    addEvent,
    audit,
    notifyApplicant,
    notifyBody,
    accreditedBody,
  } = core;
  const { view } = views;

  /** «Подать заявку»: every problem at once, as field → code. */
  async function submissionProblems(
    app: ApplicationRow,
    viewer: ApplicantViewer,
  ): Promise<Record<string, string>> {
    const f = app.form as ApplicationForm;
    const errors: Record<string, string> = {};
    // «Подать заявку: За себя / От имени организации» — chosen, and still fitting the caller's membership.
    if (!f.capacity) errors.capacity = 'required';
    else {
      const code = capacityProblem(viewer, f.capacity);
      if (code) errors.capacity = code;
    }
    const need = (path: string, v: unknown) => {
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))
        errors[path] = 'required';
    };
    need('applicant.name', f.applicant?.name);
    need('applicant.legalAddress', f.applicant?.legalAddress);
    need('applicant.headFullName', f.applicant?.headFullName);
    need('applicant.mobile', f.applicant?.mobile);
    if (f.applicant?.mobile && !/^\+77\d{9}$/.test(f.applicant.mobile))
      errors['applicant.mobile'] = 'invalid_phone';
    need('applicant.email', f.applicant?.email);
    if (f.applicant?.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.applicant.email))
      errors['applicant.email'] = 'invalid_email';
    need('address.postalIndex', f.address?.postalIndex);
    if (f.address?.postalIndex && !/^\d{6}$/.test(f.address.postalIndex))
      errors['address.postalIndex'] = 'invalid';
    need('address.city', f.address?.city);
    need('address.street', f.address?.street);
    need('address.house', f.address?.house);
    need('additional.contactPerson', f.additional?.contactPerson);
    need('additional.contactPhone', f.additional?.contactPhone);
    need('scope.standard', f.scope?.standard);
    need('scope.scopeText', f.scope?.scopeText);
    if (!f.scope?.sites?.length) errors['scope.sites'] = 'required';
    if (!f.scope?.headcount || f.scope.headcount < 1) errors['scope.headcount'] = 'required';
    need('scope.oked', f.scope?.oked);
    if (f.scope?.oked && !/^\d{5}$/.test(f.scope.oked)) errors['scope.oked'] = 'invalid';
    need('body.bodyBin', f.body?.bodyBin);
    if (f.body?.bodyBin && f.scope?.standard && !(await accreditedBody(f.body.bodyBin, f.scope.standard)))
      errors['body.bodyBin'] = 'certification_body_scope';
    const docs = await documentsOf(app.id);
    if (!docs.some((d) => d.kind === 'applicant')) errors.documents = 'required';
    const blocks = await signatoriesOf(app.id);
    if (blocks.length === 0) errors.signatories = 'required';
    blocks.forEach((b, i) => {
      if (b.plannedIin && !/^\d{12}$/.test(b.plannedIin))
        errors[`signatories.${i}.plannedIin`] = 'invalid_iin';
    });
    return errors;
  }

  /** The exact bytes every signatory signs: the application and its documents' SHA-256 (canonical JSON). */
  async function applicationContent(tx: Db, app: ApplicationRow, revision: number): Promise<Uint8Array> {
    const [docs, blocks] = await Promise.all([documentsOf(app.id, tx), signatoriesOf(app.id, tx)]);
    return canonicalBytes({
      format: APPLICATION_FORMAT,
      portal: ctx.config.PUBLIC_URL,
      applicationId: app.id,
      number: app.number,
      revision,
      capacity: (app.form as ApplicationForm).capacity ?? null,
      organization: { bin: app.applicantBin, name: app.applicantName },
      body: { bin: (app.form as ApplicationForm).body?.bodyBin ?? null, name: app.bodyName },
      form: app.form,
      documents: docs
        .filter((d) => d.kind === 'applicant')
        .map((d) => ({ id: d.id, title: d.title, filename: d.filename, size: d.size, sha256: d.sha256 })),
      signatories: blocks.map((b) => ({
        position: b.position,
        plannedName: b.plannedName,
        plannedIin: b.plannedIin,
      })),
    });
  }

  return {
    /** «Подать заявку»: validates everything, fixes the signed content; signatories then sign it. */
    async submit(req: FastifyRequest, organizationId: string, id: string) {
      const { viewer, app: found } = await asApplicant(req, organizationId, id);
      if (viewer.role !== 'applicant' || !found) throw notFound();
      transition(found.status as ApplicationStatus, 'submit', 'applicant');
      const problems = await submissionProblems(found, viewer);
      if (Object.keys(problems).length) throw new AppError(400, 'validation_failed', {}, problems);
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        const to = transition(current.status as ApplicationStatus, 'submit', 'applicant');
        const content = await applicationContent(tx, current, current.revision);
        const seq = current.eventCount + 1;
        const [row] = await tx
          .update(certificationApplications)
          .set({
            status: to,
            tab: TAB_OF[to],
            signedContent: content,
            signedCms: null,
            eventCount: seq,
            updatedAt: ctx.now(),
          })
          .where(eq(certificationApplications.id, id))
          .returning();
        await addEvent(
          tx,
          row,
          {
            action: 'submit',
            from: current.status,
            to,
            actorRole: 'applicant',
            account: viewer.account,
            // language: the applicant's e-mails are written in it (core.notifyApplicant).
            payload: {
              revision: current.revision,
              sha256: sha256Hex(content),
              capacity: (current.form as ApplicationForm).capacity,
              language: req.lang,
            },
          },
          seq,
        );
        await audit(tx, 'certification.application.submit', viewer.account, row, metaOf(req), {
          revision: current.revision,
        });
        return row;
      });
      return view(app, viewer);
    },

    /** Back to editing before every signatory signed (the signatures collected so far are void). */
    async unlock(req: FastifyRequest, organizationId: string, id: string) {
      const { viewer } = await asApplicant(req, organizationId, id);
      if (viewer.role !== 'applicant') throw notFound();
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        const to = transition(current.status as ApplicationStatus, 'unlock', 'applicant');
        const seq = current.eventCount + 1;
        const [row] = await tx
          .update(certificationApplications)
          .set({
            status: to,
            tab: TAB_OF[to],
            revision: current.revision + 1,
            signedContent: null,
            signedCms: null,
            eventCount: seq,
            updatedAt: ctx.now(),
          })
          .where(eq(certificationApplications.id, id))
          .returning();
        await tx
          .update(certificationSignatories)
          .set({ signedAt: null, signerAccountId: null, certificate: null, revision: null })
          .where(eq(certificationSignatories.applicationId, id));
        await addEvent(
          tx,
          row,
          { action: 'unlock', from: current.status, to, actorRole: 'applicant', account: viewer.account },
          seq,
        );
        await audit(tx, 'certification.application.unlock', viewer.account, row, metaOf(req));
        return row;
      });
      return view(app, viewer);
    },

    /** The bytes a signatory signs (signing-request body for certification_application): members only, while signing. */
    async signingContent(applicationId: string, accountId: string | null, tx: Db): Promise<Uint8Array> {
      const app = await load(applicationId, tx);
      const member = accountId
        ? await ctx.organizations.membershipOf(app.organizationId, accountId, tx)
        : null;
      if (member?.status !== 'active') throw notFound();
      if (app.status !== 'signing' || !app.signedContent)
        throw new AppError(409, 'certification_transition_not_allowed', labelParams(app.status, 'sign'));
      return app.signedContent;
    },

    /**
     * One signatory's signature: verified (SIGN key; the organisation's BIN and first head / signing rights, or an
     * entrepreneur's own IIN; the signatory's IIN), then joined into the application's one CMS. The last block
     * signed submits the application to the body.
     */
    async sign(
      req: FastifyRequest,
      organizationId: string,
      id: string,
      input: { signingRequestId: string; cms: string; signatoryId?: string; comment?: string },
    ) {
      const { viewer, app: found } = await asApplicant(req, organizationId, id);
      if (viewer.role !== 'applicant' || !found) throw notFound();
      transition(found.status as ApplicationStatus, 'sign', 'applicant');
      const org = viewer.organization;
      const entrepreneur = org.kind === 'individual_entrepreneur';
      const verified = await ctx.signatures.verify({
        purpose: 'certification_application',
        signingRequestId: input.signingRequestId,
        cms: input.cms,
        accountId: viewer.account.id,
        subjectId: id,
        expectedIin: viewer.account.iin,
        ...(entrepreneur
          ? { requireSubjectKind: 'individual_entrepreneur' as const }
          : { expectedBin: org.bin, requireRoles: { anyOf: ['first_head', 'signing_rights'] as const } }),
      });
      const cert = verified.certificate;
      const app = await inTx(async (tx) => {
        const current = await load(id, tx, true);
        const to = transition(current.status as ApplicationStatus, 'sign', 'applicant');
        // The request was issued over an earlier content (changed application or document): refused.
        if (!bytesEqual(current.signedContent, verified.request.data))
          throw signatureInvalid('content', 'application_changed');
        const blocks = await signatoriesOf(id, tx);
        if (
          blocks.some(
            (b) => b.signedAt && b.certificate && (b.certificate as { iin?: string }).iin === cert.iin,
          )
        )
          throw new AppError(409, 'certification_already_signed');
        const block = input.signatoryId
          ? blocks.find((b) => b.id === input.signatoryId)
          : blocks.find((b) => !b.signedAt && (!b.plannedIin || b.plannedIin === cert.iin));
        if (!block || block.signedAt)
          throw new AppError(
            409,
            'certification_no_signatory_block',
            {},
            { signatoryId: 'certification_no_signatory_block' },
          );
        if (block.plannedIin && block.plannedIin !== cert.iin)
          throw new AppError(
            400,
            'validation_failed',
            {},
            { signatoryId: 'certification_signatory_mismatch' },
          );
        await ctx.signatures.consume(verified.request.id, tx);
        const der = decodeCmsInput(input.cms);
        const combined = current.signedCms ? appendSignatures(current.signedCms, der) : der;
        const t = ctx.now();
        const certificate = signatoryCertificate(cert);
        await tx
          .update(certificationSignatories)
          .set({
            signedAt: t,
            signerAccountId: viewer.account.id,
            certificate,
            revision: current.revision,
            comment: input.comment?.trim() || block.comment,
          })
          .where(eq(certificationSignatories.id, block.id));
        const complete = blocks.every((b) => b.id === block.id || b.signedAt);
        let seq = current.eventCount + 1;
        await addEvent(
          tx,
          current,
          {
            action: 'sign',
            from: current.status,
            to,
            actorRole: 'applicant',
            account: viewer.account,
            payload: { position: block.position },
            cms: der,
            signer: certificate,
          },
          seq,
        );
        const set: Partial<ApplicationRow> = { signedCms: combined, updatedAt: t };
        if (complete) {
          const done = transition(to, 'complete_signing', 'system');
          seq += 1;
          // The body's queue (body_bin) holds an application from its submission on: never a draft.
          const bodyBin = (current.form as ApplicationForm).body?.bodyBin ?? null;
          Object.assign(set, { status: done, tab: TAB_OF[done], submittedAt: t, bodyBin });
          await addEvent(
            tx,
            current,
            {
              action: 'complete_signing',
              from: to,
              to: done,
              actorRole: 'system',
              payload: { revision: current.revision, signatures: blocks.length },
              signedData: current.signedContent,
              cms: combined,
            },
            seq,
          );
        }
        const [row] = await tx
          .update(certificationApplications)
          .set({ ...set, eventCount: seq })
          .where(eq(certificationApplications.id, id))
          .returning();
        await audit(tx, 'certification.application.sign', viewer.account, row, metaOf(req), {
          position: block.position,
          signerIin: cert.iin,
          complete,
        });
        if (complete) {
          await notifyApplicant(tx, row, 'submitted');
          await notifyBody(tx, row);
        }
        return row;
      });
      return view(app, viewer);
    },
  };
}
