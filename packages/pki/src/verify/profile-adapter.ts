/**
 * Bridge to the certificate profile. Until `profile.ts` (certificateProfile) lands this reads the
 * few fields verification needs straight from the subject DN.
 */
import type { ParsedCertificate } from '../cert';

export interface CertificateProfile {
  iin?: string;
  bin?: string;
  commonName?: string;
  subjectKind?: string;
  [key: string]: unknown;
}

export function certificateProfile(cert: ParsedCertificate): CertificateProfile {
  const name = cert.x509.subjectName;
  const serial = name.getField('2.5.4.5')[0];
  const ou = name.getField('2.5.4.11').find((v) => /^BIN\d{12}$/.test(v));
  return {
    iin: serial && /^IIN\d{12}$/.test(serial) ? serial.slice(3) : undefined,
    bin: ou ? ou.slice(3) : undefined,
    commonName: name.getField('2.5.4.3')[0],
  };
}
