import type { Participation, SpaceDetail } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { countryName, intlLocale, useFormat } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { useLiveSpace } from '../../../lib/live';
import { useSpace } from '../../moderation/api/spaces';
import { StaffGate } from '../../moderation/components/StaffGate';
import { usePageTitle } from '../../moderation/hooks/usePageTitle';
import { type Scope, useParticipation } from '../api/participation';
import { publishedKey } from '../api/publishedComments';
import { Breakdown } from '../components/Breakdown';
import { CurationList } from '../components/CurationList';
import { type Day, DayBars } from '../components/DayBars';
import { ParticipationSentence } from '../components/ParticipationSentence';
import { fillDays } from '../lib/days';
import { SpaceExports } from '../../notes/components/SpaceExports';
import '../../moderation/locales';
import '../../notes/locales';
import '../locales';
import '../dashboard.css';
import '../reportViews.css';

const TOP_COUNTRIES = 15;

/** `/spaces/:slug/dashboard`: who took part, the chairs' curation, and the way to exports and the note. */
export function Dashboard() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('dashboard');
  return (
    <StaffGate title={t('titleShort')}>
      <DashboardPage slug={slug} />
    </StaffGate>
  );
}

function DashboardPage({ slug }: { slug: string }) {
  const { t } = useTranslation('dashboard');
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  // Held here and mirrored in the address (which updates in a transition): controls answer at once.
  const [scope, setScope] = useState<Scope>(params.get('scope') === 'highlighted' ? 'highlighted' : 'published');
  const [highlightedOnly, setHighlightedOnly] = useState(params.get('only') === 'highlighted');
  const space = useSpace(slug);
  const participation = useParticipation(slug, scope);
  const title = t('title', { code: space.data?.code ?? slug });
  usePageTitle(title);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  // New, decided, withdrawn or re-marked comments change the figures: refetch, a little later.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveSpace(slug, {
    onEvent: (e) => {
      if (!['comment.published', 'comment.updated', 'comment.withdrawn', 'comment.decided'].includes(e.kind)) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void qc.invalidateQueries({ queryKey: ['participation', slug] });
        void qc.invalidateQueries({ queryKey: publishedKey(slug) });
      }, 500);
    },
  });

  const forbidden = space.data && !space.data.abilities.moderate && !space.data.abilities.highlight;

  return (
    <div className="staff dashboard-page">
      <header className="page-header">
        <h1>{title}</h1>
        {space.data && <p className="page-subtitle">{space.data.title}</p>}
        <nav aria-label={t('nav.label')} className="page-links">
          <ul>
            <li>
              <Link to={`/spaces/${slug}`}>{t('nav.discussion')}</Link>
            </li>
            {space.data?.abilities.moderate && (
              <li>
                <Link to={`/spaces/${slug}/moderation`}>{t('nav.queue')}</Link>
              </li>
            )}
            {space.data?.abilities.moderate && (
              <li>
                <Link to={`/spaces/${slug}/moderation/log`}>{t('nav.log')}</Link>
              </li>
            )}
            {space.data?.abilities.editContent && (
              <li>
                <Link to={`/admin/spaces/${slug}`}>{t('nav.edit')}</Link>
              </li>
            )}
          </ul>
        </nav>
      </header>
      {space.isError && <ErrorMessage error={space.error} />}
      {forbidden ? (
        <p className="notice">{t('forbidden')}</p>
      ) : (
        <>
          <fieldset className="scope-toggle">
            <legend>{t('scope.legend')}</legend>
            {(['published', 'highlighted'] as const).map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="scope"
                  value={s}
                  checked={scope === s}
                  onChange={() => {
                    setScope(s);
                    setParam('scope', s === 'published' ? null : s);
                  }}
                />{' '}
                {t(`scope.${s}`)}
              </label>
            ))}
          </fieldset>

          {participation.isError ? (
            <div className="notice">
              {participation.error instanceof ApiError && participation.error.status === 404 ? (
                <p>{t('unavailable')}</p>
              ) : (
                <ErrorMessage error={participation.error} />
              )}
              <button type="button" className="button secondary" onClick={() => void participation.refetch()}>
                {t('common:errors.retry')}
              </button>
            </div>
          ) : participation.isPending ? (
            <p role="status">{t('common:loading')}</p>
          ) : (
            <Figures data={participation.data} stale={participation.isPlaceholderData} />
          )}

          {space.data?.abilities.export && <ParticipationSentence slug={slug} scope={scope} />}
          {space.data && <Outputs space={space.data} scope={scope} />}
          {space.data && (
            <CurationList
              space={space.data}
              highlightedOnly={highlightedOnly}
              onHighlightedOnly={(on) => {
                setHighlightedOnly(on);
                setParam('only', on ? 'highlighted' : null);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

function Figures({ data, stale }: { data: Participation; stale: boolean }) {
  const { t, i18n } = useTranslation('dashboard');
  const fmt = useFormat();
  const lng = i18n.language;
  const totals = [
    ['contributions', data.totals.contributions],
    ['contributors', data.totals.contributors],
    ['memberStates', data.totals.memberStates],
    ['countries', data.totals.countries],
    ['organisations', data.totals.organisations],
    ['highlighted', data.totals.highlighted],
  ] as const;
  const verifiedTotals = [
    ['contributions', data.verified.totals.contributions],
    ['contributors', data.verified.totals.contributors],
    ['memberStates', data.verified.totals.memberStates],
    ['officialContributions', data.verified.totals.officialContributions],
    ['officialMemberStates', data.verified.totals.officialMemberStates],
  ] as const;
  const countries = [...data.byCountry]
    .sort((a, b) => b.contributions - a.contributions || b.contributors - a.contributors)
    .map((c) => ({
      key: c.country ?? 'none',
      label: c.country ? countryName(c.country, lng) : t('countryUnknown'),
      contributions: c.contributions,
      contributors: c.contributors,
    }));
  const dayFormat = new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'medium', timeZone: 'UTC' });
  const days = fillDays(data.overTime).map((d) => ({
    ...d,
    label: dayFormat.format(new Date(`${d.date.slice(0, 10)}T00:00:00Z`)),
  }));
  return (
    <div className={stale ? 'figures stale' : 'figures'} aria-busy={stale}>
      <section aria-labelledby="totals-title">
        <h2 id="totals-title">{t(`totalsTitle.${data.scope}`)}</h2>
        <dl className="totals">
          {totals.map(([k, v]) => (
            <div key={k} className="total">
              <dt>{t(`totals.${k}`)}</dt>
              <dd>{fmt.number(v)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="verified-title" className="verified-figures">
        <h2 id="verified-title">{t('verified.title')}</h2>
        <p>{t('verified.intro')}</p>
        <dl className="totals">
          {verifiedTotals.map(([k, v]) => (
            <div key={k} className="total">
              <dt>{t(`verified.totals.${k}`)}</dt>
              <dd>{fmt.number(v)}</dd>
            </div>
          ))}
        </dl>
        {data.verified.byCategory.length > 0 && (
          <table>
            <caption>{t('verified.byCategory')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('category')}</th>
                <th scope="col">{t('verified.totals.contributions')}</th>
                <th scope="col">{t('verified.totals.contributors')}</th>
              </tr>
            </thead>
            <tbody>
              {data.verified.byCategory.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{t(`common:category.${c.category}`)}</th>
                  <td>{fmt.number(c.contributions)}</td>
                  <td>{fmt.number(c.contributors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Breakdown
        id="by-category"
        title={t('byCategory')}
        firstColumn={t('category')}
        rows={data.byCategory.map((c) => ({
          key: c.category,
          label: t(`common:category.${c.category}`),
          contributions: c.contributions,
          contributors: c.contributors,
        }))}
      />
      <Breakdown
        id="by-country"
        title={t('byCountry')}
        firstColumn={t('country')}
        intro={
          <p>
            {t('countriesSummary', {
              count: data.totals.countries,
              countries: data.totals.countries,
              memberStates: data.totals.memberStates,
            })}
            {countries.length > TOP_COUNTRIES && <> {t('topCountries', { n: TOP_COUNTRIES })}</>}
          </p>
        }
        rows={countries}
        chartRows={countries.slice(0, TOP_COUNTRIES)}
      />
      <Breakdown
        id="by-question"
        title={t('byQuestion')}
        firstColumn={t('question')}
        rows={data.byQuestion.map((q) => ({
          key: q.questionId ?? 'general',
          label: q.position ? `${q.position}. ${q.text}` : t('general'),
          short: q.position ? t('questionShort', { n: q.position }) : t('general'),
          contributions: q.contributions,
          contributors: q.contributors,
        }))}
      />
      <Breakdown
        id="by-language"
        title={t('byLanguage')}
        firstColumn={t('language')}
        rows={data.byLanguage.map((l) => ({
          key: l.language,
          label: t(`common:contentLanguage.${l.language}`),
          contributions: l.contributions,
          contributors: l.contributors,
        }))}
      />
      <Breakdown
        id="over-time"
        title={t('overTime')}
        firstColumn={t('day')}
        intro={<p>{overTimeSummary(days, t, fmt)}</p>}
        chart={<DayBars days={days} label={t('chartLabel', { title: t('overTime') })} />}
        rows={days.map((d) => ({ key: d.date, label: d.label, contributions: d.contributions }))}
      />
    </div>
  );
}

/** "42 contributions over 9 days; the busiest day was 3 Dec 2026, with 12." */
function overTimeSummary(days: Day[], t: TFunction<'dashboard'>, fmt: ReturnType<typeof useFormat>): string {
  const total = days.reduce((n, d) => n + d.contributions, 0);
  const busiest = days.reduce<Day | undefined>((b, d) => (!b || d.contributions > b.contributions ? d : b), undefined);
  const span = t('daySpan', { count: days.length });
  const over = t('overTimeSummary', { count: total, n: fmt.number(total), span });
  return busiest && days.length > 1
    ? `${over} ${t('busiestDay', { day: busiest.label, count: busiest.contributions })}`
    : over;
}

function Outputs({ space, scope }: { space: SpaceDetail; scope: Scope }) {
  const { t } = useTranslation('dashboard');
  if (!space.abilities.export && !space.abilities.highlight) return null;
  return (
    <section aria-labelledby="outputs-title" className="outputs">
      <h2 id="outputs-title">{t('outputs.title')}</h2>
      {space.abilities.export && (
        <>
          <p>{t(`outputs.intro.${scope}`)}</p>
          <SpaceExports key={scope} slug={space.slug} defaultScope={scope} />
        </>
      )}
      <p>
        <Link to={`/spaces/${space.slug}/notes`}>{t('outputs.note')}</Link>
      </p>
    </section>
  );
}
