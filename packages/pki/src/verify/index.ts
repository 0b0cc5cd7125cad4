/** Public verification API of @tereze/pki. */
export { buildChain, type ChainOptions, type ChainResult, clearChainCache, isValidAt } from '../chain';
export {
  CHECK_ORDER,
  type Check,
  type CheckName,
  type SignerCertificateSummary,
  type SignerReport,
  type VerificationReport,
} from '../report';
export {
  CrlClient,
  createRevocationChecker,
  type FailMode,
  type ManagedRevocationChecker,
  OcspClient,
  parseAndVerifyCrl,
  type RevocationChecker,
  type RevocationOptions,
  type RevocationPolicy,
  type RevocationResult,
  type RevocationStatus,
  revocationVerdict,
} from '../revocation/index';
export {
  algorithmName,
  digestStatus,
  registerDigest,
  registerSignatureVerifier,
  type SignatureVerifyFn,
  signatureStatus,
} from './algorithms';
export type {
  CertificateInput,
  RoleName,
  RoleRequirement,
  SubjectKindName,
  VerifyOptions,
  VerifyPurpose,
} from './options';
export { keyUsageCheck, verifyCms } from './verify';
