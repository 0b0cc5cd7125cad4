/**
 * CRLs of the test CA (RFC 5280 §5): signed by the root or the issuing CA, with thisUpdate /
 * nextUpdate, a CRL number shared by full and delta CRLs, the AuthorityKeyIdentifier, a
 * reasonCode per entry, and for delta CRLs the critical deltaCRLIndicator naming the base.
 */
import '../reflect';
import * as x509 from '@peculiar/x509';
import { encodeUnsignedInteger, toArrayBuffer } from '../der';
import { ensureX509Crypto, type KeyBundle, toRsaSigningCryptoKey } from '../keys';
import { EXT } from '../oids';
import type { CaIndex, IssuedRecord, IssuerRef, RevocationReason } from './store';

export interface CrlOptions {
  which: IssuerRef;
  /** Delta CRL: revocations recorded since the last full CRL (its base). */
  delta?: boolean;
  now?: Date;
  /** nextUpdate − thisUpdate in seconds; default 24 h for full CRLs, 1 h for delta CRLs. */
  validitySeconds?: number;
}

export const REASON_CODES: Record<RevocationReason, x509.X509CrlReason> = {
  unspecified: x509.X509CrlReason.unspecified,
  keyCompromise: x509.X509CrlReason.keyCompromise,
  cACompromise: x509.X509CrlReason.cACompromise,
  affiliationChanged: x509.X509CrlReason.affiliationChanged,
  superseded: x509.X509CrlReason.superseded,
  cessationOfOperation: x509.X509CrlReason.cessationOfOperation,
  certificateHold: x509.X509CrlReason.certificateHold,
  privilegeWithdrawn: x509.X509CrlReason.privilegeWithdrawn,
};

function revokedBy(index: CaIndex, which: IssuerRef, now: Date): IssuedRecord[] {
  return index.issued.filter(
    (r) => r.issuer === which && r.status === 'revoked' && r.revokedAt && new Date(r.revokedAt) <= now,
  );
}

/**
 * Builds and signs a CRL; updates the CRL counters in `index` (the caller persists it).
 * A delta CRL with no full CRL before it first issues (and discards) a full one as its base.
 */
export async function buildCrl(
  index: CaIndex,
  issuer: KeyBundle,
  opts: CrlOptions & { freshestCrlUrl?: string },
): Promise<Uint8Array> {
  ensureX509Crypto();
  const now = opts.now ?? new Date();
  const counter = index.crl[opts.which];
  if (opts.delta && counter.lastFullNumber === undefined) {
    await buildCrl(index, issuer, { ...opts, delta: false });
  }
  counter.number += 1;
  const number = counter.number;
  let entries = revokedBy(index, opts.which, now);
  const extensions: x509.Extension[] = [
    new x509.Extension(EXT.crlNumber, false, toArrayBuffer(encodeUnsignedInteger(number))),
  ];
  if (issuer.certificate.ski) {
    extensions.push(new x509.AuthorityKeyIdentifierExtension(issuer.certificate.ski, false));
  }
  if (opts.delta) {
    const base = counter.lastFullNumber!;
    const since = new Date(counter.lastFullAt!);
    entries = entries.filter((r) => new Date(r.recordedAt ?? r.revokedAt!) >= since);
    extensions.push(
      new x509.Extension(EXT.deltaCrlIndicator, true, toArrayBuffer(encodeUnsignedInteger(base))),
    );
  } else {
    counter.lastFullNumber = number;
    counter.lastFullAt = now.toISOString();
    if (opts.freshestCrlUrl) {
      const cdp = new x509.CRLDistributionPointsExtension([opts.freshestCrlUrl], false);
      extensions.push(new x509.Extension(EXT.freshestCrl, false, cdp.value));
    }
  }
  const validity = (opts.validitySeconds ?? (opts.delta ? 3600 : 86_400)) * 1000;
  const crl = await x509.X509CrlGenerator.create({
    issuer: new x509.Name(toArrayBuffer(issuer.certificate.subjectDer)),
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + validity),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as Algorithm,
    signingKey: await toRsaSigningCryptoKey(issuer.privateKey),
    extensions,
    entries: entries.map((r) => ({
      serialNumber: /^[89a-f]/.test(r.serial) ? `00${r.serial}` : r.serial, // keep INTEGER positive
      revocationDate: new Date(r.revokedAt!),
      reason: REASON_CODES[r.reason ?? 'unspecified'],
    })),
  });
  return new Uint8Array(crl.rawData);
}
