import {
  COMMENT_LANGUAGES,
  type CommentLanguage,
  type CreateSpaceRequest,
  LOCALES,
  type Locale,
  MODERATION_MODES,
  type ModerationMode,
  SPACE_STATUSES,
  type SpaceDetail,
  type SpaceStatus,
  type UpdateSpaceRequest,
} from '@convene/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { languageName } from '../../../i18n/format';
import { createSpace, spaceChanged, spacesQuery, updateSpace, useSpace } from '../api/spaces';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { localizeFieldMessage } from '../lib/messages';
import { isoToLocalInput, localInputToIso, timeZoneName } from '../lib/dates';
import { SLUG_PATTERN, slugify } from '../lib/slug';
import { ErrorSummary, Field } from './Fields';
import { MarkdownField } from './MarkdownField';
import { SlugField } from './SlugField';

const FIELDS = [
  'code',
  'title',
  'slug',
  'parentSlug',
  'summary',
  'background',
  'opensAt',
  'closesAt',
  'status',
  'moderationMode',
  'acceptedLanguages',
  'disclaimer',
  'contactEmail',
  'originalLanguage',
] as const;
type FieldName = (typeof FIELDS)[number];
const idOf = (f: FieldName) => `space-${f}`;

interface Values {
  code: string;
  title: string;
  slug: string;
  parentSlug: string;
  summary: string;
  background: string;
  opensAt: string;
  closesAt: string;
  status: SpaceStatus;
  moderationMode: ModerationMode;
  acceptedLanguages: CommentLanguage[];
  disclaimer: string;
  contactEmail: string;
  /** The language the texts are written in (chosen here when creating; later in Translations). */
  originalLanguage: Locale;
}

