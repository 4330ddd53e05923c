import { LOCALES, type Locale } from '@convene/shared';
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every namespace of a language is a JSON file under locales/<lang>/<namespace>.json; each language is
// one chunk (languages/<lang>.ts): a visitor downloads the strings of the language in use (and
// English, the fallback), never those of the other languages.
const languages = import.meta.glob<{ default: Record<string, Record<string, unknown>> }>('./languages/*.ts');
const loadLanguage = async (lng: string) => {
  const load = languages[`./languages/${lng}.ts`];
  const files = load ? (await load()).default : {};
  return new Map(
    Object.entries(files).map(([path, messages]) => [/\/(\w+)\.json$/.exec(path)?.[1] ?? '', messages] as const),
  );
};

const localeFiles: BackendModule = {
  type: 'backend',
  init: () => undefined,
  // A namespace a feature registers itself (addResourceBundle) has no file here: nothing to load,
  // and no empty bundle that would keep the feature's own strings out.
  read: (lng, ns, done) => {
    loadLanguage(lng).then(
      (namespaces) => done(null, namespaces.get(ns) ?? false),
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
    ns: [...(await loadLanguage('en')).keys()],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });

// <html lang> and dir follow the interface language, on first load and on every change: Arabic lays
// out right to left (the CSS uses logical properties: margin-inline-start, text-align: start…).
const applyLang = (lng: string) => {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
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
