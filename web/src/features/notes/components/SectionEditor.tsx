import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { citedIds } from '../lib/citations';
import type { ContributionView } from '../lib/contributions';
import { type DraftSection, fieldKey } from '../lib/draft';
import { useFieldMessage } from '../hooks/useFieldMessage';
import { CitedText } from './CitedText';
import { type PlacedActions, PlacedList } from './PlacedList';
import { sectionHeading } from '../lib/sectionNumber';
import { AffiliationAfter, useNameSeparator } from '../../../lib/punctuation';

export interface SectionCallbacks {
  setTitle: (key: string, title: string) => void;
  setBody: (key: string, body: string, caret: number) => void;
  rememberCaret: (key: string, el: HTMLTextAreaElement) => void;
  registerTextarea: (key: string, el: HTMLTextAreaElement | null) => void;
  move: (key: string, delta: -1 | 1) => void;
  remove: (key: string) => void;
  removeCitation: (key: string, commentId: string) => void;
  placed: (key: string) => PlacedActions;
  flush: () => void;
}

/** One section: its title, synthesis text (markdown), placed contributions and citations. */
export const SectionEditor = memo(function SectionEditor({
  slug,
  section,
  position,
  count,
  words,
  citationNumbers,
  index,
  fieldErrors,
  callbacks,
  readOnly,
}: {
  slug: string;
  section: DraftSection;
  /** 0-based. */
  position: number;
  count: number;
  words: number;
  citationNumbers: Map<string, number>;
  index: Map<string, ContributionView>;
  /** The editor's field errors; this section picks its own. */
  fieldErrors: Record<string, string>;
  callbacks: SectionCallbacks;
  readOnly: boolean;
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const sep = useNameSeparator();
  const k = section.key;
  const n = position + 1;
  const title = section.title || t('section.untitled');
  const ids = {
    heading: `section-${k}-heading`,
    title: `section-${k}-title`,
    titleError: `section-${k}-title-error`,
    body: `section-${k}-body`,
    bodyHint: `section-${k}-body-hint`,
    bodyError: `section-${k}-body-error`,
    words: `section-${k}-words`,
    placedError: `section-${k}-placed-error`,
  };
  const message = useFieldMessage();
  const errors = {
    title: message(fieldErrors[fieldKey(k, 'title')]),
    bodyMd: message(fieldErrors[fieldKey(k, 'bodyMd')]),
    commentIds: message(fieldErrors[fieldKey(k, 'commentIds')]),
  };
  const cited = [...new Set(citedIds(section.bodyMd))];

  return (
    <section className="note-section" id={`section-${k}`} aria-labelledby={ids.heading} data-testid="note-section">
      <div className="section-head">
        <h3 id={ids.heading} tabIndex={-1}>
          {sectionHeading(n, title, (num, tt) => t('section.heading', { n: num, title: tt }))}
        </h3>
        {!readOnly && (
          <div className="section-tools">
            <button
              type="button"
              className="button secondary small"
              onClick={() => callbacks.move(k, -1)}
              disabled={position === 0}
              aria-label={t('section.upLabel', { n })}
            >
              {t('section.up')}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => callbacks.move(k, 1)}
              disabled={position === count - 1}
              aria-label={t('section.downLabel', { n })}
            >
              {t('section.down')}
            </button>
            <button
              type="button"
              className="button secondary small danger-text"
              onClick={() => callbacks.remove(k)}
              aria-label={t('section.removeLabel', { n })}
            >
              {t('section.remove')}
            </button>
          </div>
        )}
      </div>

      <div className="field wide">
        <label htmlFor={ids.title}>{t('section.titleLabel', { n })}</label>
        <input
          id={ids.title}
          value={section.title}
          maxLength={300}
          readOnly={readOnly}
          onChange={(e) => callbacks.setTitle(k, e.target.value)}
          onBlur={callbacks.flush}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? ids.titleError : undefined}
        />
        {errors.title && (
          <span className="field-error" id={ids.titleError}>
            {errors.title}
          </span>
        )}
      </div>

      <div className="field wide">
        <label htmlFor={ids.body}>{t('section.bodyLabel', { n })}</label>
        <span className="hint" id={ids.bodyHint}>
          {t('section.bodyHint')}
        </span>
        <textarea
          id={ids.body}
          ref={(el) => callbacks.registerTextarea(k, el)}
          className="section-body"
          value={section.bodyMd}
          readOnly={readOnly}
          rows={8}
          onChange={(e) => callbacks.setBody(k, e.target.value, e.target.selectionEnd)}
          onSelect={(e) => callbacks.rememberCaret(k, e.currentTarget)}
          onKeyUp={(e) => callbacks.rememberCaret(k, e.currentTarget)}
          onClick={(e) => callbacks.rememberCaret(k, e.currentTarget)}
          onBlur={(e) => {
            callbacks.rememberCaret(k, e.currentTarget);
            callbacks.flush();
          }}
          aria-invalid={errors.bodyMd ? true : undefined}
          aria-describedby={`${ids.bodyHint} ${ids.words}${errors.bodyMd ? ` ${ids.bodyError}` : ''}`}
          data-testid="section-body"
        />
        <span className="section-words muted" id={ids.words} data-testid="section-word-count">
          {t('words.count', { words: f.number(words), count: words })}
        </span>
        {errors.bodyMd && (
          <span className="field-error" id={ids.bodyError}>
            {errors.bodyMd}
          </span>
        )}
      </div>

      {cited.length > 0 && (
        <CitedText
          bodyMd={section.bodyMd}
          citationNumbers={citationNumbers}
          index={index}
          label={t('citations.readsAs')}
        />
      )}

      <h4 id={`section-${k}-placed`}>{t('placed.heading', { n: f.number(section.commentIds.length) })}</h4>
      {errors.commentIds && (
        <p className="field-error" id={ids.placedError}>
          {errors.commentIds}
        </p>
      )}
      <PlacedList
        label={t('placed.label', { n, title })}
        commentIds={section.commentIds}
        index={index}
        actions={callbacks.placed(k)}
        readOnly={readOnly}
        errorId={errors.commentIds ? ids.placedError : undefined}
      />

      <h4>{t('citations.heading', { n: f.number(cited.length) })}</h4>
      {cited.length === 0 ? (
        <p className="muted">{t('citations.none')}</p>
      ) : (
        <ul className="citation-chips" aria-label={t('citations.label', { n })}>
          {cited.map((id) => {
            const c = index.get(id);
            const num = citationNumbers.get(id);
            const unavailable = !c || !c.available;
            return (
              <li key={id} className={`citation-chip${unavailable ? ' warn' : ''}`} data-testid="citation-chip">
                <span className="citation-number">{num}</span>
                <span className="citation-text">
                  {c ? (
                    <>
                      <strong>
                        <bdi>{c.author.displayName}</bdi>
                      </strong>
                      <AffiliationAfter affiliation={c.author.affiliation} />
                      {sep}
                      {f.date(c.createdAt)}
                    </>
                  ) : (
                    t('citations.unknown')
                  )}
                  {unavailable && (
                    <span className="citation-warning">
                      {' '}
                      <span aria-hidden="true">⚠ </span>
                      {t('citations.unavailable')}
                    </span>
                  )}
                </span>
                <a
                  href={`/spaces/${encodeURIComponent(slug)}#comment-${id}`}
                  aria-label={t('citations.openLabel', { num })}
                >
                  {t('citations.open')}
                </a>
                {!readOnly && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => callbacks.removeCitation(k, id)}
                    aria-label={t('citations.removeLabel', { num })}
                  >
                    {t('citations.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
