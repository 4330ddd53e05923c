import { PASSWORD_MIN_LENGTH, type Locale, type StakeholderCategory } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isLocale, setLanguage } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { meQuery } from '../api/me';
import { useRegister } from '../api/register';
import { CategorySelect } from '../components/CategorySelect';
import { CountrySelect } from '../components/CountrySelect';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { FormAlert } from '../components/FormAlert';
import { LanguageSelect } from '../components/LanguageSelect';
import { PasswordField } from '../components/PasswordField';
import { AlreadySignedIn } from '../components/SessionNotices';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { localizeFieldMessage } from '../utils/fieldMessages';
import { useNext } from '../hooks/useNext';
import { usePageTitle } from '../hooks/usePageTitle';
import { withNext } from '../utils/next';
import { checkEmail, checkNewPassword, checkText, compact } from '../utils/validate';
import '../auth.css';

const FIELDS = ['email', 'password', 'displayName', 'affiliation', 'stakeholderCategory', 'country', 'locale'] as const;
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
  usePageTitle(t('register.title'));
  const me = useQuery(meQuery).data?.user;
  const next = useNext();
  // Once this form signs someone in, keep it (not "already signed in") until the next page shows.
  const [done, setDone] = useState(false);
  return (
    <div className="auth-page">
      <h1>{t('register.title')}</h1>
      {me && !done ? (
        <AlreadySignedIn user={me} next={next} />
      ) : (
        <RegisterForm next={next} onDone={() => setDone(true)} />
      )}
    </div>
  );
}

function RegisterForm({ next, onDone }: { next: string; onDone: () => void }) {
  const { t, i18n } = useTranslation('auth');
  const navigate = useNavigate();
  const register = useRegister();
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
    email: '',
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
    displayName: t('fields.displayName.label'),
    affiliation: t('fields.affiliation.label'),
    stakeholderCategory: t('fields.stakeholderCategory.label'),
    country: t('fields.country.label'),
    locale: t('fields.locale.label'),
  };
  const emailTaken = register.error instanceof ApiError && register.error.code === 'email_taken';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (register.isPending) return;
    const errors = compact({
      email: checkEmail(t, values.email),
      password: checkNewPassword(t, values.password),
      displayName: checkText(t, values.displayName, 120, t('fields.displayName.required')),
      affiliation: checkText(t, values.affiliation, 200, t('fields.affiliation.required')),
      stakeholderCategory: values.stakeholderCategory ? undefined : t('fields.stakeholderCategory.required'),
    });
    if (Object.keys(errors).length > 0) {
      register.reset();
      return show(errors);
    }
    clear();
    register.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
        affiliation: values.affiliation.trim(),
        stakeholderCategory: values.stakeholderCategory as StakeholderCategory,
        country: values.country || null,
        locale,
      },
      {
        onSuccess: ({ user }) => {
          onDone();
          if (user.locale !== i18n.language) setLanguage(user.locale);
          void navigate(next, { replace: true });
        },
        onError: (err) => fromApi(err),
      },
    );
  };

  return (
    <>
      <p className="lead">{t('register.intro')}</p>
      <p className="auth-switch">
        {t('register.haveAccount')} <Link to={withNext('/signin', next)}>{t('register.signIn')}</Link>
      </p>
      <form className="auth-form" noValidate onSubmit={onSubmit}>
        <ErrorSummary items={summary(labels)} ref={summaryRef} />
        <p className="muted">{t('requiredNote')}</p>
        <TextField
          id={IDS.email}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          label={labels.email}
          hint={t('fields.email.hint')}
          value={values.email}
          onChange={set('email')}
          error={fieldErrors.email}
          errorExtra={
            emailTaken && fieldErrors.email ? (
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
          error={fieldErrors.password}
        />
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
          onChange={(v) => isLocale(v) && setChosenLocale(v)}
          error={fieldErrors.locale}
        />
        <FormAlert error={formError} attempt={attempt} />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={register.isPending || undefined}>
            {register.isPending ? t('register.submitting') : t('register.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
