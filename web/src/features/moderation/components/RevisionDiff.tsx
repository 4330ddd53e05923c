import type { CommentLanguage } from '@convene/shared';
import { diffWords } from 'diff';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An edit of a published comment, word by word against the published text. Colour is not the
 * only cue: insertions are underlined, deletions struck through, and each is named for screen
 * readers ("added: …", "removed: …").
 */
export function RevisionDiff({
  publishedMd,
  proposedMd,
  proposedHtml,
  language,
}: {
  publishedMd: string;
  proposedMd: string;
  proposedHtml: string;
  language: CommentLanguage;
}) {
  const { t } = useTranslation('moderation');
  const parts = useMemo(() => diffWords(publishedMd, proposedMd), [publishedMd, proposedMd]);
  const lang = language === 'other' ? undefined : language;
  const changed = parts.some((p) => p.added || p.removed);
  return (
    <div className="revision">
      <p className="revision-legend muted">
        {t('diff.legend')} <ins>{t('diff.addedSample')}</ins> <del>{t('diff.removedSample')}</del>
      </p>
      {changed ? (
        <div className="diff" lang={lang}>
          {parts.map((p, i) =>
            p.added ? (
              <ins key={i}>
                <span className="visually-hidden">[{t('diff.added')}: </span>
                {p.value}
                <span className="visually-hidden">]</span>
              </ins>
            ) : p.removed ? (
              <del key={i}>
                <span className="visually-hidden">[{t('diff.removed')}: </span>
                {p.value}
                <span className="visually-hidden">]</span>
              </del>
            ) : (
              <span key={i}>{p.value}</span>
            ),
          )}
        </div>
      ) : (
        <p className="muted">{t('diff.noTextChange')}</p>
      )}
      <details className="revision-proposed">
        <summary>{t('diff.showProposed')}</summary>
        <div
          className="prose staff-comment-body"
          lang={lang}
          dir="auto"
          dangerouslySetInnerHTML={{ __html: proposedHtml }}
        />
      </details>
    </div>
  );
}
