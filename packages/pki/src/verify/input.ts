/** CMS input forms accepted by verifyCms: PEM (`-----BEGIN CMS-----`, PKCS7…), base64 DER, DER. */
import { decodeBase64Strict, decodePem } from '../der';

const MAX_CMS_BYTES = 64 * 1024 * 1024;

/** DER bytes of the CMS, or null when the input is none of the accepted forms. */
export function cmsInputToDer(input: Uint8Array | string): Uint8Array | null {
  if (typeof input !== 'string') {
    if (input.length > MAX_CMS_BYTES * 2) return null;
    if (input.length > 0 && input[0] === 0x30) return input;
    return cmsInputToDer(Buffer.from(input).toString('latin1'));
  }
  if (input.length > MAX_CMS_BYTES * 2) return null;
  const text = input.trim();
  const der = text.startsWith('-----BEGIN') ? (decodePem(text)?.der ?? null) : decodeBase64Strict(text);
  if (!der || der.length === 0 || der.length > MAX_CMS_BYTES) return null;
  return der;
}
