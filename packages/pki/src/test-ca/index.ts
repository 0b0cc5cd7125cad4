export { buildCertificate, type CertificateSpec, type KeyUsageSpec, randomSerial } from './build';
export {
  type CustomIssueOptions,
  ISSUING_CN,
  type IssuedPair,
  type IssueOptions,
  OCSP_CN,
  type P12File,
  p12FileName,
  p12Files,
  ROOT_CN,
  TestCA,
  type TestCaCreateOptions,
} from './ca';
export { caSubjectName, ncaSubjectName, type SubjectFields } from './names';
export type { CaIndex, IssuedRecord, IssuerRef, RevocationReason } from './store';
export {
  isTemplateName,
  type Purpose,
  purposeProfile,
  TEMPLATE_NAMES,
  TEMPLATES,
  type TemplateDef,
  type TemplateName,
} from './templates';
