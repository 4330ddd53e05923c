import type { NoteGaps } from '@convene/shared';
import type i18n from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { countryName, intlLocale, useFormat } from '../../../i18n/format';
import { useGaps } from '../api/getGaps';
import { AffiliationAfter } from '../../../lib/punctuation';

/**
 * The strings of the regional and relative parts of the panel, in each interface language.
 * (Kept beside the component they belong to; they can move to locales/<lang>.json under
 * `gapsRelative` unchanged.)
 */
const RELATIVE_STRINGS: Record<'en' | 'fr' | 'es', Record<string, unknown>> = {
  en: {
    intro:
      'A stakeholder category or regional group is under-heard when its share of the highlighted contributions is well below its share of the published ones. Guiding questions are listed with at most {{n}} highlighted.',
    underHeard: 'Under-heard: {{highlighted}} of the highlighted, {{published}} of the published',
    regions: 'UN regional groups',
    colGroup: 'Regional group',
    colStates: 'Member States that took part',
    statesOf: '{{n}} of {{total}}',
    notHeard: 'Member States not heard ({{n}})',
    heard: 'Heard',
    unheard: 'Not highlighted, from under-heard groups',
    unheardNone: 'No unhighlighted contribution from an under-heard group.',
    unheardMore: 'The first {{shown}} of {{total}}.',
    becauseCategory: 'category',
    becauseRegion: 'regional group',
    open: 'Open in the discussion',
    group: {
      african: 'African States',
      asia_pacific: 'Asia-Pacific States',
      eastern_european: 'Eastern European States',
      latin_american_caribbean: 'Latin American and Caribbean States',
      western_european_other: 'Western European and other States',
    },
  },
  fr: {
    intro:
      'Une catégorie de parties prenantes ou un groupe régional est peu entendu quand sa part des contributions retenues est nettement inférieure à sa part des contributions publiées. Les questions d’orientation sont listées avec au plus {{n}} contribution(s) retenue(s).',
    underHeard: 'Peu entendu : {{highlighted}} des retenues, {{published}} des publiées',
    regions: 'Groupes régionaux des Nations Unies',
    colGroup: 'Groupe régional',
    colStates: 'États membres ayant participé',
    statesOf: '{{n}} sur {{total}}',
    notHeard: 'États membres non entendus ({{n}})',
    heard: 'Entendu',
    unheard: 'Non retenues, de groupes peu entendus',
    unheardNone: 'Aucune contribution non retenue d’un groupe peu entendu.',
    unheardMore: 'Les {{shown}} premières sur {{total}}.',
    becauseCategory: 'catégorie',
    becauseRegion: 'groupe régional',
    open: 'Ouvrir dans la discussion',
    group: {
      african: 'États d’Afrique',
      asia_pacific: 'États d’Asie-Pacifique',
      eastern_european: 'États d’Europe orientale',
      latin_american_caribbean: 'États d’Amérique latine et des Caraïbes',
      western_european_other: 'États d’Europe occidentale et autres États',
    },
  },
  es: {
    intro:
      'Una categoría de partes interesadas o un grupo regional está poco escuchado cuando su parte de las contribuciones destacadas es muy inferior a su parte de las publicadas. Las preguntas orientativas se listan con {{n}} contribución(es) destacada(s) como máximo.',
    underHeard: 'Poco escuchado: {{highlighted}} de las destacadas, {{published}} de las publicadas',
    regions: 'Grupos regionales de las Naciones Unidas',
    colGroup: 'Grupo regional',
    colStates: 'Estados miembros que participaron',
    statesOf: '{{n}} de {{total}}',
    notHeard: 'Estados miembros no escuchados ({{n}})',
    heard: 'Escuchado',
    unheard: 'No destacadas, de grupos poco escuchados',
    unheardNone: 'Ninguna contribución no destacada de un grupo poco escuchado.',
    unheardMore: 'Las {{shown}} primeras de {{total}}.',
    becauseCategory: 'categoría',
    becauseRegion: 'grupo regional',
    open: 'Abrir en la discusión',
    group: {
      african: 'Estados de África',
      asia_pacific: 'Estados de Asia y el Pacífico',
      eastern_european: 'Estados de Europa Oriental',
      latin_american_caribbean: 'Estados de América Latina y el Caribe',
      western_european_other: 'Estados de Europa Occidental y otros Estados',
    },
  },
};
/** Adds those strings to the `notes` namespace once, when the panel first renders (i18next is set up by then). */
function ensureRelativeStrings(instance: typeof i18n) {
  if (instance.exists('notes:gapsRelative.intro')) return;
  for (const [lng, strings] of Object.entries(RELATIVE_STRINGS)) {
    instance.addResourceBundle(lng, 'notes', { gapsRelative: strings }, true, false);
  }
}

type Hearing = NoteGaps['allCategories'][number]['hearing'];

