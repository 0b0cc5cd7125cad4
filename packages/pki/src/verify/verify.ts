/**
 * verifyCms: every rule of DESIGN.md "what 'verified' means", one named check each, for every
 * SignerInfo. Parsing and the digest/signature step differ between the engines (fast: DER walker +
 * node:crypto; reference: pkijs); everything else is this shared code, so both give one verdict.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import * as pkijs from 'pkijs';
import { type ParsedCertificate, parseCertificate } from '../cert';
import { buildChain, type ChainResult } from '../chain';
import { readTlv, toArrayBuffer } from '../der';
import { EKU, GOST } from '../oids';
import {
  type Check,
  type CheckName,
  check,
  firstFailed,
  type SignerReport,
  summariseChecks,
  type VerificationReport,
} from '../report';
import { revocationVerdict } from '../revocation/index';
import { digest, digestStatus, signatureStatus, UNSUPPORTED_KEY_OIDS, verifySignature } from './algorithms';
import { CmsStructureError, type CmsView, type SignerView } from './cms-view';
import { derGateProblem } from './der-gate';
import { FastPathUnsupported, parseSignedDataFast } from './fast-parse';
import { cmsInputToDer } from './input';
import type { CertificateInput, VerifyOptions } from './options';
import { policyCheck, profileOf } from './policy';
import { parseSignedDataReference, type ReferenceParse, verifySignerReference } from './reference-engine';
import { verifyTimestampToken } from './timestamp';

const DEFAULT_SKEW_MS = 5 * 60_000;

// --- certificate option normalisation (cached by array identity) ------------------------------
const normalised = new WeakMap<readonly CertificateInput[], ParsedCertificate[]>();

function toParsed(list: readonly CertificateInput[] | undefined): ParsedCertificate[] {
  if (!list || list.length === 0) return [];
  let out = normalised.get(list);
  if (!out) {
    out = list.map((c) => (typeof c === 'string' || c instanceof Uint8Array ? parseCertificate(c) : c));
    normalised.set(list, out);
  }
  return out;
}

/**
 * Certificates arrive again and again inside CMSes: find them by their last 32 bytes (inside the
 * signature value) and confirm with a full byte comparison, instead of hashing every certificate.
 */
const seenCerts = new Map<string, ParsedCertificate>();
const SEEN_MAX = 5000;

