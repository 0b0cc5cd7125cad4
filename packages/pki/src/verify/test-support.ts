/**
 * Test helpers for verification: the test CA's HTTP endpoints as a real `fetch` function (no
 * network), and byte surgery on CMS structures for refusal tests.
 */
import { type KeyObject, sign as nodeSign } from 'node:crypto';
import type { TestCA } from '../test-ca';
import { parseSignedDataFast } from './fast-parse';

export interface CaFetchLog {
  urls: string[];
}

/** A fetch that answers the test CA's published URLs (OCSP, CRLs, CA certificates). */
export function caFetch(ca: TestCA, log: CaFetchLog = { urls: [] }): typeof fetch {
  const fn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    log.urls.push(url);
    const u = ca.urls;
    let body: Uint8Array | null = null;
    if (url === u.ocsp) {
      const req = new Uint8Array(await new Response(init?.body ?? null).arrayBuffer());
      body = await ca.handleOcsp(req);
    } else if (url === u.issuingCrl) body = await ca.crl({ which: 'issuing' });
    else if (url === u.issuingDeltaCrl) body = await ca.crl({ which: 'issuing', delta: true });
    else if (url === u.rootCrl) body = await ca.crl({ which: 'root' });
    else if (url === u.issuingCert) body = ca.issuing.certificate.der;
    else if (url === u.rootCert) body = ca.root.certificate.der;
    if (!body) return new Response('not found', { status: 404 });
    return new Response(Buffer.from(body), { status: 200 });
  };
  return fn as typeof fetch;
}

/** A transport that never connects. */
export const unreachableFetch = (async () => {
  throw new TypeError('fetch failed: ECONNREFUSED');
}) as unknown as typeof fetch;

/** Offset of `part` (a subarray view) inside `whole`. */
function offsetOf(whole: Uint8Array, part: Uint8Array): number {
  return part.byteOffset - whole.byteOffset;
}

/** Replaces the first signer's signature with one made by another key (same length for RSA-2048). */
export function resignWithOtherKey(cms: Uint8Array, otherKey: KeyObject): Uint8Array {
  const copy = new Uint8Array(cms);
  const signer = parseSignedDataFast(copy).signers[0];
  const forged = nodeSign('sha256', signer.signedAttrsDer!, otherKey);
  if (forged.length !== signer.signature.length) throw new Error('signature length differs');
  copy.set(forged, offsetOf(copy, signer.signature));
  return copy;
}

/** Flips one bit inside the encapsulated content. */
export function tamperContent(cms: Uint8Array): Uint8Array {
  const copy = new Uint8Array(cms);
  const content = parseSignedDataFast(copy).content!;
  copy[offsetOf(copy, content)] ^= 0x01;
  return copy;
}