/** Who has not been heard: categories and regional groups judged against participation, questions with few highlighted. */
export function GapsPanel({ slug }: { slug: string }) {
  const { t, i18n: instance } = useTranslation('notes');
  ensureRelativeStrings(instance);
  const f = useFormat();
  const gaps = useGaps(slug);
  if (gaps.isPending) return <p role="status">{t('common:loading')}</p>;
  if (gaps.isError) return <ErrorWithRetry error={gaps.error} onRetry={() => void gaps.refetch()} />;
  const { categories, questions, threshold, regions, unheard, unheardTotal } = gaps.data;
  const percent = (x: number) => new Intl.NumberFormat(intlLocale(instance.language), { style: 'percent' }).format(x);
  const state = (highlighted: number, published: number) =>
    published === 0
      ? t('gaps.noContribution')
      : highlighted === 0
        ? t('gaps.noneHighlighted')
        : t('gaps.fewHighlighted');
  const hearing = (h: { hearing: Hearing; shareOfHighlighted: number; shareOfPublished: number }) =>
    h.hearing === 'absent'
      ? t('gaps.noContribution')
      : h.hearing === 'heard'
        ? t('gapsRelative.heard')
        : t('gapsRelative.underHeard', {
            highlighted: percent(h.shareOfHighlighted),
            published: percent(h.shareOfPublished),
          });
  return (
    <div className="gaps">
      <p className="muted">{t('gapsRelative.intro', { n: f.number(threshold) })}</p>
      <h3 id="gaps-categories">{t('gaps.categories')}</h3>
      <GapsTable
        labelledBy="gaps-categories"
        firstColumn={t('gaps.col.category')}
        empty={t('gaps.allCategories')}
        rows={categories.map((c) => ({
          key: c.category,
          label: t(`common:category.${c.category}`),
          state: hearing(c),
          highlighted: c.highlighted,
          published: c.published,
        }))}
      />
      <h3 id="gaps-questions">{t('gaps.questions')}</h3>
      <GapsTable
        labelledBy="gaps-questions"
        firstColumn={t('gaps.col.question')}
        empty={t('gaps.allQuestions')}
        rows={questions.map((q) => ({
          key: q.questionId ?? 'none',
          label: (
            <>
              <span className="gaps-question">
                {q.position !== null ? t('contrib.question', { n: q.position }) : t('contrib.general')}
              </span>{' '}
              <span className="gaps-question-text">{q.text}</span>
            </>
          ),
          state: state(q.highlighted, q.published),
          highlighted: q.highlighted,
          published: q.published,
        }))}
      />
      <h3 id="gaps-regions">{t('gapsRelative.regions')}</h3>
      <GapsTable
        labelledBy="gaps-regions"
        firstColumn={t('gapsRelative.colGroup')}
        extraColumn={t('gapsRelative.colStates')}
        rows={regions.map((r) => ({
          key: r.group,
          label: t(`gapsRelative.group.${r.group}`),
          state: hearing(r),
          detail: (
            <>
              {r.tookPart.length > 0 && (
                <span className="gaps-state">
                  {r.tookPart.map((c) => countryName(c, instance.language)).join(', ')}
                </span>
              )}
              <details>
                <summary>{t('gapsRelative.notHeard', { n: f.number(r.notHeard.length) })}</summary>
                <p>{r.notHeard.map((c) => countryName(c, instance.language)).join(', ')}</p>
              </details>
            </>
          ),
          extra: t('gapsRelative.statesOf', { n: f.number(r.tookPart.length), total: f.number(r.memberStates) }),
          highlighted: r.highlighted,
          published: r.published,
        }))}
      />
      <h3 id="gaps-unheard">{t('gapsRelative.unheard')}</h3>
      {unheard.length === 0 ? (
        <p>{t('gapsRelative.unheardNone')}</p>
      ) : (
        <>
          {unheardTotal > unheard.length && (
            <p className="muted">
              {t('gapsRelative.unheardMore', { shown: f.number(unheard.length), total: f.number(unheardTotal) })}
            </p>
          )}
          <ul className="gaps-unheard" aria-labelledby="gaps-unheard">
            {unheard.map((u) => (
              <li key={u.id}>
                <strong>
                  <bdi>{u.author.displayName}</bdi>
                </strong>
                <AffiliationAfter affiliation={u.author.affiliation} />
                {' · '}
                {t(`common:category.${u.author.stakeholderCategory}`)}
                {u.author.country ? ` · ${countryName(u.author.country, instance.language)}` : ''}
                {' · '}
                <span className="gaps-state">
                  {u.because
                    .map((b) =>
                      b === 'category' ? t('gapsRelative.becauseCategory') : t('gapsRelative.becauseRegion'),
                    )
                    .join(', ')}
                </span>
                <p>{u.excerpt}</p>
                <Link to={`/spaces/${slug}#comment-${u.id}`}>{t('gapsRelative.open')}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/spaces/${slug}/dashboard`}>{t('gaps.toDashboard')}</Link>
      </p>
    </div>
  );
}

interface GapRow {
  key: string;
  label: ReactNode;
  state: string;
  /** Shown in the row header after the state. */
  detail?: ReactNode;
  /** The cell of `extraColumn`, when the table has one. */
  extra?: ReactNode;
  highlighted: number;
  published: number;
}

/**
 * One table of the panel: a row per category, question or regional group, with its counts.
 * Without `empty` the table is shown even when it has no row.
 */
function GapsTable({
  labelledBy,
  firstColumn,
  extraColumn,
  empty,
  rows,
}: {
  labelledBy: string;
  firstColumn: string;
  extraColumn?: string;
  empty?: string;
  rows: GapRow[];
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="gaps-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {extraColumn !== undefined && (
              <th scope="col" className="num">
                {extraColumn}
              </th>
            )}
            <th scope="col" className="num">
              {t('gaps.col.highlighted')}
            </th>
            <th scope="col" className="num">
              {t('gaps.col.published')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {r.label}
                <span className="gaps-state">{r.state}</span>
                {r.detail}
              </th>
              {extraColumn !== undefined && <td className="num">{r.extra}</td>}
              <td className="num">{f.number(r.highlighted)}</td>
              <td className="num">{f.number(r.published)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
