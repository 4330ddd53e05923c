import { LOCALES, type Locale } from '@convene/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every namespace of every language is a JSON file under locales/<lang>/<namespace>.json.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, messages] of Object.entries(files)) {
  const [, lang, ns] = /\.\/locales\/(\w+)\/(\w+)\.json$/.exec(path) ?? [];
  if (!lang || !ns) continue;
  resources[lang] ??= {};
  resources[lang][ns] = messages;
}

const STORAGE_KEY = 'convene.lang';

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

function detect(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: detect(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const applyLang = (lng: string) => {
  document.documentElement.lang = lng;
};
applyLang(i18n.language);
i18n.on('languageChanged', applyLang);

/** Switches the interface language and remembers it on this device. */
export function setLanguage(lng: Locale): void {
  localStorage.setItem(STORAGE_KEY, lng);
  void i18n.changeLanguage(lng);
}

/** Whether the visitor chose a language on this device (then it wins over the account's). */
export const hasStoredLanguage = () => isLocale(localStorage.getItem(STORAGE_KEY));

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'en');

export default i18n;
