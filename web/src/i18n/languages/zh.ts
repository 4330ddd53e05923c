// Every namespace of one language, in one chunk (loaded by ../index.ts for the language in use).
export default import.meta.glob<Record<string, unknown>>('../locales/zh/*.json', { eager: true, import: 'default' });
