import { describe, expect, it } from 'vitest';
import { type DirectoryEntry, directoryUrl, formatKatoPath, katoPath, optionLabel } from './directories';

const entry = (code: string, parentCode: string | null, name: string): DirectoryEntry => ({
  kind: 'kato',
  code,
  parentCode,
  name,
  nameRu: name,
  nameKk: name,
  nameEn: null,
  attrs: {},
  active: true,
  source: 'seed',
});

describe('directories (web)', () => {
  it('builds list URLs with only the parts given, encoded', () => {
    expect(directoryUrl('kato', { roots: true })).toBe('/api/v1/directories/kato?roots=1');
    expect(directoryUrl('kato', { parent: '710000000' })).toBe('/api/v1/directories/kato?parent=710000000');
    expect(directoryUrl('banks', { q: ' halyk & co ', limit: 20 })).toBe(
      '/api/v1/directories/banks?q=halyk+%26+co&limit=20',
    );
    expect(directoryUrl('countries')).toBe('/api/v1/directories/countries');
  });

  it('walks a KATO code up to its region and shows the path region first', async () => {
    const tree = new Map([
      ['710000000', entry('710000000', null, 'Астана қ.')],
      ['711210000', entry('711210000', '710000000', 'Есіл ауданы')],
    ]);
    const asked: string[] = [];
    const path = await katoPath('711210000', async (code) => {
      asked.push(code);
      return tree.get(code)!;
    });
    expect(path.map((e) => e.code)).toEqual(['710000000', '711210000']);
    expect(asked).toEqual(['711210000', '710000000']);
    expect(formatKatoPath(path)).toBe('Астана қ. / Есіл ауданы');
  });

  it('labels banks with their BIC, countries by name only', () => {
    expect(optionLabel('banks', { code: 'HSBKKZKX', name: 'Halyk' })).toBe('HSBKKZKX — Halyk');
    expect(optionLabel('countries', { code: '398', name: 'Қазақстан' })).toBe('Қазақстан');
  });
});
