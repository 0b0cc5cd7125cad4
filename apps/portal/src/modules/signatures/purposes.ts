import type { VerifyPurpose } from '@tereze/pki';

/**
 * What a signing request is for. Each purpose fixes the key a person must sign with and whether the request
 * can be issued without a session:
 * - login, identify (prove who you are before registering), recovery (egov password recovery by ЭЦП, issue 4):
 *   the AUTH key, checked "now";
 * - registration (the user agreement), agreement, application, approval, document: the SIGN key, checked at
 *   the signing time.
 * recovery deviates from DESIGN.md's "everything else → SIGN": see docs/decisions/0003-recovery-signed-with-auth-key.md.
 */
export const SIGNING_PURPOSES = [
  'login',
  'identify',
  'recovery',
  'registration',
  'agreement',
  'application',
  'approval',
  'document',
  'certification_application',
  'certification_act',
  'certification_certificate',
  'participant_agreement',
] as const;

export type SigningPurpose = (typeof SIGNING_PURPOSES)[number];

interface PurposeRule {
  /** pki's verification purpose: 'login' → AUTH key + now; 'document' → SIGN key + signing time. */
  key: VerifyPurpose;
  /** Issued to anonymous visitors (login page, registration wizard, recovery). */
  anonymous: boolean;
  /** The document/application the signature is about must be named. */
  needsSubject: boolean;
}

export const PURPOSE_RULES: Record<SigningPurpose, PurposeRule> = {
  login: { key: 'login', anonymous: true, needsSubject: false },
  identify: { key: 'login', anonymous: true, needsSubject: false },
  recovery: { key: 'login', anonymous: true, needsSubject: false },
  registration: { key: 'document', anonymous: true, needsSubject: false },
  agreement: { key: 'document', anonymous: false, needsSubject: true },
  application: { key: 'document', anonymous: false, needsSubject: true },
  approval: { key: 'document', anonymous: false, needsSubject: true },
  document: { key: 'document', anonymous: false, needsSubject: true },
  // Certification (docs/certification.md): the application's canonical JSON signed by each signatory (one CMS);
  // an act of the body / moderator (its canonical JSON); the certificate PDF (detached CMS by the body).
  certification_application: { key: 'document', anonymous: false, needsSubject: true },
  certification_act: { key: 'document', anonymous: false, needsSubject: true },
  certification_certificate: { key: 'document', anonymous: false, needsSubject: true },
  // The participant agreement (organizations module): signed in a session, its text registered by that module.
  participant_agreement: { key: 'document', anonymous: false, needsSubject: false },
};

/** The key the purpose needs, in the words of docs/signatures.md. */
export const keyOf = (purpose: SigningPurpose): 'AUTH' | 'SIGN' =>
  PURPOSE_RULES[purpose].key === 'login' ? 'AUTH' : 'SIGN';
