import { type Locale, type StakeholderCategory, type UserDto } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { isLocale, setLanguage } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { meQuery } from '../api/me';
import { useUpdateProfile } from '../api/updateProfile';
import { CategorySelect } from '../components/CategorySelect';
import { CountrySelect } from '../components/CountrySelect';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { LanguageSelect } from '../components/LanguageSelect';
import { SignInPrompt } from '../components/SessionNotices';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { localizeFieldMessage } from '../utils/fieldMessages';
import { usePageTitle } from '../hooks/usePageTitle';
import { checkText, compact } from '../utils/validate';
import '../auth.css';

const FIELDS = ['displayName', 'affiliation', 'stakeholderCategory', 'country', 'locale'] as const;
type ProfileField = (typeof FIELDS)[number];
const IDS: Record<ProfileField, string> = {
  displayName: 'account-display-name',
  affiliation: 'account-affiliation',
  stakeholderCategory: 'account-category',
  country: 'account-country',
  locale: 'account-locale',
};

export function Account() {
  const { t } = useTranslation('auth');
  usePageTitle(t('account.title'));
  const me = useQuery(meQuery);
  const user = me.data?.user;
  return (
    <div className="auth-page">
      <h1>{t('account.title')}</h1>
      {me.isPending ? (
        <p>{t('common:loading')}</p>
      ) : me.isError ? (
        <div>
          <ErrorMessage error={me.error} />
          <button type="button" className="button secondary" onClick={() => void me.refetch()}>
            {t('common:errors.retry')}
          </button>
        </div>
      ) : !user ? (
        <SignInPrompt here="/account" message={t('guest.account')} />
      ) : (
        <>
          <AccountDetails user={user} />
          <section aria-labelledby="account-profile-heading">
            <h2 id="account-profile-heading">{t('account.profile')}</h2>
            <p className="muted">{t('account.profileIntro')}</p>
            <ProfileForm key={user.id} user={user} />
          </section>
        </>
      )}
    </div>
  );
}

function AccountDetails({ user }: { user: UserDto }) {
  const { t } = useTranslation('auth');
  const format = useFormat();
  return (
    <section aria-labelledby="account-details-heading">
      <h2 id="account-details-heading">{t('account.details')}</h2>
      <dl className="details-list">
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`account.roles.${user.role}`)}</dd>
        <dt>{t('account.memberSince')}</dt>
        <dd>
          <time dateTime={user.createdAt}>{format.date(user.createdAt)}</time>
        </dd>
      </dl>
      <p>
        <Link to="/account/contributions">{t('account.contributions')}</Link>
      </p>
    </section>
  );
}

function ProfileForm({ user }: { user: UserDto }) {
  const { t, i18n } = useTranslation('auth');
  const update = useUpdateProfile();
  const {
    errors: fieldErrors,
    formError,
    attempt,
    summaryRef,
    show,
    clear,
    fromApi,
    summary,
  } = useFormErrors(
    FIELDS,
    (f) => IDS[f],
    (m) => localizeFieldMessage(t, m),
  );
  const [values, setValues] = useState({
    displayName: user.displayName,
    affiliation: user.affiliation,
    stakeholderCategory: user.stakeholderCategory as string,
    country: user.country ?? '',
  });
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof typeof values) => (value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const labels: Record<ProfileField, string> = {
    displayName: t('fields.displayName.label'),
    affiliation: t('fields.affiliation.label'),
    stakeholderCategory: t('fields.stakeholderCategory.label'),
    country: t('fields.country.label'),
    locale: t('fields.locale.label'),
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    const errors = compact({
      displayName: checkText(t, values.displayName, 120, t('fields.displayName.required')),
      affiliation: checkText(t, values.affiliation, 200, t('fields.affiliation.required')),
      stakeholderCategory: values.stakeholderCategory ? undefined : t('fields.stakeholderCategory.required'),
    });
    if (Object.keys(errors).length > 0) return show(errors);
    clear();
    const previousLocale = user.locale;
    update.mutate(
      {
        displayName: values.displayName.trim(),
        affiliation: values.affiliation.trim(),
        stakeholderCategory: values.stakeholderCategory as StakeholderCategory,
        country: values.country || null,
        locale,
      },
      {
        onSuccess: ({ user: updated }) => {
          setSaved(true);
          // The interface follows a newly chosen preferred language.
          if (updated.locale !== previousLocale && updated.locale !== i18n.language) setLanguage(updated.locale);
        },
        onError: (err) => fromApi(err),
      },
    );
  };

  return (
    <form className="auth-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={summary(labels)} ref={summaryRef} />
      <TextField
        id={IDS.displayName}
        name="name"
        autoComplete="name"
        label={labels.displayName}
        hint={t('fields.displayName.hint')}
        value={values.displayName}
        onChange={set('displayName')}
        error={fieldErrors.displayName}
      />
      <TextField
        id={IDS.affiliation}
        name="organization"
        autoComplete="organization"
        label={labels.affiliation}
        hint={t('fields.affiliation.hint')}
        value={values.affiliation}
        onChange={set('affiliation')}
        error={fieldErrors.affiliation}
      />
      <CategorySelect
        id={IDS.stakeholderCategory}
        name="stakeholderCategory"
        hint={t('fields.stakeholderCategory.hint')}
        value={values.stakeholderCategory}
        onChange={set('stakeholderCategory')}
        error={fieldErrors.stakeholderCategory}
      />
      <CountrySelect
        id={IDS.country}
        name="country"
        autoComplete="country"
        optional
        hint={t('fields.country.hint')}
        value={values.country}
        onChange={set('country')}
        error={fieldErrors.country}
      />
      <LanguageSelect
        id={IDS.locale}
        name="locale"
        hint={t('fields.locale.hint')}
        value={locale}
        onChange={(v) => {
          if (!isLocale(v)) return;
          setSaved(false);
          setLocale(v);
        }}
        error={fieldErrors.locale}
      />
      <FormAlert error={formError} attempt={attempt} />
      <div role="status" className="form-status">
        {saved && <p className="notice success">{t('account.saved')}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={update.isPending || undefined}>
          {update.isPending ? t('account.saving') : t('account.save')}
        </button>
      </div>
    </form>
  );
}
