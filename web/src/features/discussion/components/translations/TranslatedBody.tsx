import type { CommentDto, CommentTranslationDto } from '@convene/shared';
import { Suspense, lazy, useState } from 'react';
import { focusWhenReady } from '../../lib/focus';
import { langAttr } from '../../lib/intl';

// The switch, its strings and styles load only for a comment that has translations.
const TranslationSwitch = lazy(() => import('./TranslationSwitch'));

export type Translation = CommentTranslationDto & { language: 'en' | 'fr' | 'es' };
const named = (t: CommentTranslationDto): t is Translation => t.language !== 'other';

/**
 * A comment's published text, or one of its translations when the reader switches to it:
 * "Translation available: Français" offers them; shown, a translation is labelled with its
 * original language, translator and date, and "Show original" switches back. Outdated
 * translations (sent to staff only, to update) are not offered here.
 */
export function TranslatedBody({ comment }: { comment: CommentDto }) {
  const offered = comment.translations.filter((x) => !x.outdated).filter(named);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = offered.find((x) => x.language === chosen) ?? null;
  const bodyId = `comment-${comment.id}-body`;
  const originalId = `comment-${comment.id}-original`;
  const showId = (language: string) => `comment-${comment.id}-show-${language}`;
  // The button pressed goes away with the switch: focus goes to the one that switches back.
  const show = (language: string | null) => {
    setChosen(language);
    focusWhenReady(language ? originalId : showId(chosen ?? ''), offered[0] ? showId(offered[0].language) : undefined);
  };

  return (
    <>
      {offered.length > 0 && (
        // The placeholder holds the switch's line while it loads: the text does not move.
        <Suspense
          fallback={
            <p className="comment-translations" aria-hidden="true">
              {'\u00a0'}
            </p>
          }
        >
          <TranslationSwitch comment={comment} offered={offered} shown={shown} show={show} />
        </Suspense>
      )}
      <div
        id={bodyId}
        className="prose comment-body"
        lang={langAttr(shown ? shown.language : comment.language)}
        dir="auto"
        dangerouslySetInnerHTML={{ __html: shown ? shown.bodyHtml : comment.bodyHtml }}
      />
    </>
  );
}
