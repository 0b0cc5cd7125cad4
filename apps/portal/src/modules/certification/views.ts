import { asc, eq } from 'drizzle-orm';
import type { ApplicationRow, CertificateRow, CertificationCore, signatoryCertificate, Viewer } from './core';
import type { ApplicationForm } from './schema';
import { type Actor, type ApplicationStatus, allowedActions, EDITABLE } from './state-machine';
import { certificationEvents } from './tables';

/** The application as every role sees it (tabs, documents, signatories, timeline) and the certificate view. */
const chosenBody = (app: ApplicationRow) => (app.form as ApplicationForm).body?.bodyBin || app.bodyBin;

export function createViews(core: CertificationCore) {
  const { ctx, db, today, documentsOf, signatoriesOf, certificatesOf } = core;

  function certificateView(c: CertificateRow) {
    const day = today();
    const expired = (c.status === 'active' || c.status === 'suspended') && c.validUntil < day;
    return {
      id: c.id,
      number: c.number,
      holderBin: c.holderBin,
      holderName: c.holderName,
      bodyBin: c.bodyBin,
      bodyName: c.bodyName,
      attestatNumber: c.attestatNumber,
      standard: c.standard,
      scope: c.scope,
      issuedOn: c.issuedOn,
      validUntil: c.validUntil,
      status: expired ? 'expired' : c.status,
      statusReason: c.statusReason,
      suspendedOn: c.suspendedOn,
      withdrawalDueOn: c.withdrawalDueOn,
      withdrawalOverdue: c.status === 'suspended' && !!c.withdrawalDueOn && c.withdrawalDueOn < day,
      surveillance: c.surveillance as { due: string; doneOn: string | null }[],
      pdfAvailable: !!c.pdfFileId,
      pdfSigned: !!c.pdfCms,
      pdfSha256: c.pdfSha256,
      publicUrl: `${ctx.config.PUBLIC_URL}/certification/certificates/${encodeURIComponent(c.number)}`,
    };
  }

  async function view(app: ApplicationRow, viewer: Viewer) {
    const [documents, signatories, events, certificates] = await Promise.all([
      documentsOf(app.id),
      signatoriesOf(app.id),
      db
        .select()
        .from(certificationEvents)
        .where(eq(certificationEvents.applicationId, app.id))
        .orderBy(asc(certificationEvents.seq)),
      certificatesOf(app.id),
    ]);
    const actor: Actor = viewer.role;
    return {
      id: app.id,
      number: app.number,
      organizationId: app.organizationId,
      status: app.status,
      tab: app.tab,
      revision: app.revision,
      editable: viewer.role === 'applicant' && EDITABLE.includes(app.status as ApplicationStatus),
      allowedActions: allowedActions(app.status as ApplicationStatus, actor),
      form: app.form as ApplicationForm,
      /** «Подать заявку: За себя» (self) / «От имени организации» (organization); null until chosen. */
      capacity: (app.form as ApplicationForm).capacity ?? null,
      applicantBin: app.applicantBin,
      applicantName: app.applicantName,
      // The chosen body (the form's); `body_bin` itself is set once the application reaches the body.
      body: chosenBody(app) ? { bin: chosenBody(app), name: app.bodyName } : null,
      standard: app.standard,
      journalNumber: app.journalNumber,
      moderatorBlock: {
        note: app.moderatorNote,
        updatedAt: app.moderatorNoteAt?.toISOString() ?? null,
      },
      documents: documents
        .filter((d) => viewer.role !== 'applicant' || d.kind === 'applicant' || app.submittedAt)
        .map((d) => ({
          id: d.id,
          kind: d.kind,
          title: d.title,
          filename: d.filename,
          mediaType: d.mediaType,
          size: d.size,
          sha256: d.sha256,
          createdAt: d.createdAt.toISOString(),
        })),
      signatories: signatories.map((s) => ({
        id: s.id,
        position: s.position,
        plannedName: s.plannedName,
        plannedIin: s.plannedIin,
        comment: s.comment,
        signedAt: s.signedAt?.toISOString() ?? null,
        certificate: s.certificate as ReturnType<typeof signatoryCertificate> | null,
      })),
      signed: !!app.signedCms && app.status !== 'signing',
      timeline: events.map((e) => ({
        seq: e.seq,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: e.actorName,
        actorRole: e.actorRole,
        payload: e.payload,
        signed: !!e.cms,
        signer: e.signer,
        createdAt: e.createdAt.toISOString(),
      })),
      certificates: certificates.map(certificateView),
      submittedAt: app.submittedAt?.toISOString() ?? null,
      createdAt: app.createdAt.toISOString(),
      updatedAt: app.updatedAt.toISOString(),
    };
  }

  return {
    certificateView,
    view,
  };
}

export type Views = ReturnType<typeof createViews>;
