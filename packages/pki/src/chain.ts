/**
 * Certification path building: signer → intermediates (from the CMS, from configuration, or
 * fetched through AIA caIssuers when allowed) → a configured trust anchor.
 *
 * Rules: issuer candidates are matched by the exact DER of the Name (and SKI/AKI when both are
 * present); each link's signature is checked with node:crypto over the TBSCertificate; every
 * issuer must be a CA (basicConstraints CA=true, keyUsage keyCertSign, pathLen respected);
 * unknown critical extensions are refused; every certificate on the path must be valid at the
 * verification time. A certificate is trusted only because its issuer's *key* verifies it, so a
 * self-signed look-alike carrying the anchor's DN does not chain.
 */
import { createHash } from 'node:crypto';
import { type ParsedCertificate, parseCertificate } from './cert';
import { decodePemAll } from './der';
import { verifySignature } from './verify/algorithms';

export interface ChainOptions {
  anchors: readonly ParsedCertificate[];
  /** Candidate intermediates (from the CMS and from configuration). */
  intermediates?: readonly ParsedCertificate[];
  /** Verification time. */
  at: Date;
  /** Download missing issuers from the AIA caIssuers URL (http/https only). */
  fetchAia?: boolean;
  fetch?: typeof fetch;
  maxDepth?: number;
}

export type ChainResult =
  | { ok: true; path: ParsedCertificate[] }
  | { ok: false; check: 'chain' | 'validity' | 'algorithm'; reason: string; path?: ParsedCertificate[] };

const DEFAULT_MAX_DEPTH = 8;

/** Extensions this code understands; any other critical extension refuses the certificate. */
const KNOWN_EXTENSIONS = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.18', // issuerAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.37', // extKeyUsage
  '2.5.29.46', // freshestCRL
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '1.3.6.1.5.5.7.48.1.5', // id-pkix-ocsp-nocheck
]);

const criticalUnknown = new WeakMap<ParsedCertificate, string | null>();

function unknownCriticalExtension(cert: ParsedCertificate): string | null {
  let v = criticalUnknown.get(cert);
  if (v === undefined) {
    v = cert.criticalExtensionOids.find((oid) => !KNOWN_EXTENSIONS.has(oid)) ?? null;
    criticalUnknown.set(cert, v);
  }
  return v;
}

export function isValidAt(cert: ParsedCertificate, at: Date): boolean {
  const t = at.getTime();
  return cert.notBefore.getTime() <= t && t <= cert.notAfter.getTime();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

// --- link signature memo: issuer fingerprint + child fingerprint → verified? ---------------------
const LINK_CACHE_SIZE = 20_000;
const linkCache = new Map<string, boolean>();

/** Does `issuer`'s key verify `child`'s signature? (memoised; the pair's bytes fix the answer) */
export function issuerSigned(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const key = `${issuer.fingerprint}>${child.fingerprint}`;
  const hit = linkCache.get(key);
  if (hit !== undefined) return hit;
  const ok =
    issuer.publicKey !== null &&
    verifySignature(child.signatureAlgorithmOid, issuer.publicKey, child.tbs, child.signatureValue);
  linkCache.set(key, ok);
  if (linkCache.size > LINK_CACHE_SIZE) linkCache.delete(linkCache.keys().next().value as string);
  return ok;
}

function mayIssue(issuer: ParsedCertificate): string | null {
  if (!issuer.isCa) return 'issuer_not_ca';
  if (!issuer.hasKeyUsage || !issuer.keyUsage.keyCertSign) return 'issuer_lacks_keyCertSign';
  return null;
}

function isCandidateIssuer(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (!sameBytes(child.issuerDer, issuer.subjectDer)) return false;
  if (child.aki && issuer.ski && child.aki !== issuer.ski) return false;
  return true;
}

// --- AIA caIssuers download ---------------------------------------------------------------------
const AIA_TTL_MS = 60 * 60 * 1000;
const AIA_FAIL_TTL_MS = 5 * 60 * 1000;
const aiaCache = new Map<string, { certs: ParsedCertificate[]; until: number }>();

function certificatesFromBody(body: Uint8Array): ParsedCertificate[] {
  const text = Buffer.from(body).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    return decodePemAll(text, 'CERTIFICATE').map((der) => parseCertificate(der));
  }
  return [parseCertificate(body)];
}

