import { describe, expect, it } from 'vitest';
import { translate } from '../../server/i18n/messages';
import { profileMessagesEn, profileMessagesKk, profileMessagesRu } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('profile messages', () => {
  it('kk and en have every ru key with the same placeholders, and are translated', () => {
    for (const [lang, catalog] of [
      ['kk', profileMessagesKk],
      ['en', profileMessagesEn],
    ] as const) {
      expect(Object.keys(catalog).sort(), lang).toEqual(Object.keys(profileMessagesRu).sort());
      for (const [key, ru] of Object.entries(profileMessagesRu)) {
        const text = (catalog as Record<string, string>)[key];
        expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(ru));
        expect(text, `${lang}.${key}`).not.toBe(ru);
      }
    }
  });

  it('are merged into the server catalogs', () => {
    expect(translate('kk', 'profile_saved')).toBe(profileMessagesKk.profile_saved);
    expect(translate('en', 'email_confirmed')).toBe(profileMessagesEn.email_confirmed);
  });
});
