import { createSignerClient, SignerError } from '@tereze/signer/client';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { api } from './api';
import { errorText } from './error-text';
import { currentLanguage } from './i18n';
import { usePublicConfig } from './queries';

/** Purposes of DESIGN.md's signing requests (apps/portal/src/modules/signatures/purposes.ts). */
export type SigningPurpose =
  | 'login'
  | 'identify'
  | 'recovery'
  | 'registration'
  | 'agreement'
  | 'application'
  | 'approval'
  | 'document'
  | 'participant_agreement'
  | 'certification_application'
  | 'certification_act'
  | 'certification_certificate';

export interface SigningRequest {
  id: string;
  purpose: SigningPurpose;
  dataBase64: string;
  expiresAt: string;
  key?: 'AUTH' | 'SIGN';
}

/** Narrows NCALayer's key choice: only keys of this person / organisation, with these extra EKU OIDs. */
export interface KeyFilter {
  iin?: string;
  bin?: string;
  extraEkuOids?: string[];
}

/** What every signed action sends to the server. */
export interface SignedAction {
  signingRequestId: string;
  cms: string;
}

/** NCALayer's address when the server does not say (the real NCALayer's). */
export const DEFAULT_SIGNER_URL = 'wss://127.0.0.1:13579/';

/** AUTH key for proving who you are, SIGN key for whatever you agree to (DESIGN.md). */
export function keyPurposeOf(purpose: SigningPurpose): 'login' | 'document' {
  return purpose === 'login' || purpose === 'identify' || purpose === 'recovery' ? 'login' : 'document';
}

const TWELVE_DIGITS = /^\d{12}$/;

/** Only well-formed IIN/BIN reach NCALayer: a half-typed one would hide every key. */
export function cleanKeyFilter(filter: KeyFilter = {}): KeyFilter {
  const out: KeyFilter = {};
  const iin = filter.iin?.trim();
  const bin = filter.bin?.trim();
  if (iin && TWELVE_DIGITS.test(iin)) out.iin = iin;
  if (bin && TWELVE_DIGITS.test(bin)) out.bin = bin;
  if (filter.extraEkuOids?.length) out.extraEkuOids = filter.extraEkuOids;
  return out;
}

/**
 * Issue a signing request, have NCALayer (or the built-in signer) sign its bytes, hand back what the action
 * needs. The signer's address comes from /api/v1/config/public; in DEMO the test CA's keys are allowed
 * (`chain: []`), outside it NCALayer's default (production NCA keys only).
 */
export function useSign() {
  const config = usePublicConfig();
  const signerUrl = config.data?.signerUrl ?? DEFAULT_SIGNER_URL;
  const demo = config.data?.demo ?? false;
  return useCallback(
    async (purpose: SigningPurpose, filter?: KeyFilter, subjectId?: string): Promise<SignedAction> => {
      const request = await api<SigningRequest>('/api/v1/signing-requests', {
        method: 'POST',
        body: subjectId ? { purpose, subjectId } : { purpose },
      });
      const client = createSignerClient({
        url: signerUrl,
        chain: demo ? [] : undefined,
        locale: currentLanguage(),
      });
      try {
        const cms = await client.signCms(request.dataBase64, {
          purpose: keyPurposeOf(purpose),
          ...cleanKeyFilter(filter),
        });
        return { signingRequestId: request.id, cms };
      } finally {
        client.close();
      }
    },
    [signerUrl, demo],
  );
}

/** NCALayer's failures in the user's language (with the install hint), else the server's message. */
export function signingErrorText(t: TFunction, error: unknown): string {
  if (error instanceof SignerError) return error.localized(currentLanguage());
  return errorText(t, error);
}