const fromSpace = (s: SpaceDetail | null): Values => ({
  code: s?.code ?? '',
  title: s?.title ?? '',
  slug: s?.slug ?? '',
  parentSlug: s?.parent?.slug ?? '',
  summary: s?.summary ?? '',
  background: s?.backgroundMd ?? '',
  opensAt: isoToLocalInput(s?.opensAt),
  closesAt: isoToLocalInput(s?.closesAt),
  status: s?.status ?? 'draft',
  moderationMode: s?.moderationMode ?? 'pre',
  acceptedLanguages: s?.acceptedLanguages ?? ['en', 'fr', 'es'],
  disclaimer: s?.disclaimer ?? '',
  contactEmail: s?.contactEmail ?? '',
  originalLanguage: s?.originalLanguage ?? 'en',
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a space, or edits one. Administrators see every setting; chairs only the summary and
 * the background. Only changed fields are sent, so two people editing different settings do
 * not overwrite each other. Errors go next to their field; nothing typed is cleared.
 */
export function SpaceForm({ space }: { space: SpaceDetail | null }) {
  const { t, i18n } = useTranslation('admin');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const creating = space === null;
  const full = creating || space.abilities.edit;
  const [initial, setInitial] = useState(() => fromSpace(space));
  const [values, setValues] = useState<Values>(initial);
  const [slugTouched, setSlugTouched] = useState(!creating);
  const [saved, setSaved] = useState<'saved' | 'savedWithSession' | 'unchanged' | null>(null);
  const [openSession, setOpenSession] = useState(false);
  const {
    errors: e,
    formError,
    attempt,
    summaryRef,
    show,
    clear,
    fromApi,
    summary,
  } = useFormErrors(FIELDS, idOf, (m) => localizeFieldMessage(t, m));
  const sessions = useQuery({ ...spacesQuery, enabled: creating });
  // The session this roundtable belongs to, with its status (administrators read drafts).
  const parent = useSpace(full && !creating ? space.parent?.slug : undefined);
  const session: Pick<SpaceDetail, 'slug' | 'code' | 'title' | 'status'> | undefined = creating
    ? sessions.data?.spaces.find((s) => s.slug === values.parentSlug && values.parentSlug !== '')
    : parent.data;
  /**
   * A roundtable leaving draft while its session is a draft would be missing from the index and
   * look parentless to visitors (the server refuses it). The form says so as soon as the status
   * is chosen, and offers to open the session first, in the same save.
   */
  const sessionHides = full && session?.status === 'draft' && values.status !== 'draft';
  // A session going back to draft hides its visible roundtables from the index.
  const hiddenChildren =
    full && !creating && values.status === 'draft' && space.status !== 'draft'
      ? space.children.filter((c) => c.status !== 'draft')
      : [];

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved(null);
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === 'code' && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
  };

  const labels: Record<FieldName, string> = {
    code: t('space.code'),
    title: t('space.title'),
    slug: t('space.slug'),
    parentSlug: t('space.parent'),
    summary: t('space.summary'),
    background: t('space.background'),
    opensAt: t('space.opensAt'),
    closesAt: t('space.closesAt'),
    status: t('space.status'),
    moderationMode: t('space.moderationMode'),
    acceptedLanguages: t('space.languages'),
    disclaimer: t('space.disclaimer'),
    contactEmail: t('space.contact'),
    originalLanguage: t('translations.original'),
  };

  const validate = (): Partial<Record<FieldName, string>> => {
    const e: Partial<Record<FieldName, string>> = {};
    if (!full) return e;
    if (!values.code.trim()) e.code = t('validation.required');
    if (!values.title.trim()) e.title = t('validation.required');
    if (creating && !SLUG_PATTERN.test(values.slug.trim())) e.slug = t('validation.slug');
    if (values.opensAt && values.closesAt && new Date(values.closesAt) <= new Date(values.opensAt))
      e.closesAt = t('validation.closesAfter');
    if (values.acceptedLanguages.length === 0) e.acceptedLanguages = t('validation.languages');
    if (values.contactEmail.trim() && !EMAIL.test(values.contactEmail.trim())) e.contactEmail = t('validation.email');
    if (sessionHides && !openSession && session)
      e.status = t('validation.sessionDraft', { code: session.code, title: session.title });
    return e;
  };

  const body = (): CreateSpaceRequest | UpdateSpaceRequest => {
    const all = {
      code: values.code.trim(),
      title: values.title.trim(),
      summary: values.summary,
      background: values.background,
      status: values.status,
      opensAt: localInputToIso(values.opensAt),
      closesAt: localInputToIso(values.closesAt),
      moderationMode: values.moderationMode,
      acceptedLanguages: values.acceptedLanguages,
      disclaimer: values.disclaimer,
      contactEmail: values.contactEmail.trim() || null,
    };
    if (creating) {
      return {
        ...all,
        slug: values.slug.trim(),
        parentSlug: values.parentSlug || null,
        originalLanguage: values.originalLanguage,
      };
    }
    // Only what changed (and, for chairs, only what they may change).
    const changed: UpdateSpaceRequest = {};
    const allowed = full ? (Object.keys(all) as (keyof typeof all)[]) : (['summary', 'background'] as const);
    for (const k of allowed) {
      if (JSON.stringify(initial[k]) !== JSON.stringify(values[k])) Object.assign(changed, { [k]: all[k] });
    }
    return changed;
  };

  const mutation = useMutation({
    mutationFn: async ({ b, openFirst }: { b: CreateSpaceRequest | UpdateSpaceRequest; openFirst: string | null }) => {
      // The session first: once it is open, the roundtable may open too.
      if (openFirst) spaceChanged(qc, await updateSpace(openFirst, { status: 'open' }));
      return creating ? createSpace(b as CreateSpaceRequest) : updateSpace(space.slug, b as UpdateSpaceRequest);
    },
    onSuccess: (s, { openFirst }) => {
      spaceChanged(qc, s);
      setOpenSession(false);
      if (creating) {
        void navigate(`/admin/spaces/${s.slug}`, { state: { created: true } });
      } else {
        setInitial(values);
        setSaved(openFirst ? 'savedWithSession' : 'saved');
      }
    },
    onError: (err) => fromApi(err),
  });

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setSaved(null);
    const errors = validate();
    if (Object.keys(errors).length > 0) return show(errors);
    clear();
    const b = body();
    if (!creating && Object.keys(b).length === 0) {
      setSaved('unchanged');
      return;
    }
    mutation.mutate({ b, openFirst: sessionHides && openSession && session ? session.slug : null });
  };

  const topLevel = (sessions.data?.spaces ?? []).filter((s) => s.slug !== space?.slug);

  return (
    <form className="space-form" onSubmit={submit} noValidate aria-labelledby="space-form-title">
      <h2 id="space-form-title">{creating ? t('space.createTitle') : t('space.settingsTitle')}</h2>
      <ErrorSummary items={summary(labels)} ref={summaryRef} />
      {!full && <p className="notice">{t('space.chairNote')}</p>}

      {full && (
        <div className="form-grid">
          <Field id={idOf('code')} label={labels.code} hint={t('space.codeHint')} error={e.code}>
            {(c) => (
              <input
                {...c}
                type="text"
                maxLength={40}
                value={values.code}
                onChange={(ev) => set('code', ev.target.value)}
              />
            )}
          </Field>
          <Field id={idOf('title')} label={labels.title} error={e.title}>
            {(c) => (
              <input
                {...c}
                type="text"
                maxLength={300}
                value={values.title}
                onChange={(ev) => set('title', ev.target.value)}
              />
            )}
          </Field>
          {creating && (
            <SlugField
              id={idOf('slug')}
              label={labels.slug}
              error={e.slug}
              value={values.slug}
              example="rt-1-1"
              onChange={(value) => {
                setSlugTouched(true);
                set('slug', value);
              }}
            />
          )}
          {creating && (
            <Field
              id={idOf('originalLanguage')}
              label={labels.originalLanguage}
              hint={t('translations.originalCreateHint')}
              error={e.originalLanguage}
            >
              {(c) => (
                <select
                  {...c}
                  value={values.originalLanguage}
                  onChange={(ev) => set('originalLanguage', ev.target.value as Locale)}
                >
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {languageName(l, i18n.language)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {creating && (
            <Field id={idOf('parentSlug')} label={labels.parentSlug} hint={t('space.parentHint')} error={e.parentSlug}>
              {(c) => (
                <select {...c} value={values.parentSlug} onChange={(ev) => set('parentSlug', ev.target.value)}>
                  <option value="">{t('space.noParent')}</option>
                  {topLevel.map((s) => (
                    <option key={s.slug} value={s.slug}>
                      {s.code} — {s.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
      )}

      <Field id={idOf('summary')} label={labels.summary} hint={t('space.summaryHint')} error={e.summary} optional>
        {(c) => (
          <textarea
            {...c}
            rows={3}
            maxLength={2000}
            value={values.summary}
            onChange={(ev) => set('summary', ev.target.value)}
          />
        )}
      </Field>
      <MarkdownField
        id={idOf('background')}
        label={labels.background}
        value={values.background}
        onChange={(v) => set('background', v)}
        error={e.background}
      />

      {full && (
        <>
          <div className="form-grid">
            <Field
              id={idOf('opensAt')}
              label={labels.opensAt}
              hint={t('space.dateHint', { zone: timeZoneName() })}
              error={e.opensAt}
              optional
            >
              {(c) => (
                <input
                  {...c}
                  type="datetime-local"
                  value={values.opensAt}
                  onChange={(ev) => set('opensAt', ev.target.value)}
                />
              )}
            </Field>
            <Field
              id={idOf('closesAt')}
              label={labels.closesAt}
              hint={t('space.dateHint', { zone: timeZoneName() })}
              error={e.closesAt}
              optional
            >
              {(c) => (
                <input
                  {...c}
                  type="datetime-local"
                  value={values.closesAt}
                  onChange={(ev) => set('closesAt', ev.target.value)}
                />
              )}
            </Field>
          </div>
          <Field
            id={idOf('status')}
            label={labels.status}
            hint={t(`space.statusHint.${values.status}`)}
            error={e.status}
          >
            {(c) => (
              <select {...c} value={values.status} onChange={(ev) => set('status', ev.target.value as SpaceStatus)}>
                {SPACE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {/* Always present, so what appears in it is announced when the status changes. */}
          <div aria-live="polite" className="status-consequence">
            {sessionHides && session && (
              <div className="notice warn-notice" id="space-session-warning">
                <p>{t('space.sessionDraft.warning', { code: session.code, title: session.title })}</p>
                <label className="choice">
                  <input
                    type="checkbox"
                    id="space-openSession"
                    checked={openSession}
                    onChange={(ev) => {
                      setOpenSession(ev.target.checked);
                      setSaved(null);
                    }}
                  />
                  <span>{t('space.sessionDraft.openToo', { code: session.code })}</span>
                </label>
              </div>
            )}
            {hiddenChildren.length > 0 && (
              <p className="notice warn-notice">
                {t('space.childrenHidden', {
                  count: hiddenChildren.length,
                  codes: hiddenChildren.map((c) => c.code).join(', '),
                })}
              </p>
            )}
          </div>
          <fieldset
            className={e.moderationMode ? 'field choice-group field-invalid' : 'field choice-group'}
            aria-describedby={e.moderationMode ? `${idOf('moderationMode')}-error` : undefined}
          >
            <legend>{labels.moderationMode}</legend>
            {e.moderationMode && (
              <p className="field-error" id={`${idOf('moderationMode')}-error`}>
                {e.moderationMode}
              </p>
            )}
            {MODERATION_MODES.map((m, i) => (
              <label key={m} className="choice">
                <input
                  type="radio"
                  name="moderationMode"
                  id={i === 0 ? idOf('moderationMode') : undefined}
                  value={m}
                  checked={values.moderationMode === m}
                  onChange={() => set('moderationMode', m)}
                />
                <span>
                  <strong>{t(`mode.${m}`)}</strong> <span className="muted">{t(`mode.${m}Hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset
            className={e.acceptedLanguages ? 'field choice-group field-invalid' : 'field choice-group'}
            aria-describedby={e.acceptedLanguages ? `${idOf('acceptedLanguages')}-error` : undefined}
          >
            <legend>{labels.acceptedLanguages}</legend>
            {e.acceptedLanguages && (
              <p className="field-error" id={`${idOf('acceptedLanguages')}-error`}>
                {e.acceptedLanguages}
              </p>
            )}
            <div className="choice-row">
              {COMMENT_LANGUAGES.map((l, i) => (
                <label key={l} className="choice">
                  <input
                    type="checkbox"
                    id={i === 0 ? idOf('acceptedLanguages') : undefined}
                    checked={values.acceptedLanguages.includes(l)}
                    aria-invalid={e.acceptedLanguages ? true : undefined}
                    onChange={(ev) =>
                      set(
                        'acceptedLanguages',
                        ev.target.checked
                          ? COMMENT_LANGUAGES.filter((x) => x === l || values.acceptedLanguages.includes(x))
                          : values.acceptedLanguages.filter((x) => x !== l),
                      )
                    }
                  />
                  {t(`common:contentLanguage.${l}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <Field
            id={idOf('disclaimer')}
            label={labels.disclaimer}
            hint={t('space.disclaimerHint')}
            error={e.disclaimer}
            optional
          >
            {(c) => (
              <textarea
                {...c}
                rows={3}
                maxLength={5000}
                value={values.disclaimer}
                onChange={(ev) => set('disclaimer', ev.target.value)}
              />
            )}
          </Field>
          <Field
            id={idOf('contactEmail')}
            label={labels.contactEmail}
            hint={t('space.contactHint')}
            error={e.contactEmail}
            optional
          >
            {(c) => (
              <input
                {...c}
                type="email"
                autoComplete="off"
                value={values.contactEmail}
                onChange={(ev) => set('contactEmail', ev.target.value)}
              />
            )}
          </Field>
        </>
      )}

      <ErrorMessage error={formError} key={attempt} />
      <div className="form-row">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('working') : creating ? t('space.create') : t('space.save')}
        </button>
        <p role="status" className="save-status">
          {saved === 'saved' && t('space.saved')}
          {saved === 'savedWithSession' && t('space.savedWithSession', { code: session?.code ?? '' })}
          {saved === 'unchanged' && t('space.unchanged')}
        </p>
      </div>
    </form>
  );
}