async function fetchAiaIssuers(cert: ParsedCertificate, doFetch: typeof fetch): Promise<ParsedCertificate[]> {
  const out: ParsedCertificate[] = [];
  for (const url of cert.caIssuersUrls) {
    if (!/^https?:\/\//i.test(url)) continue;
    const cached = aiaCache.get(url);
    if (cached && cached.until > Date.now()) {
      out.push(...cached.certs);
      continue;
    }
    let certs: ParsedCertificate[] = [];
    try {
      const res = await doFetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) certs = certificatesFromBody(new Uint8Array(await res.arrayBuffer()));
    } catch {
      certs = [];
    }
    aiaCache.set(url, { certs, until: Date.now() + (certs.length ? AIA_TTL_MS : AIA_FAIL_TTL_MS) });
    if (aiaCache.size > 1000) aiaCache.delete(aiaCache.keys().next().value as string);
    out.push(...certs);
  }
  return out;
}

// --- path search --------------------------------------------------------------------------------
interface SearchState {
  anchors: readonly ParsedCertificate[];
  pool: ParsedCertificate[];
  at: Date;
  maxDepth: number;
  fetchAia: boolean;
  doFetch: typeof fetch;
  /** Most telling failure seen while searching, reported when no path exists. */
  failure: { check: 'chain' | 'algorithm'; reason: string };
}

function note(state: SearchState, check: 'chain' | 'algorithm', reason: string): void {
  if (state.failure.reason === 'no_path_to_trust_anchor') state.failure = { check, reason };
}

/** Depth-first search; `path` holds leaf … current. Returns a complete path or null. */
async function extend(state: SearchState, path: ParsedCertificate[]): Promise<ParsedCertificate[] | null> {
  const current = path[path.length - 1];
  const critical = unknownCriticalExtension(current);
  if (critical) {
    note(state, 'chain', `unsupported_critical_extension: ${critical}`);
    return null;
  }
  if (path.length > state.maxDepth) {
    note(state, 'chain', 'path_too_long');
    return null;
  }
  const byValidity = (a: ParsedCertificate, b: ParsedCertificate) =>
    Number(isValidAt(b, state.at)) - Number(isValidAt(a, state.at));
  const anchors = state.anchors.filter((a) => isCandidateIssuer(current, a)).sort(byValidity);
  for (const anchor of anchors) {
    if (path.some((p) => p.fingerprint === anchor.fingerprint)) continue;
    if (tryLink(state, current, anchor, path)) return [...path, anchor];
  }
  let candidates = state.pool.filter((c) => isCandidateIssuer(current, c));
  if (candidates.length === 0 && state.fetchAia && current.caIssuersUrls.length > 0) {
    const fetched = await fetchAiaIssuers(current, state.doFetch);
    state.pool.push(...fetched);
    candidates = fetched.filter((c) => isCandidateIssuer(current, c));
  }
  for (const next of candidates.sort(byValidity)) {
    if (path.some((p) => p.fingerprint === next.fingerprint)) continue; // loops, self-signed look-alikes
    if (!tryLink(state, current, next, path)) continue;
    const found = await extend(state, [...path, next]);
    if (found) return found;
  }
  return null;
}

function tryLink(
  state: SearchState,
  child: ParsedCertificate,
  issuer: ParsedCertificate,
  path: ParsedCertificate[],
) {
  const refusal = mayIssue(issuer);
  if (refusal) {
    note(state, 'chain', refusal);
    return false;
  }
  // pathLenConstraint: number of intermediates below this issuer (excluding the leaf).
  if (issuer.pathLength !== undefined && path.length - 1 > issuer.pathLength) {
    note(state, 'chain', 'path_length_exceeded');
    return false;
  }
  if (issuer.publicKey === null) {
    note(state, 'algorithm', 'unsupported_algorithm');
    return false;
  }
  if (!issuerSigned(child, issuer)) {
    note(state, 'chain', 'bad_certificate_signature');
    return false;
  }
  return true;
}

