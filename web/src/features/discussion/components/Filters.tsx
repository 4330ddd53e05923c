import { COMMENT_LANGUAGES, type CommentLanguage } from '@convene/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CommentFilters } from '../api/getComments';
import { useTags } from '../api/getTags';
import { tagLabel, tagShortName } from '../lib/tags';

const isLanguage = (v: string | null): v is CommentLanguage =>
  v !== null && (COMMENT_LANGUAGES as readonly string[]).includes(v);

/** The filters the page's address carries: ?lang=fr&tag=gcm-16&highlighted=1&q=remittances */
export function readFilters(params: URLSearchParams): CommentFilters {
  const lang = params.get('lang');
  const q = params.get('q')?.trim().slice(0, 200);
  return {
    language: isLanguage(lang) ? lang : undefined,
    tag: params.get('tag')?.slice(0, 40) || undefined,
    highlighted: params.get('highlighted') === '1' || undefined,
    q: q || undefined,
  };
}

/** Filter by language, objective and the chair's highlights; search the text. */
export function Filters({ filters }: { filters: CommentFilters }) {
  const { t, i18n } = useTranslation('discussion');
  const [, setParams] = useSearchParams();
  const tags = useTags();
  const id = useId();
  // The form's own copy; the address (and so the lists) changes when it is applied. The page
  // keys this component by the filters in force, so a tag link or Back resets the form.
  const [draft, setDraft] = useState(filters);
  const active = Boolean(filters.language || filters.tag || filters.highlighted || filters.q);

  const apply = (f: CommentFilters) => {
    const next = new URLSearchParams();
    if (f.language) next.set('lang', f.language);
    if (f.tag) next.set('tag', f.tag);
    if (f.highlighted) next.set('highlighted', '1');
    if (f.q?.trim()) next.set('q', f.q.trim());
    setParams(next, { replace: false, preventScrollReset: true });
  };

  const tagList = tags.data ?? [];
  const activeTag = tagList.find((x) => x.slug === filters.tag || x.code === filters.tag);
  const summary = [
    filters.q && t('filters.summaryQ', { q: filters.q }),
    filters.language && t(`common:contentLanguage.${filters.language}`),
    filters.tag &&
      (activeTag
        ? t('comment.tagName', {
            code: activeTag.code,
            name: tagShortName(t, activeTag, tagLabel(activeTag, i18n.language)),
          })
        : filters.tag),
    filters.highlighted && t('filters.highlighted'),
  ].filter(Boolean);

  return (
    <section className="filters panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="filters-title">
        {t('filters.title')}
      </h2>
      <form
        role="search"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <div className="filters-grid">
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
            <input
              id={`${id}-q`}
              type="search"
              maxLength={200}
              value={draft.q ?? ''}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lang`}>{t('filters.language')}</label>
            <select
              id={`${id}-lang`}
              value={draft.language ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, language: isLanguage(e.target.value) ? e.target.value : undefined })
              }
            >
              <option value="">{t('filters.allLanguages')}</option>
              {COMMENT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`common:contentLanguage.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-tag`}>{t('filters.tag')}</label>
            <select
              id={`${id}-tag`}
              value={draft.tag ?? ''}
              onChange={(e) => setDraft({ ...draft, tag: e.target.value || undefined })}
            >
              <option value="">{t('filters.allTags')}</option>
              {tagList.map((tag) => (
                <option key={tag.id} value={tag.slug}>
                  {tag.code}. {tagLabel(tag, i18n.language)}
                </option>
              ))}
              {filters.tag && !activeTag && <option value={filters.tag}>{filters.tag}</option>}
            </select>
          </div>
          <div className="field field-check">
            <label>
              <input
                type="checkbox"
                checked={Boolean(draft.highlighted)}
                onChange={(e) => setDraft({ ...draft, highlighted: e.target.checked || undefined })}
              />{' '}
              {t('filters.highlightedOnly')}
            </label>
          </div>
        </div>
        <div className="filters-actions">
          <button type="submit" className="button">
            {t('filters.apply')}
          </button>
          {active && (
            <button type="button" className="button secondary" onClick={() => apply({})}>
              {t('filters.clear')}
            </button>
          )}
        </div>
      </form>
      <p className="filters-status" role="status">
        {active ? t('filters.active', { list: summary.join(' · ') }) : ''}
      </p>
    </section>
  );
}
