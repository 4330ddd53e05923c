import { LOCALES, type Locale, type SpaceDetail } from '@convene/shared';

/** The texts of a space the translation editor handles, in one language. */
export interface TextSet {
  title: string;
  summary: string;
  background: string;
  disclaimer: string;
  /** Question id → text. */
  questions: Record<string, string>;
}

export const SPACE_FIELDS = ['title', 'summary', 'background', 'disclaimer'] as const;
export type SpaceField = (typeof SPACE_FIELDS)[number];

/** Every language's texts as the API gives them to editors (the original included). */
export function textsOf(space: SpaceDetail): Record<Locale, TextSet> {
  const out = {} as Record<Locale, TextSet>;
  for (const lang of LOCALES) {
    const set = space.translations?.[lang] ?? {};
    out[lang] = {
      title: set.title ?? '',
      summary: set.summary ?? '',
      background: set.background ?? '',
      disclaimer: set.disclaimer ?? '',
      questions: Object.fromEntries(space.questions.map((q) => [q.id, q.translations?.[lang] ?? ''])),
    };
  }
  return out;
}

/**
 * The space as its editors edit it: title, summary, disclaimer and questions in the original
 * language, whatever language the page reads them in (the settings and questions forms write the
 * original; translations have their own editor).
 */
export function inOriginal(space: SpaceDetail): SpaceDetail {
  const original = space.originalLanguage;
  const set = space.translations?.[original];
  if (!set) return space;
  return {
    ...space,
    title: set.title ?? space.title,
    summary: set.summary ?? '',
    disclaimer: set.disclaimer ?? '',
    lang: { title: original, summary: original, background: original, disclaimer: original },
    questions: space.questions.map((q) => ({
      ...q,
      text: q.translations?.[original] ?? q.text,
      lang: { text: original },
    })),
  };
}

/** Missing translations per language: a field whose original has text and whose translation has none. */
export function missingCount(original: TextSet, target: TextSet): number {
  let n = 0;
  for (const f of SPACE_FIELDS) if (original[f].trim() && !target[f].trim()) n += 1;
  for (const [id, text] of Object.entries(original.questions)) if (text.trim() && !target.questions[id]?.trim()) n += 1;
  return n;
}
