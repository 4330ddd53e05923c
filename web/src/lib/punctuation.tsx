import { joinReference, nameSeparator, quotePair } from '@convene/shared';
import type { ReactNode } from 'react';
import { getI18n } from 'react-i18next';
import { useUiLanguage } from '../i18n/format';

/**
 * The interface language's punctuation between a name and an affiliation and around quoted text,
 * from the one table the server's exports and emails use too (shared/src/punctuation.ts):
 * "Ana Delegada, IOM", Arabic "، ", Chinese "，"; “…” in English and Chinese, «…» in Arabic,
 * Spanish and Russian, « … » in French.
 */
function useLanguage(): string {
  const language = useUiLanguage();
  return getI18n().resolvedLanguage ?? language;
}

/** The separator between a name and what follows it, in the interface language. */
export function useNameSeparator(): string {
  return nameSeparator(useLanguage());
}

/** Joins the non-empty parts of a plain-text reference ("Name, Organisation, 2 December 2026"). */
export function useJoinReference(): (parts: readonly (string | null | undefined | false)[]) => string {
  const lang = useLanguage();
  return (parts) => joinReference(parts, lang);
}

/**
 * What follows a name when there is an affiliation: the language's separator and the affiliation,
 * isolated in `<bdi>` (an English organisation on an Arabic page keeps its own direction). Nothing
 * when the affiliation is empty. `className` wraps both in a span (the muted/smaller style).
 */
export function AffiliationAfter({
  affiliation,
  className,
}: {
  affiliation: string | null | undefined;
  className?: string;
}) {
  const sep = useNameSeparator();
  if (!affiliation) return null;
  const inner = (
    <>
      {sep}
      <bdi>{affiliation}</bdi>
    </>
  );
  return className ? <span className={className}>{inner}</span> : inner;
}

/** Quoted text (`<q>`) with the interface language's quotation marks. */
export function Quote({ children }: { children: ReactNode }) {
  const [open, close] = quotePair(useLanguage());
  return <q style={{ quotes: `"${open}" "${close}" "${open}" "${close}"` }}>{children}</q>;
}
