import { LONE_SURROGATE_MESSAGE, NUL_CHARACTER_MESSAGE } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { i18nWithCommon } from '../i18n/testing';
import { commonFieldMessage } from './fieldMessages';

const tIn = async (lng: string) => (await i18nWithCommon(lng)).t;

describe('the field messages every form may meet, in the interface language', () => {
  it('says a blank field, a length and unstorable text in French', async () => {
    const t = await tIn('fr');
    expect(commonFieldMessage(t, 'Required')).toBe('Ce champ est obligatoire');
    expect(commonFieldMessage(t, 'At most 300 characters')).toBe('Utilisez au plus 300 caractères');
    expect(commonFieldMessage(t, NUL_CHARACTER_MESSAGE)).toMatch(/^Contient un caractère NUL/);
    expect(commonFieldMessage(t, LONE_SURROGATE_MESSAGE)).toMatch(/^Contient un caractère cassé/);
  });

  it('reads the schemas’ grouped numbers ("2,000") as numbers, grouped as the page’s language does', async () => {
    const t = await tIn('es');
    // Runs under node: just enough of `document` for the page's language.
    const g = globalThis as { document?: unknown };
    g.document = { documentElement: { lang: 'es' } };
    try {
      expect(commonFieldMessage(t, 'At most 2,000 characters')).toBe('Use como máximo 2000 caracteres');
      expect(commonFieldMessage(t, 'At most 100,000 characters')).toBe('Use como máximo 100.000 caracteres');
      // Arabic with the Latin digits the interface uses (intlLocale), not ٢٬٠٠٠.
      g.document = { documentElement: { lang: 'ar' } };
      expect(commonFieldMessage(t, 'At most 2,000 characters')).toContain('2,000');
    } finally {
      delete g.document;
    }
    expect(commonFieldMessage(t, 'At least 12 characters')).toBe('Use al menos 12 caracteres');
  });

  it('keeps any other message as the server wrote it', async () => {
    const t = await tIn('ru');
    expect(commonFieldMessage(t, 'Give a reason: the author will see it')).toBe(
      'Give a reason: the author will see it',
    );
  });
});
