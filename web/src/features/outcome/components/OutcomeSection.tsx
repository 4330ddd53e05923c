import type { OutcomeDto } from '@convene/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { useOutcome } from '../api/outcome';
import '../locales';
import '../outcome.css';

/** A permalink as an address on this site (the API gives it with the configured origin). */
const localHref = (permalink: string) => {
  const url = new URL(permalink, window.location.origin);
  return `${url.pathname}${url.search}${url.hash}`;
};

function Footnotes({ outcome }: { outcome: OutcomeDto }) {
  const { t, i18n } = useTranslation('outcome');
  const fmt = useFormat();
  if (outcome.footnotes.length === 0) return null;
  // The notes' own words are the interface's, inside a document in the note's language.
  return (
    <section className="outcome-footnotes" aria-labelledby="outcome-footnotes-title" lang={i18n.resolvedLanguage}>
      <h3 id="outcome-footnotes-title">{t('section.footnotes')}</h3>
      <ol>
        {outcome.footnotes.map((f) => (
          <li key={f.number} id={`fn-outcome-${f.number}`} value={f.number}>
            {f.published ? (
              <span>{[f.author, f.affiliation, f.date ? fmt.date(f.date) : null].filter(Boolean).join(', ')}</span>
            ) : (
              <span className="muted">{t('section.unavailable')}</span>
            )}
            {', '}
            <a href={localHref(f.permalink)} data-permalink={f.permalink}>
              {t('section.see')}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The space's outcome, once a chair has published it: the note as a document (in its own
 * language), its date and version, and footnotes linking to the contributions. Nothing is shown
 * while none is published; a publication or withdrawal arrives live and is announced.
 */
export function OutcomeSection({ slug }: { slug: string }) {
  const { t } = useTranslation('outcome');
  const fmt = useFormat();
  const [announcement, setAnnouncement] = useState('');
  const query = useOutcome(slug, (kind) =>
    setAnnouncement(t(kind === 'published' ? 'section.announcePublished' : 'section.announceUnpublished')),
  );
  const outcome = query.data?.outcome ?? null;

  const print = () => {
    document.body.classList.add('printing-outcome');
    const done = () => {
      document.body.classList.remove('printing-outcome');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {outcome && (
        <section className="space-outcome panel" aria-labelledby="outcome-title" id="outcome">
          <div className="outcome-heading">
            <h2 id="outcome-title">{t('section.title')}</h2>
            <button type="button" className="button secondary outcome-print" onClick={print}>
              {t('section.print')}
            </button>
          </div>
          <p className="outcome-meta muted">
            {outcome.publishedBy
              ? t('section.publishedBy', {
                  date: fmt.date(outcome.publishedAt),
                  name: outcome.publishedBy.displayName,
                  version: outcome.version,
                })
              : t('section.published', { date: fmt.date(outcome.publishedAt), version: outcome.version })}
          </p>
          <article className="outcome-document" lang={outcome.language}>
            <p className="outcome-title">{outcome.title}</p>
            {outcome.sections.map((s, i) => (
              <section key={i} className="outcome-part">
                <h3>{s.title}</h3>
                <div className="prose" dangerouslySetInnerHTML={{ __html: s.html }} />
              </section>
            ))}
            <Footnotes outcome={outcome} />
          </article>
        </section>
      )}
    </>
  );
}
