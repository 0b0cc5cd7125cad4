import { decodeCmsInput } from '@tereze/pki';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { AppError } from '../../server/errors';
import { type CertificationCore, metaOf, notFound, UUID, type Viewer } from './core';
import { listRegistry, publicStatusSql } from './lists';
import type { RegistryQuery, Standard } from './schema';
import { certificationCertificates, certificationEvents } from './tables';
import type { Views } from './views';

/** Certificates: the public registry and page, the PDF and the body's detached signature over it. */
export function createCertificates(core: CertificationCore, views: Views) {
  const { ctx, db, accreditations, today, inTx, audit } = core;
  const { certificateView } = views;

  const self = {
    // ── certificates ────────────────────────────────────────────────────────────────────────────────────
    async certificateByNumber(number: string) {
      const [row] = await db
        .select()
        .from(certificationCertificates)
        .where(eq(certificationCertificates.number, number));
      if (!row) throw notFound();
      return row;
    },

    /** The public certificate page (QR target): its data, public status and history (no personal data). */
    async publicCertificate(number: string) {
      const cert = await self.certificateByNumber(number);
      const history = await db
        .select()
        .from(certificationEvents)
        .where(eq(certificationEvents.applicationId, cert.applicationId))
        .orderBy(asc(certificationEvents.seq));
      const [{ status }] = await ctx.database.query<{ status: string }>(
        `SELECT ${publicStatusSql(today())} AS status FROM certification_certificates c WHERE c.id = $1`,
        [cert.id],
      );
      const v = certificateView(cert);
      return {
        number: v.number,
        holderBin: v.holderBin,
        holderName: v.holderName,
        bodyBin: v.bodyBin,
        bodyName: v.bodyName,
        attestatNumber: v.attestatNumber,
        standard: v.standard,
        scope: v.scope,
        issuedOn: v.issuedOn,
        validUntil: v.validUntil,
        status,
        statusReason: cert.status === 'suspended' || cert.status === 'withdrawn' ? cert.statusReason : null,
        surveillance: v.surveillance,
        pdfAvailable: v.pdfAvailable,
        pdfSigned: v.pdfSigned,
        pdfSha256: v.pdfSha256,
        history: history
          .filter((e) => e.certificateId === cert.id)
          .map((e) => ({ action: e.action, toStatus: e.toStatus, at: e.createdAt.toISOString() })),
      };
    },

    async certificatePdf(number: string) {
      const cert = await self.certificateByNumber(number);
      if (!cert.pdfFileId) throw notFound();
      const { bytes } = await ctx.files.read(cert.pdfFileId);
      return { cert, bytes };
    },

    /** Body resolver of certification_certificate: the PDF bytes, to the issuing body's staff only. */
    async certificateSigningContent(
      certificateId: string,
      accountId: string | null,
      tx: Db,
    ): Promise<Uint8Array> {
      if (!UUID.test(certificateId) || !accountId) throw notFound();
      const [cert] = await tx
        .select()
        .from(certificationCertificates)
        .where(eq(certificationCertificates.id, certificateId));
      if (!cert?.pdfFileId) throw notFound();
      const org = await ctx.organizations.findByBin(cert.bodyBin, tx);
      const member = org ? await ctx.organizations.membershipOf(org.id, accountId, tx) : null;
      if (member?.status !== 'active') throw notFound();
      return (await ctx.files.read(cert.pdfFileId, tx)).bytes;
    },

    /** The body's detached CMS over the certificate PDF (signed by its staff through a signing request). */
    async signCertificatePdf(
      req: FastifyRequest,
      viewer: Viewer,
      certificateId: string,
      input: { signingRequestId: string; cms: string },
    ) {
      if (viewer.role !== 'body') throw notFound();
      if (!UUID.test(certificateId)) throw notFound();
      const [cert] = await db
        .select()
        .from(certificationCertificates)
        .where(eq(certificationCertificates.id, certificateId));
      if (!cert || cert.bodyBin !== viewer.organization.bin) throw notFound();
      if (cert.pdfCms) throw new AppError(409, 'certification_pdf_already_signed');
      const verified = await ctx.signatures.verify({
        purpose: 'certification_certificate',
        signingRequestId: input.signingRequestId,
        cms: input.cms,
        accountId: viewer.account.id,
        subjectId: cert.id,
        expectedIin: viewer.account.iin,
        expectedBin: viewer.organization.bin,
        detached: true,
      });
      const der = decodeCmsInput(input.cms);
      await inTx(async (tx) => {
        await ctx.signatures.consume(verified.request.id, tx);
        const done = await tx
          .update(certificationCertificates)
          .set({ pdfCms: der, updatedAt: ctx.now() })
          .where(
            and(eq(certificationCertificates.id, cert.id), sql`${certificationCertificates.pdfCms} IS NULL`),
          )
          .returning({ id: certificationCertificates.id });
        if (done.length === 0) throw new AppError(409, 'certification_pdf_already_signed');
        await audit(
          tx,
          'certification.certificate.sign_pdf',
          viewer.account,
          { id: cert.applicationId, organizationId: cert.organizationId },
          metaOf(req),
          { certificateId: cert.id },
        );
      });
      return certificateView({ ...cert, pdfCms: der });
    },

    listRegistry: (q: RegistryQuery) => listRegistry(ctx.database, q, today()),

    /** Bodies accredited today (for the standard): the ОПС tab's choices. */
    async bodies(standard?: Standard) {
      const rows = await accreditations.accreditedOn(today(), standard);
      return rows.map((r) => ({
        bin: r.bodyBin,
        nameRu: r.bodyNameRu,
        nameKk: r.bodyNameKk,
        attestatNumber: r.attestatNumber,
        validFrom: r.validFrom,
        validTo: r.validTo,
        standards: r.standards,
      }));
    },
  };
  return self;
}
