import { createSignerClient } from '@tereze/signer/client';
import { useCallback } from 'react';
import { api } from '../../api';
import { currentLanguage } from '../../i18n';
import { usePublicConfig } from '../../queries';
import { DEFAULT_SIGNER_URL } from '../../signing';

export interface CertSigningRequest {
  id: string;
  dataBase64: string;
  expiresAt?: string;
}

/**
 * Signs bytes the server prepared with a SIGN key through NCALayer (or the DEMO signer): attached CMS for
 * applications and acts, detached for the certificate PDF. The key is narrowed to the person / organisation.
 */
export function useCertSigner() {
  const config = usePublicConfig();
  const signerUrl = config.data?.signerUrl ?? DEFAULT_SIGNER_URL;
  const demo = config.data?.demo ?? false;
  const signData = useCallback(
    async (dataBase64: string, filter: { iin?: string; bin?: string; detached?: boolean } = {}) => {
      const client = createSignerClient({
        url: signerUrl,
        chain: demo ? [] : undefined,
        locale: currentLanguage(),
      });
      try {
        const options: Parameters<typeof client.signCms>[1] = { purpose: 'document' };
        if (filter.iin && /^\d{12}$/.test(filter.iin)) options.iin = filter.iin;
        if (filter.bin && /^\d{12}$/.test(filter.bin)) options.bin = filter.bin;
        if (filter.detached) options.detached = true;
        return await client.signCms(dataBase64, options);
      } finally {
        client.close();
      }
    },
    [signerUrl, demo],
  );
  /** A signing request for `purpose` about `subjectId`, signed: what the certification routes take. */
  const signRequest = useCallback(
    async (
      purpose: 'certification_application' | 'certification_certificate',
      subjectId: string,
      filter: { iin?: string; bin?: string; detached?: boolean } = {},
    ) => {
      const request = await api<CertSigningRequest>('/api/v1/signing-requests', {
        method: 'POST',
        body: { purpose, subjectId },
      });
      const cms = await signData(request.dataBase64, filter);
      return { signingRequestId: request.id, cms };
    },
    [signData],
  );
  return { signData, signRequest };
}
