import { readFileSync } from 'node:fs';
import { createInstance, type i18n } from 'i18next';

/**
 * For unit tests under node: a fresh i18next holding the interface's own common bundle of one
 * language (English as the fallback, as in the app), without the browser's loader.
 */
export async function i18nWithCommon(lng: string): Promise<i18n> {
  const read = (l: string) =>
    JSON.parse(readFileSync(new URL(`./locales/${l}/common.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const instance = createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: ['common'],
    resources: { en: { common: read('en') }, [lng]: { common: read(lng) } },
  });
  return instance;
}
