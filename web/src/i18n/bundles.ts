/**
 * A feature's strings by language, from `import.meta.glob('./*.json', { eager: true, import: 'default' })`
 * in its locales/ folder: every language file present there (en, fr, es, ar, zh, ru) is registered,
 * so a new language needs only its JSON file.
 */
export function byLanguage(files: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, messages] of Object.entries(files)) {
    const lng = /\/(\w+)\.json$/.exec(path)?.[1];
    if (lng && messages && typeof messages === 'object') out[lng] = messages as Record<string, unknown>;
  }
  return out;
}
