import { type CommentLanguage, LOCALES, type Locale, type SpaceTextField } from '@convene/shared';
import type { Question, Space, SpaceTextSet } from '../db/schema/index.js';

/*
 * A space's texts in the language asked. The original (the space's columns) is the fallback,
 * field by field: a French reader of a space translated only in its title reads the title in
 * French and the rest in the original, each text saying which language it is in.
 */

/** The language a read asks for; null reads the original. */
export type AskedLanguage = Locale | null;

type TextSpace = Pick<Space, 'originalLanguage' | 'translations'>;
/** The original texts; a caller that reads only the title needs only the title. */
type OriginalTexts = Partial<Pick<Space, 'title' | 'summary' | 'backgroundHtml' | 'disclaimer'>>;

/** The stored key of each translatable field in a translation. */
const STORED: Record<SpaceTextField, keyof SpaceTextSet> = {
  title: 'title',
  summary: 'summary',
  background: 'backgroundHtml',
  disclaimer: 'disclaimer',
};

/** The original text of a field (the background as sanitised HTML). */
function originalText(space: OriginalTexts, field: SpaceTextField): string {
  return (field === 'background' ? space.backgroundHtml : space[field]) ?? '';
}

/** A field's text in the asked language where translated, else the original, with its language. */
export function spaceText(
  space: TextSpace & OriginalTexts,
  field: SpaceTextField,
  asked: AskedLanguage,
): { text: string; lang: Locale } {
  if (asked && asked !== space.originalLanguage) {
    const translated = space.translations[asked]?.[STORED[field]];
    if (translated) return { text: translated, lang: asked };
  }
  return { text: originalText(space, field), lang: space.originalLanguage };
}

/** The languages the space has any text in, the original first, then in the interface order. */
export function spaceLanguages(space: TextSpace): Locale[] {
  const others = LOCALES.filter(
    (l) => l !== space.originalLanguage && Object.values(space.translations[l] ?? {}).some(Boolean),
  );
  return [space.originalLanguage, ...others];
}

/** Editors' view of a question: its text in every language, the original included. */
export const questionTextsForEditors = (q: Pick<Question, 'text' | 'translations'>, original: Locale) => ({
  ...q.translations,
  [original]: q.text,
});

/** A question's text in the asked language where translated, else the original. */
export function questionText(
  question: Pick<Question, 'text' | 'translations'>,
  original: Locale,
  asked: AskedLanguage,
): { text: string; lang: Locale } {
  const translated = asked && asked !== original ? question.translations[asked] : undefined;
  return translated ? { text: translated, lang: asked ?? original } : { text: question.text, lang: original };
}

/**
 * Editors' view of the texts in every language, the original included (the form edits the
 * original whatever the interface language): backgrounds as their markdown source.
 */
export function translationsForEditors(
  space: TextSpace & Pick<Space, 'title' | 'summary' | 'backgroundMd' | 'disclaimer'>,
) {
  const original = {
    title: space.title,
    summary: space.summary,
    backgroundMd: space.backgroundMd,
    disclaimer: space.disclaimer,
  };
  return Object.fromEntries(
    Object.entries({ ...space.translations, [space.originalLanguage]: original }).map(([lang, set]) => [
      lang,
      {
        ...(set?.title ? { title: set.title } : {}),
        ...(set?.summary ? { summary: set.summary } : {}),
        ...(set?.backgroundMd ? { background: set.backgroundMd } : {}),
        ...(set?.disclaimer ? { disclaimer: set.disclaimer } : {}),
      },
    ]),
  ) as Partial<Record<Locale, Partial<Record<SpaceTextField, string>>>>;
}

/**
 * The languages a space's texts are expected in: its accepted contribution languages that are
 * interface languages, and any language it or one of its questions already has a translation in;
 * not the original.
 */
export function expectedLanguages(
  space: TextSpace & Pick<Space, 'acceptedLanguages'>,
  questions: Pick<Question, 'translations'>[] = [],
): Locale[] {
  const isLocale = (l: CommentLanguage): l is Locale => (LOCALES as readonly string[]).includes(l);
  const wanted = new Set<Locale>([
    ...space.acceptedLanguages.filter(isLocale),
    ...spaceLanguages(space),
    ...questions.flatMap((q) => (Object.keys(q.translations) as Locale[]).filter((l) => q.translations[l])),
  ]);
  return LOCALES.filter((l) => l !== space.originalLanguage && wanted.has(l));
}

/** Each text not yet translated into an expected language: an empty original needs none. */
export function missingTranslations(
  space: TextSpace & Pick<Space, 'acceptedLanguages' | 'title' | 'summary' | 'backgroundMd' | 'disclaimer'>,
  questions: Pick<Question, 'id' | 'translations'>[],
): { language: Locale; field: string }[] {
  const out: { language: Locale; field: string }[] = [];
  for (const language of expectedLanguages(space, questions)) {
    const set = space.translations[language] ?? {};
    if (space.title && !set.title) out.push({ language, field: 'title' });
    if (space.summary && !set.summary) out.push({ language, field: 'summary' });
    if (space.backgroundMd && !set.backgroundMd) out.push({ language, field: 'background' });
    if (space.disclaimer && !set.disclaimer) out.push({ language, field: 'disclaimer' });
    for (const q of questions) if (!q.translations[language]) out.push({ language, field: `questions.${q.id}` });
  }
  return out;
}
