import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { SignerKey } from './types';

// The algorithms NCALayer's signXml / basics sign (format xml) use: an enveloped XMLDSig over the
// document, inclusive C14N, RSA-SHA256 and SHA-256 digests, the signer certificate in KeyInfo.
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
export const C14N_WITH_COMMENTS = `${C14N}#WithComments`;
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

export interface XmlSignOptions {
  /** XPath of the element to sign (NCALayer's tbsElementXPath); empty = the whole document. */
  tbsElementXPath?: string;
  /** XPath of the element the ds:Signature is appended to; empty = the root element. */
  signatureParentElementXPath?: string;
}

/** Thrown for input that is not a well-formed XML document or XPaths that select nothing. */
export class XmlInputError extends Error {}

/** Parses strictly: any parser error or warning about structure makes the document unusable. */
export function parseXmlStrict(xml: string): Document {
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (err) {
    throw new XmlInputError(`Malformed XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (problems.length > 0) throw new XmlInputError(`Malformed XML: ${problems[0]}`);
  if (!doc.documentElement) throw new XmlInputError('Malformed XML: no root element');
  return doc;
}

/**
 * Signs `xml` with the key as NCALayer does: an enveloped ds:Signature (RSA-SHA256, SHA-256,
 * inclusive C14N) whose Reference covers the document (URI="") or the element at tbsElementXPath,
 * appended to the element at signatureParentElementXPath (default: the root).
 */
export function signXmlEnveloped(xml: string, key: SignerKey, options: XmlSignOptions = {}): string {
  parseXmlStrict(xml);
  const tbs = options.tbsElementXPath?.trim() || '';
  const parent = options.signatureParentElementXPath?.trim() || '';

  const sig = new SignedXml({
    privateKey: key.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    publicCert: key.certificate.toString(),
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
  });
  sig.addReference({
    xpath: tbs || '/*',
    isEmptyUri: !tbs,
    transforms: [ENVELOPED, C14N_WITH_COMMENTS],
    digestAlgorithm: SHA256,
  });
  try {
    sig.computeSignature(xml, {
      prefix: 'ds',
      location: { reference: parent || '/*', action: 'append' },
    });
  } catch (err) {
    throw new XmlInputError(`Cannot sign the XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  return sig.getSignedXml();
}
