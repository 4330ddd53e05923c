import { nameAndAffiliation, type QuestionDto, STAKEHOLDER_CATEGORIES } from '@convene/shared';
import { memo, useId, useMemo, useState } from 'react';
import { Button } from 'react-aria-components/Button';
import { GridList, GridListItem } from 'react-aria-components/GridList';
import { useDragAndDrop } from 'react-aria-components/useDragAndDrop';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName, useFormat } from '../../../i18n/format';
import type { ContributionView } from '../lib/contributions';
import { contributionDragItem } from '../lib/dnd';
import { type SectionOption, SectionMenu } from './SectionMenu';

export interface ContributionActions {
  place: (commentId: string, sectionKey: string) => void;
  unplace: (commentId: string) => void;
  cite: (commentId: string, sectionKey: string) => void;
}

interface Props {
  slug: string;
  questions: QuestionDto[];
  contributions: ContributionView[];
  /** Where each contribution is placed (section key), by lower-case id. */
  placedIn: Map<string, string>;
  /** Footnote numbers, by lower-case id. */
  citationNumbers: Map<string, number>;
  sections: SectionOption[];
  actions: ContributionActions;
  readOnly: boolean;
}

const ALL = '';

/** The highlighted contributions beside the editor, grouped by question and filterable. */
export const ContributionsPane = memo(function ContributionsPane({
  slug,
  questions,
  contributions,
  placedIn,
  citationNumbers,
  sections,
  actions,
  readOnly,
}: Props) {
  const { t, i18n } = useTranslation('notes');
  const f = useFormat();
  const [category, setCategory] = useState(ALL);
  const [country, setCountry] = useState(ALL);
  const [language, setLanguage] = useState(ALL);
  const [unplacedOnly, setUnplacedOnly] = useState(false);

  const lng = i18n.language;
  const countries = useMemo(() => {
    const codes = new Map<string, number>();
    for (const c of contributions) {
      if (c.author.country) codes.set(c.author.country, (codes.get(c.author.country) ?? 0) + 1);
    }
    return [...codes]
      .map(([code, n]) => ({ code, n, name: countryName(code, lng) }))
      .sort((a, b) => a.name.localeCompare(b.name, lng));
  }, [contributions, lng]);
  const countBy = (pick: (c: ContributionView) => string) => {
    const m = new Map<string, number>();
    for (const c of contributions) m.set(pick(c), (m.get(pick(c)) ?? 0) + 1);
    return m;
  };
  const categories = countBy((c) => c.author.stakeholderCategory);
  const languages = countBy((c) => c.language ?? 'other');

  const shown = contributions.filter(
    (c) =>
      (category === ALL || c.author.stakeholderCategory === category) &&
      (country === ALL || c.author.country === country) &&
      (language === ALL || (c.language ?? 'other') === language) &&
      (!unplacedOnly || !placedIn.has(c.id.toLowerCase())),
  );

  const groups = [
    ...questions.map((q) => ({ key: q.id, heading: t('contrib.question', { n: q.position }), text: q.text })),
    { key: 'none', heading: t('contrib.general'), text: null },
  ]
    .map((g) => ({ ...g, items: shown.filter((c) => (c.questionId ?? 'none') === g.key) }))
    .filter((g) => g.items.length > 0);

  const filtered = category !== ALL || country !== ALL || language !== ALL || unplacedOnly;

  return (
    <div className="contrib-pane">
      <fieldset className="contrib-filters">
        <legend>{t('filters.legend')}</legend>
        <div className="filter-grid">
          <label className="field compact">
            <span className="label">{t('filters.category')}</span>
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value={ALL}>{t('filters.all')}</option>
              {STAKEHOLDER_CATEGORIES.filter((c) => categories.has(c)).map((c) => (
                <option key={c} value={c}>
                  {t(`common:category.${c}`)} ({f.number(categories.get(c) ?? 0)})
                </option>
              ))}
            </select>
          </label>
          <label className="field compact">
            <span className="label">{t('filters.country')}</span>
            <select value={country} onChange={(e) => setCountry(e.target.value)}>
              <option value={ALL}>{t('filters.all')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({f.number(c.n)})
                </option>
              ))}
            </select>
          </label>
          <label className="field compact">
            <span className="label">{t('filters.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value)}>
              <option value={ALL}>{t('filters.all')}</option>
              {(['en', 'fr', 'es', 'other'] as const)
                .filter((l) => languages.has(l))
                .map((l) => (
                  <option key={l} value={l}>
                    {t(`common:contentLanguage.${l}`)} ({f.number(languages.get(l) ?? 0)})
                  </option>
                ))}
            </select>
          </label>
        </div>
        <label className="check">
          <input type="checkbox" checked={unplacedOnly} onChange={(e) => setUnplacedOnly(e.target.checked)} />{' '}
          {t('filters.unplaced')}
        </label>
      </fieldset>
      <p className="muted contrib-count" role="status">
        {filtered
          ? t('filters.showing', { shown: f.number(shown.length), total: f.number(contributions.length) })
          : t('filters.total', { count: contributions.length, total: f.number(contributions.length) })}
        {filtered && (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setCategory(ALL);
                setCountry(ALL);
                setLanguage(ALL);
                setUnplacedOnly(false);
              }}
            >
              {t('filters.clear')}
            </button>
          </>
        )}
      </p>
      {contributions.length === 0 && (
        <p className="notice">
          {t('contrib.none')} <Link to={`/spaces/${slug}/dashboard`}>{t('nav.dashboard')}</Link>.
        </p>
      )}
      {groups.map((g) => (
        <section key={g.key} className="contrib-group" aria-labelledby={`group-${g.key}`}>
          <h3 id={`group-${g.key}`}>
            {g.heading} <span className="muted">({f.number(g.items.length)})</span>
          </h3>
          {g.text && <p className="question-text">{g.text}</p>}
          <ContributionGrid
            label={g.text ? `${g.heading}: ${g.text}` : g.heading}
            items={g.items}
            placedIn={placedIn}
            citationNumbers={citationNumbers}
            sections={sections}
            actions={actions}
            readOnly={readOnly}
          />
        </section>
      ))}
    </div>
  );
});

