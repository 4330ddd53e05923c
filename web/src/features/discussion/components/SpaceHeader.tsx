import type { SpaceDetail } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../i18n/format';
import { FollowButton } from '../../follows/FollowButton';
import { ContentText, OriginalNote } from '../../spaces/components/ContentText';
import { SpaceCounts, SpaceDates, SpaceStatusBadge } from '../../spaces/components/SpaceStatus';
import { spaceState } from '../../spaces/lib/status';
import { AffiliationAfter } from '../../../lib/punctuation';

function People({ people }: { people: SpaceDetail['moderators'] }) {
  return (
    <ul className="people">
      {people.map((p, i) => (
        <li key={i}>
          <bdi className="person-name">{p.displayName}</bdi>
          <AffiliationAfter affiliation={p.affiliation} className="muted" />
        </li>
      ))}
    </ul>
  );
}

/** Where the space sits, its title and its state: full width above the page's columns. */
export function SpaceHeader({ space }: { space: SpaceDetail }) {
  const { t } = useTranslation('discussion');
  return (
    <>
      <nav aria-label={t('header.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('common:nav.spaces')}</Link>
          </li>
          {space.parent && (
            <li>
              <Link to={`/spaces/${space.parent.slug}`}>
                {space.parent.code} — <ContentText lang={space.parent.lang.title}>{space.parent.title}</ContentText>
              </Link>
            </li>
          )}
          <li aria-current="page">{space.code}</li>
        </ol>
      </nav>
      <header className="space-header">
        <h1>
          <span className="space-code">{space.code}</span>{' '}
          <ContentText lang={space.lang.title} className="space-title">
            {space.title}
          </ContentText>
        </h1>
        <OriginalNote lang={space.lang.title} />
        <p className="space-facts">
          <SpaceStatusBadge space={space} />
          <SpaceDates space={space} />
          {space.questions.length > 0 && <SpaceCounts counts={space.counts} />}
        </p>
        <FollowButton target={{ slug: space.slug }} following={space.following} label={t('follows:space')} />
        {space.summary && (
          <>
            <ContentText as="p" lang={space.lang.summary} className="lead prose">
              {space.summary}
            </ContentText>
            {space.lang.summary !== space.lang.title && <OriginalNote lang={space.lang.summary} />}
          </>
        )}
      </header>
    </>
  );
}

/**
 * What a reader needs before taking part: the background, who moderates, the rules, the
 * roundtables of a session. Each is its own cell of the page's grid (see .space-layout): on a wide
 * screen the background reads on the left and the facts and rules sit beside it.
 */
export function SpaceIntro({
  space,
  signInHref,
  registerHref,
  signedIn,
}: {
  space: SpaceDetail;
  /** Sign-in and registration pages that bring the person back here. */
  signInHref: string;
  registerHref: string;
  signedIn: boolean;
}) {
  const { t } = useTranslation('discussion');
  const fmt = useFormat();
  const state = spaceState(space);
  return (
    <>
      {space.backgroundHtml.trim() !== '' && (
        <section className="space-background" aria-labelledby="background-title">
          <h2 id="background-title">{t('header.background')}</h2>
          <OriginalNote lang={space.lang.background} />
          <div
            className="prose"
            lang={space.lang.background}
            dir="auto"
            dangerouslySetInnerHTML={{ __html: space.backgroundHtml }}
          />
        </section>
      )}
      <aside className="space-about panel" aria-labelledby="about-title">
        <h2 id="about-title">{t('header.about')}</h2>
        <dl>
          <dt>{t('header.moderation')}</dt>
          <dd>{t(`header.moderationMode.${space.moderationMode}`)}</dd>
          {space.moderators.length > 0 && (
            <>
              <dt>{t('header.moderators', { count: space.moderators.length })}</dt>
              <dd>
                <People people={space.moderators} />
              </dd>
            </>
          )}
          {space.chairs.length > 0 && (
            <>
              <dt>{t('header.chairs', { count: space.chairs.length })}</dt>
              <dd>
                <People people={space.chairs} />
              </dd>
            </>
          )}
          {space.acceptedLanguages.length > 0 && (
            <>
              <dt>{t('header.languages')}</dt>
              <dd>{space.acceptedLanguages.map((l) => t(`common:contentLanguage.${l}`)).join(', ')}</dd>
            </>
          )}
          {space.contactEmail && (
            <>
              <dt>{t('header.contact')}</dt>
              <dd>
                <a href={`mailto:${space.contactEmail}`}>{space.contactEmail}</a>
                <br />
                <span className="muted">{t('header.contactHint')}</span>
              </dd>
            </>
          )}
        </dl>
      </aside>

      {(space.questions.length > 0 || state.kind !== 'open') && (
        <section className="take-part notice" aria-labelledby="take-part-title">
          <h2 id="take-part-title">{t('header.takePart')}</h2>
          {state.kind === 'open' && <p>{t('header.identification')}</p>}
          {state.kind === 'open' && space.moderationMode === 'pre' && <p>{t('header.preModeration')}</p>}
          {state.kind === 'closed' && <p>{t('header.closed')}</p>}
          {state.kind === 'archived' && <p>{t('header.archived')}</p>}
          {state.kind === 'notYetOpen' && <p>{t('header.notYetOpen', { date: fmt.date(state.opensAt) })}</p>}
          {state.kind === 'draft' && <p>{t('header.draft')}</p>}
          {state.kind === 'open' && !signedIn && (
            <p>
              <Link to={signInHref} className="button">
                {t('composer.signInToComment')}
              </Link>{' '}
              <Link to={registerHref}>{t('header.register')}</Link>
            </p>
          )}
          {space.disclaimer && (
            <>
              <h3 className="disclaimer-title">{t('header.disclaimer')}</h3>
              <OriginalNote lang={space.lang.disclaimer} />
              <ContentText as="p" lang={space.lang.disclaimer} className="disclaimer">
                {space.disclaimer}
              </ContentText>
            </>
          )}
        </section>
      )}

      {space.children.length > 0 && (
        <section aria-labelledby="children-title" className="space-children">
          <h2 id="children-title">{t('header.children')}</h2>
          <ul className="roundtable-list">
            {space.children.map((c) => (
              <li key={c.id} className="roundtable panel">
                <h3 className="roundtable-title">
                  <Link to={`/spaces/${c.slug}`}>
                    <span className="space-code">{c.code}</span>{' '}
                    <ContentText lang={c.lang.title}>{c.title}</ContentText>
                  </Link>
                </h3>
                <p className="space-facts">
                  <SpaceStatusBadge space={c} />
                  <SpaceDates space={c} />
                  {c.counts.questions > 0 && <SpaceCounts counts={c.counts} />}
                </p>
                {c.summary && (
                  <ContentText as="p" lang={c.lang.summary} className="space-summary prose">
                    {c.summary}
                  </ContentText>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
