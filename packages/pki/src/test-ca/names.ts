/**
 * Distinguished names in NCA's layout and string types: CN, SURNAME, SERIALNUMBER=IIN…
 * (PrintableString), C=KZ, L, ST, O, OU=BIN…, GN (= patronymic), emailAddress (IA5String).
 */
import type { JsonNameParams } from '@peculiar/x509';
import { DN } from '../oids';

export interface SubjectFields {
  commonName: string;
  surname?: string;
  iin?: string;
  country?: string;
  locality?: string;
  state?: string;
  organization?: string;
  bin?: string;
  patronymic?: string;
  email?: string;
}

export function ncaSubjectName(f: SubjectFields): JsonNameParams {
  const rdns: JsonNameParams = [{ [DN.commonName]: [{ utf8String: f.commonName }] }];
  if (f.surname) rdns.push({ [DN.surname]: [{ utf8String: f.surname }] });
  if (f.iin) rdns.push({ [DN.serialNumber]: [{ printableString: `IIN${f.iin}` }] });
  rdns.push({ [DN.country]: [{ printableString: f.country ?? 'KZ' }] });
  if (f.locality) rdns.push({ [DN.locality]: [{ utf8String: f.locality }] });
  if (f.state) rdns.push({ [DN.state]: [{ utf8String: f.state }] });
  if (f.organization) rdns.push({ [DN.organization]: [{ utf8String: f.organization }] });
  if (f.bin) rdns.push({ [DN.organizationalUnit]: [{ printableString: `BIN${f.bin}` }] });
  if (f.patronymic) rdns.push({ [DN.givenName]: [{ utf8String: f.patronymic }] });
  if (f.email) rdns.push({ [DN.emailAddress]: [{ ia5String: f.email }] });
  return rdns;
}

/** A CA's DN: CN, O, C=KZ. */
export function caSubjectName(commonName: string): JsonNameParams {
  return [
    { [DN.commonName]: [{ utf8String: commonName }] },
    { [DN.organization]: [{ utf8String: 'tereze TEST' }] },
    { [DN.country]: [{ printableString: 'KZ' }] },
  ];
}
