import type { CertProfile } from '@tereze/pki';
import type { Db } from '../../db/client';
import type { IdentityService } from '../identity/service';
import { actsForOrganization } from '../signatures/certificate-summary';

type Account = NonNullable<Awaited<ReturnType<IdentityService['findByIin']>>>;

/**
 * The account a verified AUTH certificate signs into (seed 001: "account found by IIN"; issue 4: "and the
 * organisation by BIN for a legal-entity certificate"):
 * - a legal-entity (or entrepreneur) certificate → the organisation's account by BIN, when the holder is the
 *   person who registered it or acts for the organisation (first head / signing rights);
 * - otherwise → the holder's personal account by IIN.
 * An employee-role key therefore never opens the organisation's account; it opens its holder's own.
 */
export async function findAccountForCertificate(
  identity: IdentityService,
  cert: Pick<CertProfile, 'iin' | 'bin' | 'roles' | 'subjectKind'>,
  tx?: Db,
): Promise<Account | null> {
  if (cert.bin && cert.subjectKind !== 'individual') {
    const org = await identity.findByBin(cert.bin, tx);
    if (org && (org.iin === cert.iin || actsForOrganization(cert))) return org;
  }
  return cert.iin ? identity.findByIin(cert.iin, tx) : null;
}