function ContributionGrid({
  label,
  items,
  placedIn,
  citationNumbers,
  sections,
  actions,
  readOnly,
}: {
  label: string;
  items: ContributionView[];
  placedIn: Map<string, string>;
  citationNumbers: Map<string, number>;
  sections: SectionOption[];
  actions: ContributionActions;
  readOnly: boolean;
}) {
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((k) => contributionDragItem(String(k))),
    getAllowedDropOperations: () => ['move', 'copy'],
    isDisabled: readOnly,
  });
  return (
    <GridList
      aria-label={label}
      items={items}
      className="contrib-list"
      dragAndDropHooks={readOnly ? undefined : dragAndDropHooks}
      keyboardNavigationBehavior="tab"
      disallowTypeAhead
    >
      {(c) => (
        <ContributionRow
          c={c}
          placedKey={placedIn.get(c.id.toLowerCase()) ?? null}
          number={citationNumbers.get(c.id.toLowerCase()) ?? null}
          sections={sections}
          actions={actions}
          readOnly={readOnly}
        />
      )}
    </GridList>
  );
}

function ContributionRow({
  c,
  placedKey,
  number,
  sections,
  actions,
  readOnly,
}: {
  c: ContributionView;
  placedKey: string | null;
  number: number | null;
  sections: SectionOption[];
  actions: ContributionActions;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation('notes');
  const f = useFormat();
  const authorId = useId();
  const placedIndex = placedKey ? sections.findIndex((s) => s.key === placedKey) : -1;
  const placed = placedIndex >= 0 ? sections[placedIndex] : undefined;
  const meta = [
    t(`common:category.${c.author.stakeholderCategory}`),
    c.author.country ? countryName(c.author.country, i18n.language) : null,
    f.date(c.createdAt),
  ].filter(Boolean);
  return (
    <GridListItem
      id={c.id}
      textValue={nameAndAffiliation(c.author.displayName, c.author.affiliation, i18n.resolvedLanguage ?? 'en')}
      className="contrib"
      data-testid="contribution"
    >
      <div className="contrib-head">
        {!readOnly && (
          <Button
            slot="drag"
            className="drag-handle"
            aria-label={t('dnd.dragContribution', { name: c.author.displayName })}
          >
            <span aria-hidden="true">⠿</span>
          </Button>
        )}
        <p className="contrib-author" id={authorId}>
          <strong>
            <bdi>{c.author.displayName}</bdi>
          </strong>
          {c.author.affiliation && <bdi className="contrib-affiliation">{c.author.affiliation}</bdi>}
        </p>
      </div>
      <p className="contrib-meta">{meta.join(' · ')}</p>
      {c.excerpt && (
        <p className="contrib-excerpt" lang={c.language ?? undefined}>
          {c.excerpt}
        </p>
      )}
      {(placed || number !== null) && (
        <p className="contrib-state">
          {placed && (
            <span className="badge ok">
              {t('contrib.placedIn', { n: placedIndex + 1, title: placed.title || t('section.untitled') })}
            </span>
          )}{' '}
          {number !== null && <span className="badge">{t('contrib.citedAs', { n: number })}</span>}
        </p>
      )}
      {!readOnly && (
        <div className="contrib-actions">
          <SectionMenu
            label={t('contrib.place')}
            sections={sections}
            currentKey={placedKey}
            describedBy={authorId}
            onPick={(key) => actions.place(c.id, key)}
            extra={placed ? { label: t('contrib.unplace'), onPick: () => actions.unplace(c.id) } : undefined}
          />
          <SectionMenu
            label={t('contrib.cite')}
            sections={sections}
            describedBy={authorId}
            onPick={(key) => actions.cite(c.id, key)}
          />
        </div>
      )}
    </GridListItem>
  );
}
