// @tereze/pki public API. Test CA: import from '@tereze/pki/test-ca'.
export * from './cert';
export * from './cms-sign';
export { decodeBase64Strict, decodePem, decodePemAll, encodePem } from './der';
export * from './errors';
export * from './identifiers';
export * from './keys';
export * from './oids';
export * from './p12';
export * from './profile';
// Verification: verifyCms, chain building, OCSP/CRL revocation, the report.
export * from './verify/index';