function validityFailure(path: ParsedCertificate[], at: Date): string | null {
  for (const cert of path) {
    if (at.getTime() < cert.notBefore.getTime()) return `certificate_not_yet_valid: ${cert.subjectDn}`;
    if (at.getTime() > cert.notAfter.getTime()) return `certificate_expired: ${cert.subjectDn}`;
  }
  return null;
}

// --- result cache -------------------------------------------------------------------------------
const CHAIN_CACHE_SIZE = 10_000;
const TIME_BUCKET_MS = 60_000;
const chainCache = new Map<string, ParsedCertificate[] | null>();
const setKeys = new WeakMap<readonly ParsedCertificate[], string>();

function setKey(certs: readonly ParsedCertificate[] | undefined): string {
  if (!certs || certs.length === 0) return '-';
  let k = setKeys.get(certs);
  if (!k) {
    const h = createHash('sha256');
    for (const fp of certs.map((c) => c.fingerprint).sort()) h.update(fp);
    k = h.digest('base64');
    setKeys.set(certs, k);
  }
  return k;
}

/** Drops cached chain results and link verdicts (tests, trust-store changes). */
export function clearChainCache(): void {
  chainCache.clear();
  linkCache.clear();
  aiaCache.clear();
}

/**
 * Builds and validates a path. Found paths are cached by (leaf, anchor set, time bucket) and reused
 * when the call offers the same intermediates (so a verdict never depends on cache state); a
 * cached path is re-checked for validity at the exact time, so the bucket never stretches a
 * certificate's validity. Failures are not cached.
 */
export async function buildChain(leaf: ParsedCertificate, options: ChainOptions): Promise<ChainResult> {
  const bucket = Math.floor(options.at.getTime() / TIME_BUCKET_MS);
  const key = `${leaf.fingerprint}|${setKey(options.anchors)}|${bucket}`;
  const cached = chainCache.get(key);
  if (cached && intermediatesAvailable(cached, options) && !validityFailure(cached, options.at)) {
    return { ok: true, path: cached };
  }
  const result = await buildUncached(leaf, options);
  if (result.ok) {
    chainCache.set(key, result.path);
    if (chainCache.size > CHAIN_CACHE_SIZE) chainCache.delete(chainCache.keys().next().value as string);
  }
  return result;
}

/** A cached path is reused only when this call could have found it (same intermediates on offer). */
function intermediatesAvailable(path: ParsedCertificate[], options: ChainOptions): boolean {
  if (options.fetchAia) return true;
  const offered = options.intermediates ?? [];
  for (let i = 1; i < path.length - 1; i++) {
    const fp = path[i].fingerprint;
    if (!offered.some((c) => c.fingerprint === fp)) return false;
  }
  return true;
}

async function buildUncached(leaf: ParsedCertificate, options: ChainOptions): Promise<ChainResult> {
  const state: SearchState = {
    anchors: options.anchors,
    pool: [...(options.intermediates ?? [])].filter((c) => c.fingerprint !== leaf.fingerprint),
    at: options.at,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    fetchAia: options.fetchAia ?? false,
    doFetch: options.fetch ?? fetch,
    failure: { check: 'chain', reason: 'no_path_to_trust_anchor' },
  };
  // The signer certificate itself configured as a trust anchor.
  const path = options.anchors.some((a) => a.fingerprint === leaf.fingerprint)
    ? [leaf]
    : await extend(state, [leaf]);
  if (!path) return { ok: false, ...state.failure };
  const invalid = validityFailure(path, options.at);
  if (invalid) return { ok: false, check: 'validity', reason: invalid, path };
  return { ok: true, path };
}
