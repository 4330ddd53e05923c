import { describe, expect, it } from 'vitest';
import { i18nWithCommon } from '../i18n/testing';
import { ApiError } from '../lib/api';
import { errorText } from './ErrorMessage';

const refused = (status: number, code: string, message: string, details?: unknown) =>
  new ApiError(status, code, message, [], details);

describe('a refusal in the interface language', () => {
  it('says a known code in the reader’s language, not the server’s English', async () => {
    const fr = await i18nWithCommon('fr');
    const decided = refused(409, 'request_decided', 'This request has already been decided or replaced.');
    expect(errorText(fr, decided)).toMatch(/^Cette demande a déjà été traitée/);
    expect(errorText(await i18nWithCommon('en'), decided)).toMatch(/already been decided or replaced/);
    expect(errorText(await i18nWithCommon('zh'), refused(404, 'not_found', 'Comment not found.'))).toMatch(/已不存在/);
  });

  it('names the wait after a rate limit in minutes, with the language’s plural forms', async () => {
    const limited = (seconds: number) =>
      refused(429, 'rate_limited', 'Too many comments; try again in 5 minutes.', { retryAfterSeconds: seconds });
    const ru = await i18nWithCommon('ru');
    expect(errorText(ru, limited(300))).toContain('через 5 минут.');
    expect(errorText(ru, limited(120))).toContain('через 2 минуты.');
    expect(errorText(ru, limited(10))).toContain('через 1 минуту.');
    expect(errorText(await i18nWithCommon('ar'), limited(120))).toContain('بعد دقيقتين');
    expect(errorText(await i18nWithCommon('es'), limited(3600))).toContain('dentro de 60 minutos');
  });

  it('gives the attachment limits from the shared constants', async () => {
    const es = await i18nWithCommon('es');
    expect(errorText(es, refused(413, 'file_too_large', 'A file may be at most 10 MB.'))).toBe(
      'Un archivo puede ocupar como máximo 10 MB.',
    );
    expect(errorText(es, refused(409, 'too_many_attachments', '…'))).toContain('como máximo 3 archivos');
  });

  it('keeps the server’s words for a code it has no text for; validation and the network as before', async () => {
    const fr = await i18nWithCommon('fr');
    expect(errorText(fr, refused(409, 'some_new_code', 'A new refusal.'))).toBe('A new refusal.');
    const invalid = refused(400, 'validation_failed', 'organisation: Contains a NUL character');
    expect(errorText(fr, invalid)).toBe('Veuillez corriger les champs signalés.');
    expect(errorText(fr, invalid, { fieldsShown: false })).toBe('organisation: Contains a NUL character');
    expect(errorText(fr, refused(0, 'network', 'Failed to fetch'))).toMatch(/^Impossible de joindre le serveur/);
    expect(errorText(fr, new Error('boom'))).toBe(fr.t('errors.generic'));
  });
});
