import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '@convene/shared';
import { describe, expect, it } from 'vitest';

/**
 * Every web string exists in the six interface languages. English is the reference: for each
 * bundle (web/src/i18n/locales/<lang>/<ns>.json, and each feature's locales/ folder with an en.json)
 * every other language has the file, every key, the plural forms its CLDR rules need
 * (Intl.PluralRules: Arabic zero/one/two/few/many/other, Russian one/few/many/other, Chinese other),
 * the same {{placeholders}} and <tags>, and no value left in English (proper nouns, codes and
 * file formats aside, in ALLOWED_SAME).
 */
const web = fileURLToPath(new URL('../../web/src', import.meta.url));
const OTHER_LANGUAGES = LOCALES.filter((l) => l !== 'en');
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL = new RegExp(`^(.*)_(${PLURAL_SUFFIXES.join('|')})$`);

/** Values that are the same in every language: names, codes, formats, examples. */
const ALLOWED_SAME = new Set([
  'Convene',
  'CSV',
  'DOCX',
  'PDF',
  'XLSX',
  'Word (DOCX)',
  'Excel (XLSX)',
  'JSON',
  'OK',
  'SSO',
  'OIDC',
  'ID',
  'URL',
  'IMRF',
  'RT 1.1',
  'name@example.org',
  'you@example.org',
  'English',
  'Français',
  'Español',
  'العربية',
  '中文',
  'Русский',
]);
/** A value with no letters (a number, an arrow, only placeholders) is never "left in English". */
const hasWords = (v: string) => /\p{L}{2,}/u.test(v.replace(/\{\{[^}]+\}\}|<[^>]+>/g, ''));
/**
 * French and Spanish share many words with English ("Question", "Participation", "Total"): their
 * values are not compared with English, and their "many" form (CLDR 42+: for a million and more,
 * "1 000 000 de commentaires") is not required: i18next falls back to the bare key there.
 * Arabic, Chinese and Russian are checked in full.
 */
const LENIENT = new Set(['fr', 'es']);

type Flat = Map<string, string>;
function flatten(obj: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (typeof obj === 'string') out.set(prefix, obj);
  else if (obj && typeof obj === 'object')
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}
const read = (path: string): Flat => flatten(JSON.parse(readFileSync(path, 'utf8')));

/** Each bundle: its English file and the path of each language's file. */
function bundles(): { name: string; en: string; file: (lng: string) => string }[] {
  const out: { name: string; en: string; file: (lng: string) => string }[] = [];
  const base = join(web, 'i18n/locales');
  for (const ns of readdirSync(join(base, 'en')).filter((f) => f.endsWith('.json')))
    out.push({ name: `i18n/${ns}`, en: join(base, 'en', ns), file: (l) => join(base, l, ns) });
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'en.json' && dir.includes('locales') && !dir.startsWith(base))
        out.push({ name: relative(web, path), en: path, file: (l) => join(dir, `${l}.json`) });
    }
  };
  walk(join(web, 'features'));
  return out;
}

const marks = (v: string) =>
  [...v.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}|<\/?([a-zA-Z0-9]+)\s*\/?>/g)].map((m) => m[0].replace(/\s/g, ''));
const sorted = (xs: string[]) => [...new Set(xs)].sort();

