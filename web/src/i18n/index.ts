import { LOCALES, type Locale } from '@convene/shared';
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every namespace of every language is a JSON file under locales/<lang>/<namespace>.json, each its
// own chunk: a visitor downloads the strings of the language in use (and English, the fallback),
// never those of the other languages.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default' });
const namespaces = [
  ...new Set(Object.keys(files).map((path) => /\.\/locales\/\w+\/(\w+)\.json$/.exec(path)?.[1] ?? 'common')),
];

const localeFiles: BackendModule = {
  type: 'backend',
  init: () => undefined,
  // A namespace a feature registers itself (addResourceBundle) has no file here: nothing to load,
  // and no empty bundle that would keep the feature's own strings out.
  read: (lng, ns, done) => {
    const load = files[`./locales/${lng}/${ns}.json`];
    if (!load) return done(null, false);
    load().then(
      (messages) => done(null, messages),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

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

// The first render waits for the language's strings (top-level await), so no text ever flashes in
// another language and no component has to suspend for them.
await i18n
  .use(localeFiles)
  .use(initReactI18next)
  .init({
    lng: detect(),
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    defaultNS: 'common',
    ns: namespaces,
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
