import {
  LOCALES,
  type Locale,
  type QuestionTranslationsInput,
  type SpaceDetail,
  type SpaceTranslationsInput,
} from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { languageName } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { editQuestionTranslations } from '../api/questions';
import { spaceChanged, updateSpace } from '../api/spaces';
import { localizeFieldMessage } from '../lib/messages';
import { SPACE_FIELDS, type SpaceField, missingCount, textsOf } from '../lib/translations';

/**
 * The space's texts in another language, side by side with the original: title, summary,
 * background, disclaimer and each guiding question, each marked "Missing translation" while its
 * original has text and it has none. Administrators translate everything; chairs the summary,
 * the background and the questions (what they may write in the original). An emptied field
 * removes its translation: readers then get the original, with a note saying so.
 */
export function TranslationsEditor({ space }: { space: SpaceDetail }) {
  const { t, i18n } = useTranslation('admin');
  const qc = useQueryClient();
  const full = space.abilities.edit;
  const [original, setOriginal] = useState<Locale>(space.originalLanguage);
  const [initial, setInitial] = useState(() => textsOf(space));
  const [values, setValues] = useState(initial);
  const targets = LOCALES.filter((l) => l !== original);
  const firstMissing = targets.find((l) => missingCount(initial[space.originalLanguage], initial[l]) > 0);
  const [lang, setLang] = useState<Locale>(firstMissing ?? targets[0] ?? 'fr');
  const target = targets.includes(lang) ? lang : (targets[0] ?? 'fr');
  const [saved, setSaved] = useState<'saved' | 'unchanged' | null>(null);
  const [failedQuestion, setFailedQuestion] = useState<string | null>(null);
  const name = (l: Locale) => languageName(l, i18n.language);
  const editable = (f: SpaceField) => full || f === 'summary' || f === 'background';

  const set = (f: SpaceField, value: string) => {
    setSaved(null);
    setValues((v) => ({ ...v, [target]: { ...v[target], [f]: value } }));
  };
  const setQuestion = (id: string, value: string) => {
    setSaved(null);
    setValues((v) => ({ ...v, [target]: { ...v[target], questions: { ...v[target].questions, [id]: value } } }));
  };

  const save = useMutation({
    mutationFn: async () => {
      setFailedQuestion(null);
      const spaceEdits: SpaceTranslationsInput = {};
      const questionEdits = new Map<string, QuestionTranslationsInput>();
      for (const l of LOCALES) {
        if (l === original) continue;
        for (const f of SPACE_FIELDS) {
          if (editable(f) && values[l][f] !== initial[l][f]) {
            spaceEdits[l] = { ...spaceEdits[l], [f]: f === 'background' ? values[l][f] : values[l][f].trim() };
          }
        }
        for (const q of space.questions) {
          const value = values[l].questions[q.id] ?? '';
          if (value !== (initial[l].questions[q.id] ?? '')) {
            questionEdits.set(q.id, { ...questionEdits.get(q.id), [l]: value.trim() });
          }
        }
      }
      const originalChanged = full && original !== space.originalLanguage;
      if (Object.keys(spaceEdits).length === 0 && questionEdits.size === 0 && !originalChanged) return false;
      if (Object.keys(spaceEdits).length > 0 || originalChanged) {
        spaceChanged(
          qc,
          await updateSpace(space.slug, {
            ...(Object.keys(spaceEdits).length > 0 ? { translations: spaceEdits } : {}),
            ...(originalChanged ? { originalLanguage: original } : {}),
          }),
        );
      }
      for (const [id, translations] of questionEdits) {
        try {
          await editQuestionTranslations(space.slug, id, translations);
        } catch (err) {
          setFailedQuestion(id);
          throw err;
        }
      }
      return true;
    },
    onSuccess: (changed) => {
      setSaved(changed ? 'saved' : 'unchanged');
      if (changed) {
        setInitial(values);
        void qc.invalidateQueries({ queryKey: ['space', space.slug] });
      }
    },
  });

  const error = save.error instanceof ApiError ? save.error : null;
  const fieldError = (f: SpaceField) => {
    const message = failedQuestion ? undefined : error?.field(`translations.${target}.${f}`);
    return message ? localizeFieldMessage(t, message) : undefined;
  };
  const questionError = (id: string) => {
    const message = failedQuestion === id ? error?.field(`translations.${target}`) : undefined;
    return message ? localizeFieldMessage(t, message) : undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    save.mutate();
  };

  // The main texts: in the language the space is written in (changing it relabels them).
  const src = values[space.originalLanguage];
  const dst = values[target];
  const labels: Record<SpaceField, string> = {
    title: t('space.title'),
    summary: t('space.summary'),
    background: t('space.background'),
    disclaimer: t('space.disclaimer'),
  };
  const shownFields = SPACE_FIELDS.filter((f) => src[f].trim() !== '' || dst[f].trim() !== '');

  return (
    <section className="translations-editor" aria-labelledby="translations-title">
      <h2 id="translations-title">{t('translations.title')}</h2>
      <p className="muted">{t('translations.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          {full && (
            <div className="field">
              <label htmlFor="tr-original">{t('translations.original')}</label>
              <p className="hint" id="tr-original-hint">
                {t('translations.originalHint')}
              </p>
              <select
                id="tr-original"
                aria-describedby="tr-original-hint"
                value={original}
                onChange={(e) => {
                  setSaved(null);
                  setOriginal(e.target.value as Locale);
                }}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {name(l)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="tr-language">{t('translations.language')}</label>
            <select
              id="tr-language"
              value={target}
              onChange={(e) => {
                setSaved(null);
                setLang(e.target.value as Locale);
              }}
            >
              {targets.map((l) => {
                const n = missingCount(values[space.originalLanguage], values[l]);
                return (
                  <option key={l} value={l}>
                    {n > 0 ? t('translations.languageMissing', { language: name(l), count: n }) : name(l)}
                  </option>
                );
              })}
            </select>
          </div>
        </div>
        {!full && <p className="notice">{t('translations.chairNote')}</p>}

        <div className="translations-grid" role="group" aria-label={t('translations.sideBySide')}>
          <p className="translations-head" aria-hidden="true">
            {t('translations.originalColumn', { language: name(original) })}
          </p>
          <p className="translations-head" aria-hidden="true">
            {name(target)}
          </p>
          {shownFields.map((f) => (
            <Row
              key={`${target}-${f}`}
              id={`tr-${target}-${f}`}
              label={labels[f]}
              original={src[f]}
              originalLang={original}
              value={dst[f]}
              lang={target}
              multiline={f !== 'title'}
              rows={f === 'background' ? 12 : 3}
              readOnly={!editable(f)}
              error={fieldError(f)}
              onChange={(v) => set(f, v)}
            />
          ))}
          {space.questions.map((q) => (
            <Row
              key={`${target}-${q.id}`}
              id={`tr-${target}-q-${q.id}`}
              label={t('translations.question', { n: q.position })}
              original={src.questions[q.id] ?? ''}
              originalLang={original}
              value={dst.questions[q.id] ?? ''}
              lang={target}
              multiline
              rows={3}
              readOnly={false}
              error={questionError(q.id)}
              onChange={(v) => setQuestion(q.id, v)}
            />
          ))}
        </div>

        {save.error && !(error && fieldErrorShown(error, target, failedQuestion)) && (
          <ErrorMessage error={save.error} />
        )}
        <div className="form-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('working') : t('translations.save')}
          </button>
          <p role="status" className="save-status">
            {saved === 'saved' && t('translations.saved')}
            {saved === 'unchanged' && t('space.unchanged')}
          </p>
        </div>
      </form>
    </section>
  );
}

/** Whether an API error names a field the editor shows for this language. */
function fieldErrorShown(error: ApiError, lang: Locale, question: string | null): boolean {
  return error.fields.some((f) =>
    question ? f.field === `translations.${lang}` : f.field.startsWith(`translations.${lang}.`),
  );
}

/** One text: the original on the left, its translation on the right, marked while missing. */
function Row({
  id,
  label,
  original,
  originalLang,
  value,
  lang,
  multiline,
  rows,
  readOnly,
  error,
  onChange,
}: {
  id: string;
  label: string;
  original: string;
  originalLang: Locale;
  value: string;
  lang: Locale;
  multiline: boolean;
  rows: number;
  readOnly: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('admin');
  const missing = original.trim() !== '' && value.trim() === '';
  const describedBy = [missing ? `${id}-missing` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const control = {
    id,
    lang,
    dir: 'auto' as const,
    value,
    readOnly,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? true : undefined,
  };
  const mark: ReactNode = missing && (
    <span className="missing-mark" id={`${id}-missing`}>
      {t('translations.missing')}
    </span>
  );
  return (
    <>
      <div className="translations-original">
        <p className="translations-label">{label}</p>
        <div lang={originalLang} dir="auto" className="translations-source">
          {original || <span className="muted">{t('translations.empty')}</span>}
        </div>
      </div>
      <div className={error ? 'field field-invalid translations-target' : 'field translations-target'}>
        <label htmlFor={id}>
          {label} {mark}
        </label>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            <span className="visually-hidden">{t('errorPrefix')} </span>
            {error}
          </p>
        )}
        {multiline ? (
          <textarea {...control} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...control} type="text" maxLength={300} onChange={(e) => onChange(e.target.value)} />
        )}
      </div>
    </>
  );
}
