/**
 * What a SignerInfo check needs from a CMS SignedData, independent of the parser that read it.
 * Both engines produce this view: the fast one by walking DER headers, the reference one from
 * pkijs objects; everything after parsing (chain, time, usage, policy…) is shared.
 */

export type SignerIdentifier =
  | { kind: 'issuerAndSerial'; issuerDer: Uint8Array; serialHex: string }
  | { kind: 'subjectKeyIdentifier'; ski: string };

export interface SignerView {
  sid: SignerIdentifier;
  digestAlgorithmOid: string;
  signatureAlgorithmOid: string;
  /** DER of the signed attributes re-tagged as SET OF (0x31): what the signature covers. null = none. */
  signedAttrsDer: Uint8Array | null;
  /** Decoded signed attributes of interest (undefined when absent; null when present but malformed). */
  contentType?: string | null;
  messageDigest?: Uint8Array | null;
  signingTime?: Date | null;
  signature: Uint8Array;
  /** DER of each id-aa-timeStampToken unsigned attribute value (a ContentInfo). */
  timestampTokens: Uint8Array[];
}

export interface CmsView {
  eContentType: string;
  /** Encapsulated content, or null for detached signatures. */
  content: Uint8Array | null;
  /** DER of each X.509 certificate in the SignedData certificates set (other formats skipped). */
  certificates: Uint8Array[];
  signers: SignerView[];
}

/** Raised by either parser when the input is not a well-formed SignedData. */
export class CmsStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CmsStructureError';
  }
}

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
export const OID_TIMESTAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';
