import type { NotificationFrequency, NotificationKind, NotificationPreferencesResponse } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { useMe } from '../../auth/api/me';
import { Field } from '../../auth/components/Field';
import { FormSubmit } from '../../auth/components/FormSubmit';
import { preferencesQuery, useSavePreferences } from '../api/notifications';
import '../locales';
import '../notifications.css';

/**
 * The account page's notification settings: for each kind of notification, how often it is
 * emailed (the frequencies the server says are selectable). Saved with a confirmation, or the
 * error, announced to screen readers.
 */
export function NotificationPreferences() {
  const me = useMe();
  return me ? <Preferences userId={me.id} /> : null;
}

function Preferences({ userId }: { userId: string }) {
  const { t } = useTranslation('notifications');
  const prefs = useQuery(preferencesQuery(userId));
  const section = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  const loaded = prefs.isSuccess;
  // Opened from the menu's "Notification settings" link: once loaded, scroll the section into view.
  useEffect(() => {
    if (loaded && hash === '#notification-preferences') section.current?.scrollIntoView();
  }, [loaded, hash]);
  return (
    <section aria-labelledby="notification-preferences-heading" id="notification-preferences" ref={section}>
      <h2 id="notification-preferences-heading">{t('settings.title')}</h2>
      <p className="muted">{t('settings.intro')}</p>
      {prefs.isPending ? (
        <p className="muted">{t('common:loading')}</p>
      ) : prefs.isError ? (
        <ErrorWithRetry error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <PreferencesForm userId={userId} data={prefs.data} />
      )}
    </section>
  );
}

function PreferencesForm({ userId, data }: { userId: string; data: NotificationPreferencesResponse }) {
  const { t } = useTranslation('notifications');
  const save = useSavePreferences(userId);
  const [values, setValues] = useState<Record<NotificationKind, NotificationFrequency>>(
    () =>
      Object.fromEntries(data.preferences.map((p) => [p.kind, p.frequency])) as Record<
        NotificationKind,
        NotificationFrequency
      >,
  );
  const [followAnswered, setFollowAnswered] = useState(data.followAnswered);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    setAttempt((n) => n + 1);
    // Only what changed: a kind left alone keeps its default.
    const preferences = data.preferences
      .filter((p) => values[p.kind] !== p.frequency)
      .map((p) => ({ kind: p.kind, frequency: values[p.kind] }));
    const followChanged = followAnswered !== data.followAnswered;
    if (preferences.length === 0 && !followChanged) {
      setSaved(true);
      return;
    }
    save.mutate(
      {
        ...(preferences.length ? { preferences } : {}),
        ...(followChanged ? { followAnswered } : {}),
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form className="auth-form notification-preferences" noValidate onSubmit={onSubmit}>
      {data.preferences.map((p) => {
        const id = `notification-frequency-${p.kind}`;
        // The current choice stays listed even if it can no longer be chosen.
        const selectable = data.selectableByKind[p.kind] ?? data.selectable;
        const options = selectable.includes(p.frequency) ? selectable : [p.frequency, ...selectable];
        return (
          <Field
            key={p.kind}
            id={id}
            label={t(`settings.kinds.${p.kind}.label`)}
            hint={t(`settings.kinds.${p.kind}.help`)}
          >
            {(control) => (
              <select
                {...control}
                value={values[p.kind]}
                onChange={(e) => {
                  setSaved(false);
                  setValues((v) => ({ ...v, [p.kind]: e.target.value as NotificationFrequency }));
                }}
              >
                {options.map((f) => (
                  <option key={f} value={f}>
                    {t(`settings.frequencies.${f}`)}
                    {p.isDefault && f === p.frequency ? ` ${t('settings.default')}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        );
      })}
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            id="notification-follow-answered"
            aria-describedby="notification-follow-answered-hint"
            checked={followAnswered}
            onChange={(e) => {
              setSaved(false);
              setFollowAnswered(e.target.checked);
            }}
          />
          <span>{t('settings.followAnswered.label')}</span>
        </label>
        <p id="notification-follow-answered-hint" className="hint">
          {t('settings.followAnswered.help')}
        </p>
      </div>
      <div role="status" className="form-status">
        {saved && <p className="notice success">{t('settings.saved')}</p>}
      </div>
      <FormSubmit
        error={save.error}
        attempt={attempt}
        pending={save.isPending}
        label={t('settings.save')}
        pendingLabel={t('settings.saving')}
      />
    </form>
  );
}
