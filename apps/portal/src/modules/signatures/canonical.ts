import type { SigningPurpose } from './purposes';

/**
 * The bytes a person signs: UTF-8 text, LF line endings, a fixed header then a blank line and the body.
 *
 *   TEREZE SIGNING REQUEST v1
 *   purpose: registration
 *   id: 3f1c…
 *   portal: https://portal.example.kz
 *   issued-at: 2026-11-22T10:00:00.000Z
 *   expires-at: 2026-11-22T10:05:00.000Z
 *   nonce: <32 random bytes, base64url>
 *   subject: <id>            (only when the request is about a document)
 *
 *   <body: the login notice, the user agreement, an application's canonical JSON + SHA-256 …>
 *
 * The header binds the signature to this portal, this purpose and this request (a login challenge cannot be
 * replayed as an agreement, nor on another portal); the server compares the signed content byte for byte with
 * what it stored, so the format only has to be unambiguous for people reading it in NCALayer.
 */
export const SIGNING_FORMAT_MAGIC = 'TEREZE SIGNING REQUEST v1';

export interface CanonicalFields {
  purpose: SigningPurpose;
  id: string;
  portal: string;
  issuedAt: Date;
  expiresAt: Date;
  nonce: string;
  subjectId?: string | null;
  body: string;
}

/** Header values must stay on their line. */
function oneLine(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`signing request ${name} must be a single line`);
  return `${name}: ${value}`;
}

export function canonicalSigningText(f: CanonicalFields): string {
  const header = [
    SIGNING_FORMAT_MAGIC,
    oneLine('purpose', f.purpose),
    oneLine('id', f.id),
    oneLine('portal', f.portal),
    oneLine('issued-at', f.issuedAt.toISOString()),
    oneLine('expires-at', f.expiresAt.toISOString()),
    oneLine('nonce', f.nonce),
  ];
  if (f.subjectId) header.push(oneLine('subject', f.subjectId));
  return `${header.join('\n')}\n\n${f.body.replace(/\r\n?/g, '\n')}`;
}

export const canonicalSigningBytes = (f: CanonicalFields): Uint8Array =>
  new TextEncoder().encode(canonicalSigningText(f));

/** Body of a login (and identify / recovery) challenge. */
export const LOGIN_NOTICE_RU =
  'Вход на портал с ключом аутентификации ЭЦП. Подписывая эти данные, я подтверждаю, что вход выполняю я.';
export const IDENTIFY_NOTICE_RU =
  'Подтверждение личности ключом аутентификации ЭЦП для регистрации на портале.';
export const RECOVERY_NOTICE_RU =
  'Восстановление пароля с ключом аутентификации ЭЦП. Подписывая эти данные, я подтверждаю, что пароль восстанавливаю я.';
