/**
 * Typed errors of @tereze/pki. Every refusal carries a stable `code` callers can switch on;
 * the message is for people (logs, CLI output).
 */
export type PkiErrorCode =
  | 'bad_certificate'
  | 'bad_password'
  | 'bad_pkcs12'
  | 'no_private_key'
  | 'unsupported_algorithm'
  | 'malformed_cms'
  | 'unsupported_encoding'
  | 'bad_input'
  | 'invalid_identifier'
  | 'unknown_template'
  | 'unknown_serial'
  | 'ca_state';

export class PkiError extends Error {
  readonly code: PkiErrorCode;
  constructor(code: PkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PkiError';
    this.code = code;
  }
}

/** Certificate could not be parsed. */
export class CertificateError extends PkiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('bad_certificate', message, options);
    this.name = 'CertificateError';
  }
}

/** PKCS#12 read/write failure: 'bad_password' | 'bad_pkcs12' | 'no_private_key' | 'unsupported_algorithm'. */
export class Pkcs12Error extends PkiError {
  constructor(code: PkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'Pkcs12Error';
  }
}

/** CMS input or signing failure: 'malformed_cms' | 'unsupported_encoding' | 'unsupported_algorithm' | 'bad_input'. */
export class CmsError extends PkiError {
  constructor(code: PkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'CmsError';
  }
}

/** Test CA refusal: 'unknown_template' | 'invalid_identifier' | 'unknown_serial' | 'ca_state' | 'bad_input'. */
export class TestCaError extends PkiError {
  constructor(code: PkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'TestCaError';
  }
}
