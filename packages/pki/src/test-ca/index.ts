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
export { buildCrl, type CrlOptions, REASON_CODES } from './crl';
export { caSubjectName, ncaSubjectName, type SubjectFields } from './names';
export { answerOcsp, OCSP_STATUS, type OcspIssuer, type OcspOptions, ocspStatusResponse } from './ocsp';
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
export {
  addTimestampToken,
  OID_CT_TSTINFO,
  signatureImprint,
  signerSignature,
  TEST_TSA_POLICY,
  type TimestampOptions,
  timestampToken,
} from './tsa';
