/**
 * Structural gate shared by both engines: every TLV nested in a constructed value must fit inside
 * it, and the primitive types asn1js refuses to see constructed stay primitive. asn1js alone
 * tolerates an inner value running past its container, which would let the reference path read
 * bytes the outer structure does not hold; the fast reader refuses them. The gate makes both agree.
 * BER indefinite-length subtrees are left to the parsers.
 */
const PRIMITIVE_ONLY = new Set([1, 2, 5, 6, 9, 13, 14, 23, 24]);

export function derGateProblem(der: Uint8Array, skipCertificateSet = false): string | null {
  let problem: string | null = null;
  const walk = (start: number, end: number, depth: number): void => {
    let pos = start;
    while (pos < end && !problem) {
      if (depth > 64) {
        problem = 'nesting_too_deep';
        return;
      }
      const tag = der[pos];
      if ((tag & 0x1f) === 0x1f) return; // multi-byte tags: leave to the parsers
      if (pos + 2 > end) {
        problem = 'truncated_header';
        return;
      }
      const first = der[pos + 1];
      if (first === 0x80) return; // indefinite length (BER)
      let len = first;
      let hdr = 2;
      if (first & 0x80) {
        const n = first & 0x7f;
        if (n > 4 || pos + 2 + n > end) {
          problem = 'bad_length';
          return;
        }
        len = 0;
        for (let i = 0; i < n; i++) len = len * 256 + der[pos + 2 + i];
        hdr += n;
      }
      const contentStart = pos + hdr;
      if (contentStart + len > end) {
        problem = 'value_runs_past_its_container';
        return;
      }
      const constructed = (tag & 0x20) !== 0;
      if (constructed && (tag & 0xc0) === 0 && PRIMITIVE_ONLY.has(tag & 0x1f)) {
        problem = 'constructed_primitive';
        return;
      }
      // ContentInfo(0) > [0](1) > SignedData(2) > [0] certificates: each certificate is gated
      // on its own when first seen (then cached by its exact bytes).
      const isCertificateSet = skipCertificateSet && depth === 3 && tag === 0xa0;
      if (constructed && !isCertificateSet) walk(contentStart, contentStart + len, depth + 1);
      pos = contentStart + len;
    }
  };
  walk(0, der.length, 0);
  return problem;
}
