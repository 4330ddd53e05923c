import type { Locale } from '@convene/shared';
import type { ElementType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../../lib/queryClient';
import i18n from '../../../i18n';
import { languageName, useUiLanguage } from '../../../i18n/format';
import '../content-text.css';

/*
 * A space's texts come in the reader's interface language where translated, else in the space's
 * original (the API says which, per field). Every piece of content carries its language (`lang`)
 * and its own direction (`dir="auto"`), and a text that fell back says so in the reader's language.
 */

// Space texts are read in the interface language (the API client sends it as Accept-Language):
// a change of language fetches them again.
i18n.on('languageChanged', () => {
  void queryClient.invalidateQueries({ queryKey: ['space'] });
  void queryClient.invalidateQueries({ queryKey: ['spaces'] });
});

/** A piece of space content with its language and direction. */
export function ContentText({
  lang,
  as: Tag = 'span',
  className,
  children,
}: {
  lang: Locale;
  as?: ElementType;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Tag lang={lang} dir="auto" className={className}>
      {children}
    </Tag>
  );
}

/** The name of a language in the interface language ("anglais" on a French page). */
export function useLanguageName(): (lang: string) => string {
  const lng = useUiLanguage();
  return (lang) => languageName(lang, lng);
}

/** "Original in English" (in the reader's language) when a text is not in the interface language. */
export function OriginalNote({ lang, className = 'original-note' }: { lang: Locale; className?: string }) {
  const { t, i18n: instance } = useTranslation('spaces');
  const name = useLanguageName();
  if (lang === instance.language) return null;
  return (
    <span className={className} data-original-lang={lang}>
      {t('content.originalIn', { language: name(lang) })}
    </span>
  );
}
