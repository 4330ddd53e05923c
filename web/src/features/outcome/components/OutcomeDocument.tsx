import type { OutcomeDto } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import '../locales';
import '../outcome.css';
import { useJoinReference, useNameSeparator } from '../../../lib/punctuation';

/** A permalink as an address on this site (the API gives it with the configured origin). */
const localHref = (permalink: string) => {
  const url = new URL(permalink, window.location.origin);
  return `${url.pathname}${url.search}${url.hash}`;
};

function Footnotes({ outcome }: { outcome: OutcomeDto }) {
  const { t, i18n } = useTranslation('outcome');
  const fmt = useFormat();
  const joinReference = useJoinReference();
  const sep = useNameSeparator();
  if (outcome.footnotes.length === 0) return null;
  // The notes' own words are the interface's, inside a document in the note's language.
  return (
    <section className="outcome-footnotes" aria-labelledby="outcome-footnotes-title" lang={i18n.resolvedLanguage}>
      <h3 id="outcome-footnotes-title">{t('section.footnotes')}</h3>
      <ol>
        {outcome.footnotes.map((f) => (
          <li key={f.number} id={`fn-outcome-${f.number}`} value={f.number}>
            {f.published ? (
              <span>{joinReference([f.author, f.affiliation, f.date ? fmt.date(f.date) : null])}</span>
            ) : (
              <span className="muted">{t('section.unavailable')}</span>
            )}
            {sep}
            <a href={localHref(f.permalink)} data-permalink={f.permalink}>
              {t('section.see')}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The announcement of a publication or withdrawal that arrived live. */
export function OutcomeAnnouncement({ kind }: { kind: 'published' | 'unpublished' }) {
  const { t } = useTranslation('outcome');
  return <>{t(kind === 'published' ? 'section.announcePublished' : 'section.announceUnpublished')}</>;
}

/** The published outcome as a document; its own chunk, with its strings and styles (see OutcomeSection). */
export default function OutcomeDocument({ outcome }: { outcome: OutcomeDto }) {
  const { t } = useTranslation('outcome');
  const fmt = useFormat();

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
            <div className="prose" dir="auto" dangerouslySetInnerHTML={{ __html: s.html }} />
          </section>
        ))}
        <Footnotes outcome={outcome} />
      </article>
    </section>
  );
}
