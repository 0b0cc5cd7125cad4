// @tereze/signer: an NCALayer-compatible software signer backed by a folder of .p12 files.
// The browser client lives in ./client (import '@tereze/signer/client').

export { anchorsFor, chainsTo, type KeyFilter, mismatch } from './filters';
export {
  type Choice,
  type Keystore,
  type KeystoreOptions,
  type LoadProblem,
  openKeystore,
  type P12Loader,
  PASSWORDS_FILE,
  validateRule,
} from './keystore';
export { keyFromBundle, loadP12 } from './p12';
export {
  BASICS,
  COMMON_UTILS,
  createSession,
  type ProtocolOptions,
  type ProtocolSession,
  type XmlSigner,
} from './protocol';
export { originAllowed, type RunningSigner, type StartSignerOptions, startSigner } from './server';
export * from './shapes';
export {
  loadOrCreateTls,
  makeSelfSignedCertificate,
  TLS_CERT_FILE,
  TLS_KEY_FILE,
  type TlsMaterial,
} from './tls';
export type { CmsOptions, CmsSigner, KeyPurpose, KeyRule, SignerKey } from './types';
export {
  parseXmlStrict,
  signXmlEnveloped,
  XmlInputError,
  type XmlSignOptions,
} from './xml-sign';
