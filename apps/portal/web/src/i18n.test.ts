import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  findHardcodedText,
  findTranslationKeys,
  flattenLocale,
  type Locale,
  placeholders,
} from './i18n-scan';

const srcDir = fileURLToPath(new URL('.', import.meta.url));
const LANGUAGES = ['kk', 'ru', 'en'] as const;

const locales = Object.fromEntries(
  LANGUAGES.map((lng) => {
    const json = JSON.parse(readFileSync(join(srcDir, 'locales', `${lng}.json`), 'utf8')) as Locale;
    return [lng, flattenLocale(json)];
  }),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

/** The app's source files, without tests and without the scanner itself. */
const sourceFiles = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('i18n-scan.ts'))
  .map((file) => ({
    file: relative(srcDir, join(srcDir, file)),
    source: readFileSync(join(srcDir, file), 'utf8'),
  }));

const format = (findings: { file: string; line: number; text: string }[]) =>
  findings.map((f) => `${f.file}:${f.line} ${f.text}`);

describe('locale files', () => {
  const reference = [...locales.ru.keys()].sort();

  it('have keys at all (the test reads the real files)', () => {
    expect(reference.length).toBeGreaterThan(50);
    expect(locales.ru.get('header.login')).toBe('Войти');
    expect(locales.ru.get('header.register')).toBe('Регистрация');
  });

  for (const lng of LANGUAGES) {
    it(`${lng}: every key present, no extra keys, no empty values`, () => {
      const keys = [...locales[lng].keys()].sort();
      expect(
        reference.filter((key) => !locales[lng].has(key)),
        'missing keys',
      ).toEqual([]);
      expect(
        keys.filter((key) => !locales.ru.has(key)),
        'extra keys',
      ).toEqual([]);
      expect(
        keys.filter((key) => !locales[lng].get(key)?.trim()),
        'empty values',
      ).toEqual([]);
    });

    it(`${lng}: the same {{placeholders}} as Russian`, () => {
      const mismatched = reference.filter(
        (key) =>
          placeholders(locales[lng].get(key) ?? '').join() !== placeholders(locales.ru.get(key)!).join(),
      );
      expect(mismatched).toEqual([]);
    });
  }

  // Words Kazakh shares with Russian; every other Cyrillic value copied from ru is a missed translation.
  const SAME_IN_KK = new Set(['cabinet.menu.profile', 'profile.login']);

  it('kk and en are translated, not copies of ru (beyond names and symbols)', () => {
    for (const lng of ['kk', 'en'] as const) {
      const copied = reference.filter((key) => {
        const value = locales[lng].get(key)!;
        return (
          value === locales.ru.get(key) &&
          /\p{Script=Cyrillic}{4,}/u.test(value) &&
          !key.startsWith('lang.') &&
          !(lng === 'kk' && SAME_IN_KK.has(key))
        );
      });
      expect(copied, lng).toEqual([]);
    }
  });

  it('flattenLocale refuses values that are not strings', () => {
    expect(() => flattenLocale({ a: { b: 1 } } as unknown as Locale)).toThrow(/a\.b: expected a string/);
  });
});

describe('keys used in the code', () => {
  const usages = sourceFiles.map(({ file, source }) => findTranslationKeys(source, file));
  const used = usages.flatMap((usage) => usage.keys);

  it('scans real files', () => {
    expect(sourceFiles.length).toBeGreaterThan(10);
    expect(used.length).toBeGreaterThan(50);
  });

  it('exist in the locale files', () => {
    expect(format(used.filter((use) => !locales.ru.has(use.text)))).toEqual([]);
  });

  it('are never built at run time (template or concatenation), so they can be checked', () => {
    expect(format(usages.flatMap((usage) => usage.dynamic))).toEqual([]);
  });

  it('cover every key in the locale files (no dead translations)', () => {
    const usedKeys = new Set(used.map((use) => use.text));
    expect([...locales.ru.keys()].filter((key) => !usedKeys.has(key))).toEqual([]);
  });
});

describe('no hard-coded user-visible text', () => {
  it('in any component or module of web/src', () => {
    expect(format(sourceFiles.flatMap(({ file, source }) => findHardcodedText(source, file)))).toEqual([]);
  });
});

describe('the scanners themselves (they must be able to fail)', () => {
  const bad = `
    export function Bad({ ok }: { ok: boolean }) {
      return (
        <div className="wrapper" data-testid="bad">
          <h1>Заявки</h1>
          <Button title="Save">{t('ok.key')}</Button>
          <TextInput placeholder={'введите e-mail'} label={ok ? 'Yes' : t('no.key')} />
          <img alt={\`Logo of \${name}\`} src="/logo.svg" />
          <p>{ok && 'Shown when ok'}</p>
          <Select data={[{ value: 'kk', label: 'Қаз' }]} />
        </div>
      );
    }`;
  const good = `
    export function Good({ name }: { name: string }) {
      const { t } = useTranslation();
      return (
        <div className="wrapper" id="main" role="region" aria-label={t('a.b')}>
          <span> · </span>{' '}{name}
          <a href="https://pki.gov.kz/ncalayer/" target="_blank" rel="noopener noreferrer">{t('c.d', { name })}</a>
          <Select data={[{ value: 'kk', label: t('lang.kk') }]} size="xs" variant="light" />
          {name ? t('x.y') : null}
        </div>
      );
    }`;

  it('flags every kind of hard-coded text', () => {
    const texts = findHardcodedText(bad, 'Bad.tsx').map((f) => f.text);
    expect(texts).toEqual([
      'Заявки',
      'title="Save"',
      "'введите e-mail'",
      "'Yes'",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the scanner reports the source text of a template
      '`Logo of ${name}`',
      "'Shown when ok'",
      "'Қаз'",
    ]);
  });

  it('reports the line of each finding', () => {
    expect(findHardcodedText(bad, 'Bad.tsx')[0]).toMatchObject({ file: 'Bad.tsx', line: 5 });
  });

  it('accepts translated text, punctuation, class names and URLs', () => {
    expect(findHardcodedText(good, 'Good.tsx')).toEqual([]);
  });

  it('collects literal keys and refuses dynamic ones', () => {
    const usage = findTranslationKeys(
      `const items = [{ path: 'x', labelKey: 'menu.x' }];
       i18n.t('app.name');
       t(\`menu.\${id}\`);
       t('a' + b);
       <Trans i18nKey="trans.key" />;
       t(item.labelKey);`,
      'Keys.tsx',
    );
    expect(usage.keys.map((k) => k.text)).toEqual(['menu.x', 'app.name', 'trans.key']);
    expect(usage.dynamic.map((d) => d.line)).toEqual([3, 4]);
  });
});
