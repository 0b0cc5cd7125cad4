import { createHash } from 'node:crypto';
import { type Check, type SignerReport, type VerificationReport, verifyCms } from '@tereze/pki';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';
import { fullNameOf } from '../signatures/certificate-summary';

export interface ExplainedCheck {
  name: string;
  ok: boolean;
  /** The check in a few words ("Целостность документа"). */
  title: string;
  /** What the result means, as a sentence for a person. */
  sentence: string;
  /** The machine-readable reason of docs/verification.md, for support. */
  reason?: string;
}

export interface ExplainedSigner {
  valid: boolean;
  name: string | null;
  iin: string | null;
  bin: string | null;
  organization: string | null;
  email: string | null;
  subjectKind: string | null;
  roles: string[];
  certificate: {
    serialNumber: string;
    validFrom: string;
    validTo: string;
    /** The issuing CA's common name (its whole DN in issuerDn). */
    issuer: string;
    issuerDn: string;
    subjectDn: string;
    fingerprint: string;
  } | null;
  /** The signer's claimed signing time (trusted only when a timestamp confirms it). */
  signingTime: string | null;
  /** The time the certificate was judged at, and where it came from. */
  verificationTime: string;
  timeSource: 'now' | 'signing-time' | 'timestamp';
  checks: ExplainedCheck[];
}

export interface SignatureVerdict {
  valid: boolean;
  /** One sentence: valid, or not valid and why. */
  verdict: string;
  failedCheck: string | null;
  /** The uploaded signed file, when the signature is detached. */
  data: { filename: string; size: number; sha256: string } | null;
  signers: ExplainedSigner[];
  checks: ExplainedCheck[];
}

/** Reasons meaning "the input is not a CMS at all" → 400 instead of a report. */
const UNREADABLE = /^(not_pem_base64_or_der|malformed_cms|der_|bad_input)/;

function explainCheck(c: Check, lang: Language): ExplainedCheck {
  const title = translate(lang, `vs_${c.name}_title`);
  let sentence: string;
  if (!c.ok && c.reason?.startsWith('not_checked')) sentence = translate(lang, 'vs_not_checked');
  else if (c.ok && c.name === 'revocation' && c.reason === 'revocation_off')
    sentence = translate(lang, 'vs_revocation_off');
  else sentence = translate(lang, `vs_${c.name}_${c.ok ? 'ok' : 'fail'}`);
  return c.reason
    ? { name: c.name, ok: c.ok, title, sentence, reason: c.reason }
    : { name: c.name, ok: c.ok, title, sentence };
}

/** The CN of a DN string ("CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA),C=KZ" → the name). */
function commonNameOf(dn: string): string {
  return /(?:^|,\s*)CN=((?:\\,|[^,])+)/.exec(dn)?.[1]?.replace(/\\,/g, ',').trim() ?? dn;
}

function explainSigner(s: SignerReport, lang: Language): ExplainedSigner {
  const p = s.profile;
  return {
    valid: s.valid,
    name: p ? fullNameOf(p) : null,
    iin: p?.iin ?? null,
    bin: p?.bin ?? null,
    organization: p?.organization ?? null,
    email: p?.email ?? null,
    subjectKind: p?.subjectKind ?? null,
    roles: p ? [...p.roles] : [],
    certificate: s.certificate
      ? {
          serialNumber: s.certificate.serialNumber,
          validFrom: s.certificate.notBefore,
          validTo: s.certificate.notAfter,
          issuer: commonNameOf(s.certificate.issuerDn),
          issuerDn: s.certificate.issuerDn,
          subjectDn: s.certificate.subjectDn,
          fingerprint: s.certificate.fingerprint,
        }
      : null,
    signingTime: s.signingTime ?? null,
    verificationTime: s.verificationTime,
    timeSource: s.timeSource,
    checks: s.checks.map((c) => explainCheck(c, lang)),
  };
}

/** The report in plain language (`lang`): verdict, signer, certificate, each check with a sentence. */
export function explainReport(report: VerificationReport, lang: Language): Omit<SignatureVerdict, 'data'> {
  const checks = report.checks.map((c) => explainCheck(c, lang));
  const failed = report.failedCheck ? checks.find((c) => c.name === report.failedCheck) : undefined;
  return {
    valid: report.valid,
    verdict: report.valid
      ? translate(lang, 'vs_valid')
      : translate(lang, 'vs_invalid', { check: failed?.sentence ?? translate(lang, 'vs_structure_fail') }),
    failedCheck: report.failedCheck ?? null,
    signers: report.signers.map((s) => explainSigner(s, lang)),
    checks,
  };
}

/**
 * Verifies a document signature anyone uploads (the public «Проверить подпись» page): the portal's trust
 * anchors and revocation policy (ctx.signatures), a SIGN key (purpose 'document', time = the timestamp or the
 * signing time), no expected signer. Throws 400 signature_unreadable when the input is no CMS at all, 400
 * signature_detached_data_missing for a detached CMS without its file; every other outcome is a report.
 */
export async function verifyUploadedSignature(
  ctx: Pick<AppContext, 'signatures' | 'now'>,
  input: { cms: Uint8Array; data?: { bytes: Uint8Array; filename: string } },
  lang: Language,
): Promise<SignatureVerdict> {
  const { anchors, intermediates } = ctx.signatures.trustAnchors();
  const report = await verifyCms(input.cms, {
    trustAnchors: anchors,
    intermediates,
    purpose: 'document',
    data: input.data?.bytes,
    revocation: ctx.signatures.revocation,
    now: ctx.now(),
  });
  const structure = report.checks.find((c) => c.name === 'structure');
  if (report.signers.length === 0 || (structure && !structure.ok && UNREADABLE.test(structure.reason ?? '')))
    throw new AppError(
      400,
      'signature_unreadable',
      {},
      { signature: translate(lang, 'signature_unreadable') },
    );
  if (!input.data && report.checks.some((c) => c.reason === 'detached_data_missing'))
    throw new AppError(
      400,
      'signature_detached_data_missing',
      {},
      { data: translate(lang, 'signature_detached_data_missing') },
    );
  const data = input.data
    ? {
        filename: input.data.filename,
        size: input.data.bytes.length,
        sha256: createHash('sha256').update(input.data.bytes).digest('hex'),
      }
    : null;
  return { ...explainReport(report, lang), data };
}
