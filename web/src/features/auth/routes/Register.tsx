import { PASSWORD_MIN_LENGTH, type Locale } from '@convene/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isLocale, setLanguage } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { useRegister } from '../api/register';
import { AuthForm } from '../components/AuthForm';
import { TextField } from '../components/Field';
import { PasswordField } from '../components/PasswordField';
import { PROFILE_FIELDS, ProfileFields, checkProfile, profileBody, profileLabels } from '../components/ProfileFields';
import { GuestFormPage } from '../components/AuthPage';
import { SsoSignIn } from '../components/SsoSignIn';
import { useAuthFormErrors } from '../hooks/useAuthFormErrors';
import { withNext } from '../utils/next';
import { checkEmail, checkNewPassword, compact } from '../utils/validate';
import '../auth.css';
import '../locales';

const FIELDS = ['email', 'password', ...PROFILE_FIELDS] as const;
type RegisterField = (typeof FIELDS)[number];
const IDS: Record<RegisterField, string> = {
  email: 'register-email',
  password: 'register-password',
  displayName: 'register-display-name',
  affiliation: 'register-affiliation',
  stakeholderCategory: 'register-category',
  country: 'register-country',
  locale: 'register-locale',
};

export function Register() {
  const { t } = useTranslation('auth');
  return (
    <GuestFormPage title={t('register.title')}>
      {(next, onDone) => <RegisterForm next={next} onDone={onDone} />}
    </GuestFormPage>
  );
}

/** Registering through an invitation's link: its address, fixed (the link proves it), and its token. */
export interface InvitationForRegistration {
  token: string;
  email: string;
}

export function RegisterForm({
  next,
  onDone,
  invitation,
}: {
  next: string;
  onDone: () => void;
  invitation?: InvitationForRegistration;
}) {
  const { t, i18n } = useTranslation('auth');
  const { t: ti } = useTranslation('identity');
  const navigate = useNavigate();
  const register = useRegister();
  const form = useAuthFormErrors(FIELDS, IDS);
  const [values, setValues] = useState({
    email: invitation?.email ?? '',
    password: '',
    displayName: '',
    affiliation: '',
    stakeholderCategory: '',
    country: '',
  });
  // Follows the interface language until the person picks one.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const locale: Locale = chosenLocale ?? (isLocale(i18n.language) ? i18n.language : 'en');
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const labels: Record<RegisterField, string> = {
    email: t('fields.email.label'),
    password: t('fields.password.label'),
    ...profileLabels(t),
  };
  const emailTaken = register.error instanceof ApiError && register.error.code === 'email_taken';

  const onSubmit = () => {
    const errors = compact({
      email: checkEmail(t, values.email),
      password: checkNewPassword(t, values.password),
      ...checkProfile(t, values),
    });
    if (Object.keys(errors).length > 0) {
      register.reset();
      return form.show(errors);
    }
    form.clear();
    register.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        ...profileBody(values, locale),
        ...(invitation ? { invitationToken: invitation.token } : {}),
      },
      {
        onSuccess: ({ user }) => {
          onDone();
          if (user.locale !== i18n.language) setLanguage(user.locale);
          void navigate(next, { replace: true });
        },
        onError: (err) => form.fromApi(err),
      },
    );
  };

  return (
    <>
      {!invitation && (
        <>
          <p className="lead">{t('register.intro')}</p>
          <p className="auth-switch">
            {t('register.haveAccount')} <Link to={withNext('/signin', next)}>{t('register.signIn')}</Link>
          </p>
          {/* Single sign-on creates the account on first use, its address verified. */}
          <SsoSignIn next={next} />
        </>
      )}
      <AuthForm
        form={form}
        labels={labels}
        onSubmit={onSubmit}
        pending={register.isPending}
        label={t('register.submit')}
        pendingLabel={t('register.submitting')}
      >
        <p className="muted">{t('requiredNote')}</p>
        <TextField
          id={IDS.email}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          label={labels.email}
          hint={invitation ? ti('invitation.emailFixed') : t('fields.email.hint')}
          readOnly={invitation ? true : undefined}
          value={values.email}
          onChange={set('email')}
          error={form.errors.email}
          errorExtra={
            emailTaken && form.errors.email ? (
              <Link to={withNext('/signin', next)} state={{ email: values.email.trim() }}>
                {t('register.signInInstead')}
              </Link>
            ) : undefined
          }
        />
        <PasswordField
          id={IDS.password}
          name="new-password"
          autoComplete="new-password"
          label={labels.password}
          hint={t('fields.password.hintNew', { min: PASSWORD_MIN_LENGTH })}
          value={values.password}
          onChange={set('password')}
          error={form.errors.password}
        />
        <ProfileFields
          ids={IDS}
          values={values}
          locale={locale}
          errors={form.errors}
          onChange={(key, value) => set(key)(value)}
          onLocaleChange={setChosenLocale}
        />
      </AuthForm>
    </>
  );
}
