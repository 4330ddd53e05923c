import type { SpaceDetail } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { duplicateSpace, spaceChanged } from '../api/spaces';
import { useRoles } from '../api/roles';
import { localizeFieldMessage } from '../lib/messages';
import { SLUG_PATTERN, nextCode, slugify } from '../lib/slug';
import { ErrorSummary, Field } from './Fields';
import { SlugField } from './SlugField';

const FIELDS = ['code', 'title', 'slug', 'copyRoles'] as const;
type FieldName = (typeof FIELDS)[number];
const idOf = (f: FieldName) => `duplicate-${f}`;

/** What the editor of the copy says once it opens (passed in the navigation state). */
export interface DuplicatedState {
  duplicatedFrom: { code: string; questions: number; roles: number };
}

/**
 * "Start the next roundtable": a draft copy of this space in the same session, with its
 * settings, background and guiding questions, and its moderators and chairs if ticked. The
 * copy gets its own code, title and address (suggested from this one's code); its dates are
 * left empty. Administrators only; the editor of the copy opens next.
 */
export function DuplicateSpace({ space }: { space: SpaceDetail }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const roles = useRoles(space.slug, true);
  const [code, setCode] = useState(() => nextCode(space.code));
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState(() => slugify(nextCode(space.code)));
  const [slugTouched, setSlugTouched] = useState(false);
  const [copyRoles, setCopyRoles] = useState(false);
  // What was last sent: an error stays next to its field only until the field is changed.
  const [sent, setSent] = useState({ code: '', title: '', slug: '' });
  const {
    errors: shown,
    formError,
    attempt,
    summaryRef,
    show,
    clear,
    fromApi,
    summary,
  } = useFormErrors(FIELDS, idOf, (m) => localizeFieldMessage(t, m));
  const roleCount = roles.data?.length ?? 0;
  const current = { code, title, slug };
  const e: typeof shown = Object.fromEntries(
    Object.entries(shown).filter(
      ([f]) => f === 'copyRoles' || current[f as keyof typeof current] === sent[f as keyof typeof sent],
    ),
  );

  const labels: Record<FieldName, string> = {
    code: t('duplicate.code'),
    title: t('duplicate.titleField'),
    slug: t('space.slug'),
    copyRoles: t('duplicate.copyRoles', { count: roleCount }),
  };

  const copy = useMutation({
    mutationFn: () =>
      duplicateSpace(space.slug, { code: code.trim(), title: title.trim(), slug: slug.trim(), copyRoles }),
    onSuccess: (created) => {
      spaceChanged(qc, created);
      const state: DuplicatedState = {
        duplicatedFrom: { code: space.code, questions: created.questions.length, roles: copyRoles ? roleCount : 0 },
      };
      void navigate(`/admin/spaces/${created.slug}`, { state });
    },
    onError: (err) => fromApi(err),
  });

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setSent(current);
    const errors: Partial<Record<FieldName, string>> = {};
    if (!code.trim()) errors.code = t('validation.required');
    else if (code.trim() === space.code) errors.code = t('validation.codeTaken');
    if (!title.trim()) errors.title = t('validation.required');
    if (!SLUG_PATTERN.test(slug.trim())) errors.slug = t('validation.slug');
    if (Object.keys(errors).length > 0) return show(errors);
    clear();
    copy.mutate();
  };

  return (
    <section className="duplicate-space" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">{t('duplicate.title')}</h2>
      <p className="muted">
        {t('duplicate.intro', { code: space.code, count: space.questions.length })}{' '}
        {space.parent ? t('duplicate.sameSession', { session: space.parent.code }) : null}
      </p>
      <form onSubmit={submit} noValidate aria-labelledby="duplicate-heading">
        <ErrorSummary
          items={summary(labels).filter((item) => Object.keys(e).some((f) => idOf(f as FieldName) === item.id))}
          ref={summaryRef}
        />
        <div className="form-grid">
          <Field id={idOf('code')} label={labels.code} hint={t('space.codeHint')} error={e.code}>
            {(c) => (
              <input
                {...c}
                type="text"
                maxLength={40}
                value={code}
                onChange={(ev) => {
                  setCode(ev.target.value);
                  if (!slugTouched) setSlug(slugify(ev.target.value));
                }}
              />
            )}
          </Field>
          <Field id={idOf('title')} label={labels.title} error={e.title}>
            {(c) => (
              <input {...c} type="text" maxLength={300} value={title} onChange={(ev) => setTitle(ev.target.value)} />
            )}
          </Field>
          <SlugField
            id={idOf('slug')}
            label={labels.slug}
            error={e.slug}
            value={slug}
            example="rt-1-2"
            onChange={(value) => {
              setSlugTouched(true);
              setSlug(value);
            }}
          />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            id={idOf('copyRoles')}
            checked={copyRoles}
            onChange={(ev) => setCopyRoles(ev.target.checked)}
          />
          <span>
            {labels.copyRoles}
            {space.parent && <span className="muted"> {t('duplicate.sessionRoles')}</span>}
          </span>
        </label>
        <p className="hint">{t('duplicate.notCopied')}</p>
        <ErrorMessage error={formError} key={attempt} />
        <div className="form-row">
          <button type="submit" className="button secondary" disabled={copy.isPending}>
            {copy.isPending ? t('duplicate.working') : t('duplicate.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
