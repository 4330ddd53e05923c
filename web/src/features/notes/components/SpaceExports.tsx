import { COMMENT_LANGUAGES, EXPORT_FORMATS, TRANSLATION_LANGUAGES } from '@convene/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { useExportOrigin } from '../../dashboard/api/reportViews';
import { useTags } from '../../discussion/api/getTags';
import { tagLabel } from '../../discussion/lib/tags';
import { useNoteSpace } from '../api/getSpace';

type Scope = 'published' | 'highlighted';
type Group = 'question' | 'objective';

/**
 * The export dialog of a space: what to export (all published or the highlighted contributions,
 * grouped by question or by objective, one question, one language, one objective), in which
 * format, and where the links inside the files will point (`APP_ORIGIN`, with a warning when
 * that is this machine only). Every option is a parameter of `GET /api/spaces/:slug/export`;
 * the server names the file after them.
 */
export function SpaceExports({ slug, defaultScope = 'published' }: { slug: string; defaultScope?: Scope }) {
  const { t, i18n } = useTranslation('notes');
  const f = useFormat();
  const id = useId();
  const space = useNoteSpace(slug);
  const tags = useTags();
  const origin = useExportOrigin(slug);
  const [scope, setScope] = useState<Scope>(defaultScope);
  const [group, setGroup] = useState<Group>('question');
  const [questionId, setQuestionId] = useState('');
  const [lang, setLang] = useState('');
  const [tag, setTag] = useState('');
  const [translation, setTranslation] = useState('');

  const params = new URLSearchParams({ scope });
  if (group === 'objective') params.set('group', group);
  if (questionId) params.set('questionId', questionId);
  if (lang) params.set('lang', lang);
  if (tag) params.set('tag', tag);
  if (translation) params.set('translation', translation);
  const href = (format: string) => `/api/spaces/${encodeURIComponent(slug)}/export?format=${format}&${params}`;
  const questions = space.data?.questions ?? [];

  return (
    <section className="panel notes-exports" aria-labelledby={`${id}-title`} data-testid="space-exports">
      <h2 id={`${id}-title`}>{t('exports.title')}</h2>
      <p className="muted">{t('exports.hint')}</p>

      <form className="export-options" onSubmit={(e) => e.preventDefault()}>
        <RadioToggle
          legend={t('exports.scopeLegend')}
          name={`${id}-scope`}
          options={(['published', 'highlighted'] as const).map((s) => ({ value: s, label: t(`exports.scope.${s}`) }))}
          value={scope}
          onChange={setScope}
        />
        <RadioToggle
          legend={t('exports.groupLegend')}
          name={`${id}-group`}
          options={(['question', 'objective'] as const).map((g) => ({ value: g, label: t(`exports.group.${g}`) }))}
          value={group}
          onChange={setGroup}
        />
        <div className="export-filters">
          <label htmlFor={`${id}-question`}>{t('exports.question')}</label>
          <select id={`${id}-question`} value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
            <option value="">{t('exports.allQuestions')}</option>
            {questions.map((q, i) => (
              <option key={q.id} value={q.id}>
                {t('exports.questionN', { n: f.number(i + 1), text: q.text })}
              </option>
            ))}
            <option value="none">{t('exports.general')}</option>
          </select>
          <label htmlFor={`${id}-lang`}>{t('exports.language')}</label>
          <select
            id={`${id}-lang`}
            value={lang}
            aria-describedby={`${id}-lang-hint`}
            onChange={(e) => setLang(e.target.value)}
          >
            <option value="">{t('exports.allLanguages')}</option>
            {COMMENT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`common:contentLanguage.${l}`)}
              </option>
            ))}
          </select>
          <p id={`${id}-lang-hint`} className="hint">
            {t('exports.languageHint')}
          </p>
          <label htmlFor={`${id}-tag`}>{t('exports.tag')}</label>
          <select id={`${id}-tag`} value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">{t('exports.allTags')}</option>
            {(tags.data ?? []).map((tg) => (
              <option key={tg.id} value={tg.code}>
                {t('exports.tagN', { code: tg.code, label: tagLabel(tg, i18n.language) })}
              </option>
            ))}
            <option value="none">{t('exports.untagged')}</option>
          </select>
          <label htmlFor={`${id}-translation`}>{t('exports.translation')}</label>
          <select
            id={`${id}-translation`}
            value={translation}
            aria-describedby={`${id}-translation-hint`}
            onChange={(e) => setTranslation(e.target.value)}
          >
            <option value="">{t('exports.noTranslation')}</option>
            {TRANSLATION_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t('exports.translationN', { language: t(`common:contentLanguage.${l}`) })}
              </option>
            ))}
          </select>
          <p id={`${id}-translation-hint`} className="hint">
            {t('exports.translationHint')}
          </p>
        </div>
      </form>

      <h3 id={`${id}-download`}>{t('exports.download')}</h3>
      <ul className="inline-list export-links" aria-labelledby={`${id}-download`}>
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button secondary"
              href={href(format)}
              download
              aria-label={t('exports.linkLabel', {
                format: t(`exports.format.${format}`),
                scope: t(`exports.scope.${scope}`),
              })}
            >
              {t(`exports.format.${format}`)}
            </a>
          </li>
        ))}
      </ul>

      {origin.data && (
        <div
          className={origin.data.loopback ? 'notice warning export-origin' : 'export-origin'}
          data-testid="export-origin"
        >
          <p>
            {t('exports.origin')} <code>{origin.data.origin}</code>
          </p>
          {origin.data.loopback && (
            <p>
              <strong>{t('exports.originWarningLead')}</strong> {t('exports.originWarning')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** A row of radio buttons in a fieldset: one choice of a few, all in view. */
export function RadioToggle<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: { value: V; label: string }[];
  value: V;
  onChange: (v: V) => void;
}) {
  return (
    <fieldset className="scope-toggle">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