function tryParse(der: Uint8Array): ParsedCertificate | null {
  const tail = Buffer.from(
    der.buffer,
    der.byteOffset + Math.max(0, der.length - 32),
    Math.min(32, der.length),
  );
  const key = tail.toString('latin1');
  const hit = seenCerts.get(key);
  if (hit && bytesEqual(hit.der, der)) return hit;
  if (derGateProblem(der)) return null;
  try {
    const cert = parseCertificate(der);
    // Both certificate parsers must accept it: @peculiar/x509 (cert.ts) and pkijs's schema.
    pkijs.Certificate.fromBER(toArrayBuffer(cert.der));
    seenCerts.set(key, cert);
    if (seenCerts.size > SEEN_MAX) seenCerts.delete(seenCerts.keys().next().value as string);
    return cert;
  } catch {
    return null;
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// --- signer certificate lookup (fast engine) ---------------------------------------------------
const keyIdCache = new WeakMap<ParsedCertificate, string>();

/** SHA-1 of the subjectPublicKey BIT STRING (RFC 5280 method 1; what pkijs matches on). */
function sha1KeyId(cert: ParsedCertificate): string {
  let id = keyIdCache.get(cert);
  if (id === undefined) {
    const spki = readTlv(cert.spki, 0);
    const alg = readTlv(cert.spki, spki.contentStart, spki.end);
    const bits = readTlv(cert.spki, alg.end, spki.end);
    id = createHash('sha1')
      .update(cert.spki.subarray(bits.contentStart + 1, bits.end))
      .digest('hex');
    keyIdCache.set(cert, id);
  }
  return id;
}

function findSignerCertificate(view: CmsView, signer: SignerView): number {
  const sid = signer.sid;
  for (let i = 0; i < view.certificates.length; i++) {
    const cert = tryParse(view.certificates[i]);
    if (!cert) continue;
    if (sid.kind === 'issuerAndSerial') {
      if (cert.serialNumber === sid.serialHex && bytesEqual(cert.issuerDer, sid.issuerDer)) return i;
    } else if (cert.ski === sid.ski || sha1KeyId(cert) === sid.ski) {
      return i;
    }
  }
  return -1;
}

// --- engines ----------------------------------------------------------------------------------
type CryptoOutcome =
  | { ok: true; signerIndex: number }
  | {
      ok: false;
      check: 'structure' | 'digest' | 'signature' | 'algorithm';
      reason: string;
      signerIndex: number;
    };

interface Engine {
  name: 'fast' | 'reference';
  view: CmsView;
  /** Locates the signer certificate (index into view.certificates, -1 when absent). */
  locate(index: number): Promise<number>;
  /** Digest + signature. Called only after the shared structure/algorithm/content checks passed. */
  verify(index: number, signerCert: ParsedCertificate, content: Uint8Array): Promise<CryptoOutcome>;
}

function fastEngine(view: CmsView): Engine {
  const located = new Map<number, number>();
  return {
    name: 'fast',
    view,
    async locate(index) {
      let i = located.get(index);
      if (i === undefined) {
        i = findSignerCertificate(view, view.signers[index]);
        located.set(index, i);
      }
      return i;
    },
    async verify(index, signerCert, content) {
      const s = view.signers[index];
      const key = signerCert.publicKey!;
      let signedBytes = content;
      if (s.signedAttrsDer) {
        const md = digest(s.digestAlgorithmOid, content);
        if (!s.messageDigest || !bytesEqual(md, s.messageDigest)) {
          return { ok: false, check: 'digest', reason: 'message_digest_mismatch', signerIndex: -1 };
        }
        signedBytes = s.signedAttrsDer;
      }
      const ok = verifySignature(
        s.signatureAlgorithmOid,
        key,
        signedBytes,
        s.signature,
        s.digestAlgorithmOid,
      );
      return ok
        ? { ok: true, signerIndex: -1 }
        : { ok: false, check: 'signature', reason: 'bad_signature', signerIndex: -1 };
    },
  };
}

function referenceEngine(parsed: ReferenceParse, detached: Uint8Array | null): Engine {
  const outcomes = new Map<number, ReturnType<typeof verifySignerReference>>();
  const run = (index: number) => {
    let p = outcomes.get(index);
    if (!p) {
      p = verifySignerReference(parsed.signedData, index, detached);
      outcomes.set(index, p);
    }
    return p;
  };
  return {
    name: 'reference',
    view: parsed.view,
    async locate(index) {
      const r = await run(index);
      return r.signerCertificateIndex;
    },
    async verify(index) {
      const r = await run(index);
      return r.ok
        ? { ok: true, signerIndex: r.signerCertificateIndex }
        : { ok: false, check: r.check, reason: r.reason, signerIndex: r.signerCertificateIndex };
    },
  };
}

// --- report helpers ---------------------------------------------------------------------------
function structureFailure(reason: string, engine: 'fast' | 'reference', fallbackReason?: string) {
  const checks = [check('structure', false, reason)];
  const report: VerificationReport = { valid: false, engine, signers: [], checks, failedCheck: 'structure' };
  if (fallbackReason) report.fallbackReason = fallbackReason;
  return report;
}

/**
 * Verifies a CMS SignedData (attached or detached; PEM, base64 or DER) and returns the report.
 * Never throws for bad input: every refusal is a failed check.
 */
export async function verifyCms(
  input: Uint8Array | string,
  opts: VerifyOptions,
): Promise<VerificationReport> {
  const der = cmsInputToDer(input);
  const wanted = opts.engine ?? 'fast';
  if (!der) return structureFailure('not_pem_base64_or_der', wanted);
  const gate = derGateProblem(der, true);
  if (gate) return structureFailure(`malformed_cms: ${gate}`, wanted);
  let engine: Engine;
  let fallbackReason: string | undefined;
  try {
    if (wanted === 'fast') {
      try {
        engine = fastEngine(parseSignedDataFast(der));
      } catch (err) {
        if (!(err instanceof FastPathUnsupported)) throw err;
        fallbackReason = err.message;
        engine = referenceEngine(parseSignedDataReference(der), opts.data ?? null);
      }
    } else {
      engine = referenceEngine(parseSignedDataReference(der), opts.data ?? null);
    }
  } catch (err) {
    if (err instanceof CmsStructureError) return structureFailure(`malformed_cms: ${err.message}`, wanted);
    return structureFailure(`malformed_cms: ${(err as Error).message}`, wanted);
  }
  // A certificate that does not parse makes the SignedData malformed (as pkijs, which reads them all, finds).
  if (engine.view.certificates.some((c) => tryParse(c) === null)) {
    return structureFailure('malformed_certificate_in_cms', engine.name, fallbackReason);
  }
  if (engine.name === 'fast') {
    // pkijs also matches issuer names case-insensitively: let it judge signers we cannot find exactly.
    for (let i = 0; i < engine.view.signers.length; i++) {
      if ((await engine.locate(i)) >= 0) continue;
      try {
        engine = referenceEngine(parseSignedDataReference(der), opts.data ?? null);
        fallbackReason = 'signer_certificate_not_matched_exactly';
      } catch (err) {
        return structureFailure(`malformed_cms: ${(err as Error).message}`, 'reference', fallbackReason);
      }
      break;
    }
  }
  const view = engine.view;
  if (view.signers.length === 0) return structureFailure('no_signers', engine.name, fallbackReason);

  let anchors: ParsedCertificate[];
  let configured: ParsedCertificate[];
  try {
    anchors = toParsed(opts.trustAnchors);
    configured = toParsed(opts.intermediates);
  } catch (err) {
    throw new Error(`verifyCms: a configured certificate does not parse: ${(err as Error).message}`);
  }
  const cmsCerts = view.certificates.map(tryParse);
  // A certificate that does not parse makes the SignedData malformed (as pkijs, which reads them all, finds).
  if (cmsCerts.some((c) => c === null)) {
    return structureFailure('malformed_certificate_in_cms', engine.name, fallbackReason);
  }
  const pool = [...configured, ...cmsCerts.filter((c): c is ParsedCertificate => c !== null)];

  const top: Check[] = [];
  const detached = opts.data && opts.data.length > 0 ? opts.data : null;
  if (view.content && opts.data && !bytesEqual(view.content, opts.data)) {
    top.push(check('content', false, 'detached_data_differs_from_embedded_content'));
  }

  const signers: SignerReport[] = [];
  for (let i = 0; i < view.signers.length; i++) {
    signers.push(await verifySigner(i, engine, cmsCerts, { anchors, pool, detached, opts }));
  }
  const checks = summariseChecks(top, signers);
  const valid = checks.every((c) => c.ok) && signers.every((s) => s.valid);
  const report: VerificationReport = { valid, engine: engine.name, signers, checks };
  if (fallbackReason) report.fallbackReason = fallbackReason;
  const failed = firstFailed(checks);
  if (failed) report.failedCheck = failed;
  return report;
}

interface SignerContext {
  anchors: ParsedCertificate[];
  pool: ParsedCertificate[];
  detached: Uint8Array | null;
  opts: VerifyOptions;
}

async function verifySigner(
  index: number,
  engine: Engine,
  cmsCerts: (ParsedCertificate | null)[],
  ctx: SignerContext,
): Promise<SignerReport> {
  const { opts } = ctx;
  const view = engine.view;
  const s = view.signers[index];
  const now = opts.now ?? new Date();
  const checks: Check[] = [];
  const finish = (extra: Partial<SignerReport> = {}): SignerReport => {
    const sorted = summariseChecks([], [{ checks } as SignerReport]);
    return {
      index,
      valid: sorted.every((c) => c.ok),
      verificationTime: now.toISOString(),
      timeSource: 'now',
      ...extra,
      checks: sorted,
    };
  };

  // structure: the signer certificate and the mandatory signed attributes.
  const certIndex = await engine.locate(index);
  const leaf = certIndex >= 0 ? cmsCerts[certIndex] : null;
  if (certIndex < 0) return finishWith(checks, 'signer_certificate_not_found', finish);
  if (!leaf) return finishWith(checks, 'signer_certificate_malformed', finish);
  const structureProblem = signedAttributeProblem(view, s);
  if (structureProblem) return finishWith(checks, structureProblem, finish, leaf);
  checks.push(check('structure', true));

  // algorithm
  const algProblem = algorithmProblem(s, leaf);
  checks.push(check('algorithm', !algProblem, algProblem ?? undefined));

  // digest + signature
  const content = view.content ?? ctx.detached;
  if (!content) {
    checks.push(check('content', false, 'detached_data_missing'));
    checks.push(check('digest', false, 'not_checked'), check('signature', false, 'not_checked'));
  } else if (algProblem) {
    checks.push(check('digest', false, 'not_checked'), check('signature', false, 'not_checked'));
  } else {
    const r = await engine.verify(index, leaf, content);
    if (r.ok) checks.push(check('digest', true), check('signature', true));
    else if (r.check === 'digest')
      checks.push(check('digest', false, r.reason), check('signature', false, 'not_checked'));
    else if (r.check === 'signature') checks.push(check('digest', true), check('signature', false, r.reason));
    else
      checks.push(
        check(r.check, false, r.reason),
        check('digest', false, 'not_checked'),
        check('signature', false, 'not_checked'),
      );
  }

  // verification time
  const skew = opts.clockSkewMs ?? DEFAULT_SKEW_MS;
  let at = now;
  let timeSource: SignerReport['timeSource'] = 'now';
  let timeProblem: string | null = null;
  if (s.signingTime === null) timeProblem = 'malformed_signing_time';
  if (opts.purpose === 'document' && s.signingTime) {
    if (s.signingTime.getTime() > now.getTime() + skew) timeProblem = 'signing_time_in_future';
    else {
      at = new Date(Math.min(s.signingTime.getTime(), now.getTime()));
      timeSource = 'signing-time';
    }
  }
  // A valid trusted timestamp over this signature proves it existed at genTime (documents: that is the time).
  if (s.timestampTokens.length > 0) {
    const verdict = await timestampVerdict(s, ctx, now, skew);
    if (!verdict.ok) checks.push(check('timestamp', false, verdict.reason));
    else if (opts.purpose === 'document') {
      checks.push(check('timestamp', true));
      at = verdict.genTime;
      timeSource = 'timestamp';
    } else checks.push(check('timestamp', true, 'login_is_checked_now'));
  }

  // chain + validity
  const chain: ChainResult = await buildChain(leaf, {
    anchors: ctx.anchors,
    intermediates: ctx.pool,
    at,
    fetchAia: opts.fetchAia,
    fetch: opts.fetch,
  });
  if (chain.ok) {
    checks.push(check('chain', true));
    checks.push(check('validity', !timeProblem, timeProblem ?? undefined));
  } else if (chain.check === 'validity') {
    checks.push(check('chain', true), check('validity', false, timeProblem ?? chain.reason));
  } else {
    checks.push(check('chain', false, chain.reason));
    if (chain.check === 'algorithm' && !algProblem) {
      checks.splice(
        checks.findIndex((c) => c.name === 'algorithm'),
        1,
        check('algorithm', false, chain.reason),
      );
    }
    const leafValidity = leafValidityProblem(leaf, at);
    checks.push(check('validity', !(timeProblem ?? leafValidity), timeProblem ?? leafValidity ?? undefined));
  }

  // revocation (revoked after a *trusted* time would be fine; without a timestamp that is now)
  checks.push(await revocationCheck(chain, opts, now));

  // key usage, policy, content, identity
  checks.push(keyUsageCheck(leaf, opts.purpose));
  const profile = profileOf(leaf);
  checks.push(policyCheck(leaf, profile, opts));
  if (opts.expectedContent && content) {
    const same = bytesEqual(content, opts.expectedContent);
    checks.push(check('content', same, same ? undefined : 'content_differs_from_expected'));
  } else if (opts.expectedContent && !content) {
    // already failed as detached_data_missing
  } else if (content) {
    checks.push(check('content', true, 'no_expected_content_given'));
  }
  checks.push(identityCheck(profile, opts));

  return finish({
    certificate: {
      subjectDn: leaf.subjectDn,
      issuerDn: leaf.issuerDn,
      serialNumber: leaf.serialNumber,
      fingerprint: leaf.fingerprint,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      policies: leaf.policies,
    },
    profile: profile ?? undefined,
    signingTime: s.signingTime ? s.signingTime.toISOString() : undefined,
    verificationTime: at.toISOString(),
    timeSource,
    chain: chain.ok ? chain.path.map((c) => c.fingerprint) : undefined,
  });
}

async function timestampVerdict(s: SignerView, ctx: SignerContext, now: Date, skewMs: number) {
  if (s.timestampTokens.length > 1) return { ok: false as const, reason: 'timestamp_more_than_one_token' };
  return verifyTimestampToken(s.timestampTokens[0], s.signature, {
    anchors: ctx.anchors,
    intermediates: ctx.pool,
    now,
    skewMs,
    fetchAia: ctx.opts.fetchAia,
    fetch: ctx.opts.fetch,
  });
}

function finishWith(
  checks: Check[],
  reason: string,
  finish: (extra?: Partial<SignerReport>) => SignerReport,
  leaf?: ParsedCertificate,
): SignerReport {
  checks.push(check('structure', false, reason));
  return finish(
    leaf
      ? {
          certificate: {
            subjectDn: leaf.subjectDn,
            issuerDn: leaf.issuerDn,
            serialNumber: leaf.serialNumber,
            fingerprint: leaf.fingerprint,
            notBefore: leaf.notBefore.toISOString(),
            notAfter: leaf.notAfter.toISOString(),
            policies: leaf.policies,
          },
        }
      : {},
  );
}

/** RFC 5652 §5.3/§11: with signed attributes, content-type (= eContentType) and message-digest are required. */
function signedAttributeProblem(view: CmsView, s: SignerView): string | null {
  if (!s.signedAttrsDer) {
    return view.eContentType === '1.2.840.113549.1.7.1'
      ? null
      : 'signed_attributes_required_for_this_content_type';
  }
  if (s.contentType === undefined) return 'content_type_attribute_missing';
  if (s.messageDigest === undefined) return 'message_digest_attribute_missing';
  if (s.contentType !== view.eContentType) return 'content_type_attribute_mismatch';
  return null;
}

function algorithmProblem(s: SignerView, leaf: ParsedCertificate): string | null {
  const d = digestStatus(s.digestAlgorithmOid);
  if (!d.ok) return `${d.reason}: digest ${s.digestAlgorithmOid}`;
  const sig = signatureStatus(s.signatureAlgorithmOid);
  if (!sig.ok) return `${sig.reason}: signature ${s.signatureAlgorithmOid}`;
  if (!leaf.publicKey) {
    return UNSUPPORTED_KEY_OIDS.has(leaf.publicKeyAlgorithmOid)
      ? `unsupported_algorithm: key ${leaf.publicKeyAlgorithmOid}`
      : `unknown_algorithm: key ${leaf.publicKeyAlgorithmOid}`;
  }
  return null;
}

function leafValidityProblem(leaf: ParsedCertificate, at: Date): string | null {
  if (at.getTime() < leaf.notBefore.getTime()) return 'certificate_not_yet_valid';
  if (at.getTime() > leaf.notAfter.getTime()) return 'certificate_expired';
  return null;
}

async function revocationCheck(chain: ChainResult, opts: VerifyOptions, now: Date): Promise<Check> {
  if (opts.revocation === 'off' || opts.revocation.policy === 'off')
    return check('revocation', true, 'revocation_off');
  if (!chain.ok) return check('revocation', false, 'not_checked: no trusted chain');
  const checker = opts.revocation;
  const reasons: string[] = [];
  // The leaf always; CA certificates when they advertise a source the policy can use.
  for (let i = 0; i < chain.path.length - 1; i++) {
    const cert = chain.path[i];
    const issuer = chain.path[i + 1];
    if (i > 0) {
      const usable =
        (checker.policy !== 'crl' && cert.ocspUrls.length > 0) ||
        (checker.policy !== 'ocsp' && cert.crlUrls.length > 0);
      if (!usable) continue;
    }
    let verdict: { ok: boolean; reason?: string };
    try {
      verdict = revocationVerdict(await checker.check(cert, issuer), checker.failMode, now);
    } catch (err) {
      verdict = { ok: false, reason: `error: ${(err as Error).message}` };
    }
    if (!verdict.ok)
      return check('revocation', false, i === 0 ? verdict.reason : `CA certificate ${verdict.reason}`);
    if (i === 0 && verdict.reason) reasons.push(verdict.reason);
  }
  return check('revocation', true, reasons.join('; ') || undefined);
}

const GOST_2015_KEYS = new Set<string>([GOST.key2015_256, GOST.key2015_512]);

/** login → AUTH (digitalSignature + clientAuth); document → SIGN (nonRepudiation + emailProtection). */
export function keyUsageCheck(leaf: ParsedCertificate, purpose: 'login' | 'document'): Check {
  const ku = leaf.keyUsage;
  const eku = leaf.ekus;
  const gostAuthSign =
    GOST_2015_KEYS.has(leaf.publicKeyAlgorithmOid) &&
    ku.digitalSignature &&
    ku.nonRepudiation &&
    eku.includes(EKU.emailProtection);
  if (gostAuthSign) return check('key_usage', true, 'gost2015_auth_sign');
  if (purpose === 'login') {
    if (!ku.digitalSignature)
      return check('key_usage', false, 'not_an_auth_certificate: digitalSignature missing');
    if (!eku.includes(EKU.clientAuth))
      return check('key_usage', false, 'not_an_auth_certificate: clientAuth EKU missing');
    return check('key_usage', true);
  }
  if (!ku.nonRepudiation)
    return check('key_usage', false, 'not_a_signing_certificate: nonRepudiation missing');
  if (!eku.includes(EKU.emailProtection)) {
    return check('key_usage', false, 'not_a_signing_certificate: emailProtection EKU missing');
  }
  return check('key_usage', true);
}

function identityCheck(profile: ReturnType<typeof profileOf>, opts: VerifyOptions): Check {
  const problems: string[] = [];
  if (opts.expectedIin !== undefined && profile?.iin !== opts.expectedIin) problems.push('iin_mismatch');
  if (opts.expectedBin !== undefined && profile?.bin !== opts.expectedBin) problems.push('bin_mismatch');
  if (problems.length) return check('identity', false, problems.join(', '));
  const asked = opts.expectedIin !== undefined || opts.expectedBin !== undefined;
  return check('identity', true, asked ? undefined : 'no_expected_identity_given');
}

export type { CheckName };
