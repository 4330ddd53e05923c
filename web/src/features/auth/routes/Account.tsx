import { type Locale, type UserDto } from '@convene/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { setLanguage } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useUpdateProfile } from '../api/updateProfile';
import { EmailChange } from '../components/EmailChange';
import { AuthForm } from '../components/AuthForm';
import {
  PROFILE_FIELDS,
  type ProfileField,
  ProfileFields,
  checkProfile,
  profileBody,
  profileLabels,
} from '../components/ProfileFields';
import { SignedInPage } from '../components/AuthPage';
import { NotificationPreferences } from '../../notifications/components/NotificationPreferences';
import { AccountSecurity } from '../../staffAccounts/components/AccountSecurity';
import { AffiliationRequest } from '../../affiliations/components/AffiliationRequest';
import { PersonalData } from '../components/PersonalData';
import { useAuthFormErrors } from '../hooks/useAuthFormErrors';
import { compact } from '../utils/validate';
import '../auth.css';

const IDS: Record<ProfileField, string> = {
  displayName: 'account-display-name',
  affiliation: 'account-affiliation',
  stakeholderCategory: 'account-category',
  country: 'account-country',
  locale: 'account-locale',
};

export function Account() {
  const { t } = useTranslation('auth');
  return (
    <SignedInPage title={t('account.title')} here="/account" guestMessage={t('guest.account')}>
      {(user) => (
        <>
          <AccountDetails user={user} />
          <EmailChange user={user} />
          <section aria-labelledby="account-profile-heading">
            <h2 id="account-profile-heading">{t('account.profile')}</h2>
            <p className="muted">{t('account.profileIntro')}</p>
            <ProfileForm key={user.id} user={user} />
          </section>
          <NotificationPreferences />
          <AffiliationRequest userId={user.id} />
          <AccountSecurity userId={user.id} />
          <PersonalData />
        </>
      )}
    </SignedInPage>
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
  const form = useAuthFormErrors(PROFILE_FIELDS, IDS);
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

  const labels = profileLabels(t);

  const onSubmit = () => {
    setSaved(false);
    const errors = compact(checkProfile(t, values));
    if (Object.keys(errors).length > 0) return form.show(errors);
    form.clear();
    const previousLocale = user.locale;
    update.mutate(profileBody(values, locale), {
      onSuccess: ({ user: updated }) => {
        setSaved(true);
        // The interface follows a newly chosen preferred language.
        if (updated.locale !== previousLocale && updated.locale !== i18n.language) setLanguage(updated.locale);
      },
      onError: (err) => form.fromApi(err),
    });
  };

  return (
    <AuthForm
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      pending={update.isPending}
      label={t('account.save')}
      pendingLabel={t('account.saving')}
      status={
        <div role="status" className="form-status">
          {saved && <p className="notice success">{t('account.saved')}</p>}
        </div>
      }
    >
      <ProfileFields
        ids={IDS}
        values={values}
        locale={locale}
        errors={form.errors}
        onChange={(key, value) => set(key)(value)}
        onLocaleChange={(v) => {
          setSaved(false);
          setLocale(v);
        }}
      />
    </AuthForm>
  );
}
