import type { CommentLanguage } from '@convene/shared';
import { useEffect, useState } from 'react';
import { detectLanguage } from '../lib/detectLanguage';

/** How long typing pauses before the text's language is guessed again. */
const DETECT_DELAY = 400;

/**
 * Guesses the language of what is typed, among the space's accepted ones, and hands it to
 * `suggest` (which keeps a language the writer chose themselves). Returns the latest guess.
 */
export function useLanguageSuggestion(
  body: string,
  accepted: readonly CommentLanguage[],
  suggest: (language: CommentLanguage) => void,
): CommentLanguage | null {
  const [detected, setDetected] = useState<CommentLanguage | null>(null);
  const key = accepted.join(',');
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      detectLanguage(body, key.split(',') as CommentLanguage[]).then(
        (language) => {
          if (cancelled || !language) return;
          setDetected(language);
          suggest(language);
        },
        () => undefined, // No suggestion if the detector cannot load: the select still works.
      );
    }, DETECT_DELAY);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [body, key, suggest]);
  return detected;
}
