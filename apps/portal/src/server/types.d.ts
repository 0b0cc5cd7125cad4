import 'fastify';
import type { Language } from './i18n/messages';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of this request's messages (lang cookie → Accept-Language → ru). */
    lang: Language;
    /** The nonce this response's Content-Security-Policy allows for scripts and styles. */
    cspNonce: string;
  }
}