/** The problems of one language's file against English. */
function problems(en: Flat, target: Flat | null, lng: string): string[] {
  if (!target) return ['file missing'];
  const out: string[] = [];
  const lenient = LENIENT.has(lng);
  const required = new Intl.PluralRules(lng)
    .resolvedOptions()
    .pluralCategories.filter((c) => !(lenient && c === 'many'));
  const pluralBases = new Set<string>();
  for (const key of en.keys()) {
    const m = PLURAL.exec(key);
    if (m && (en.has(`${m[1]}_one`) || en.has(`${m[1]}_other`))) pluralBases.add(m[1] ?? '');
    // "{{count}} awaiting moderation" needs no plural in English, but does in Arabic or Russian.
    else if (/\{\{\s*count\b/.test(en.get(key) ?? '')) pluralBases.add(key);
  }
  const check = (key: string, enValue: string, plural: boolean, enOther = enValue) => {
    const value = target.get(key);
    if (value === undefined) return void out.push(`${key}: missing`);
    const want = marks(enValue);
    const got = marks(value);
    // A plural form may leave the number out ("تعليق واحد", "一条评论" are still right); every other
    // placeholder and every tag must be there, and nothing new.
    const wantSet = sorted(plural ? want.filter((x) => !/^\{\{count/.test(x)) : want);
    const gotSet = sorted(plural ? got.filter((x) => !/^\{\{count/.test(x)) : got);
    if (wantSet.join(' ') !== gotSet.join(' '))
      out.push(`${key}: placeholders ${gotSet.join(' ')} ≠ ${wantSet.join(' ')}`);
    if (plural && got.some((x) => /^\{\{count/.test(x)) && !marks(enOther).some((x) => /^\{\{count/.test(x)))
      out.push(`${key}: {{count}} not in English`);
    if (value === enValue && hasWords(value) && !ALLOWED_SAME.has(value) && !lenient)
      out.push(`${key}: left in English (${JSON.stringify(value)})`);
  };
  for (const [key, value] of en) {
    const m = PLURAL.exec(key);
    if ((m && pluralBases.has(m[1] ?? '')) || pluralBases.has(key)) continue;
    check(key, value, false);
  }
  // Where "one" means the number 1 only (not 21 as in Russian), the bare key may stand for it, as
  // English does ("unchanged" beside "unchanged_other").
  const oneIsOnlyOne = new Intl.PluralRules(lng).select(21) !== 'one';
  for (const b of pluralBases) {
    const enOther = en.get(`${b}_other`) ?? en.get(`${b}_one`) ?? en.get(b) ?? '';
    for (const cat of required) {
      const enValue = en.get(`${b}_${cat}`) ?? (cat === 'one' ? en.get(b) : undefined) ?? enOther;
      // French and Spanish may keep one bare key for every number (i18next falls back to it).
      const bareStands = target.has(b) && (lenient || (cat === 'one' && oneIsOnlyOne));
      if (!target.has(`${b}_${cat}`) && bareStands) check(b, enValue, true, enOther);
      else check(`${b}_${cat}`, enValue, true, enOther);
    }
  }
  // Keys English no longer has are dead text that nobody will update.
  for (const key of target.keys()) {
    const m = PLURAL.exec(key);
    if (en.has(key) || (m && pluralBases.has(m[1] ?? '')) || pluralBases.has(key)) continue;
    out.push(`${key}: not in English`);
  }
  return out;
}

describe('web strings in the six languages', () => {
  const all = bundles();
  it('finds the bundles', () => {
    expect(all.length).toBeGreaterThan(15);
  });
  for (const lng of OTHER_LANGUAGES) {
    it(`${lng}: every key, plural form and placeholder, nothing left in English`, () => {
      const report: string[] = [];
      for (const b of all) {
        const file = b.file(lng);
        for (const p of problems(read(b.en), existsSync(file) ? read(file) : null, lng)) report.push(`${b.name}: ${p}`);
      }
      expect(report, `${report.length} problems in ${lng}:\n${report.slice(0, 60).join('\n')}`).toEqual([]);
    });
  }
});

describe('the check itself', () => {
  const en: Flat = new Map([
    ['a', 'Hello {{name}}'],
    ['n_one', '{{count}} comment'],
    ['n_other', '{{count}} comments'],
  ]);
  it('accepts a complete Russian file', () => {
    const ru: Flat = new Map([
      ['a', 'Здравствуйте, {{name}}'],
      ['n_one', '{{count}} комментарий'],
      ['n_few', '{{count}} комментария'],
      ['n_many', '{{count}} комментариев'],
      ['n_other', '{{count}} комментария'],
    ]);
    expect(problems(en, ru, 'ru')).toEqual([]);
  });
  it('names a missing CLDR form, a changed placeholder and a value left in English', () => {
    const ar: Flat = new Map([
      ['a', 'Hello {{nom}}'],
      ['n_zero', 'لا تعليقات'],
      ['n_one', 'تعليق واحد'],
      ['n_two', 'تعليقان'],
      ['n_few', '{{count}} تعليقات'],
      ['n_other', '{{count}} تعليق'],
    ]);
    expect(problems(en, ar, 'ar')).toEqual(['a: placeholders {{nom}} ≠ {{name}}', 'n_many: missing']);
    expect(
      problems(
        en,
        new Map([
          ['a', 'Hello {{name}}'],
          ['n_other', '{{count}} 条评论'],
        ]),
        'zh',
      ),
    ).toEqual(['a: left in English ("Hello {{name}}")']);
  });
});
