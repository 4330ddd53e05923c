import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { meQuery } from '../api/me';
import { useResendVerification } from '../api/verification';
import '../locales';

/** For a signed-in person whose address is not verified yet: what it means, and "send the link again". */
export default function ResendVerification() {
  const { t } = useTranslation('identity');
  const me = useQuery(meQuery).data;
  const resend = useResendVerification();
  const user = me?.user;
  if (!user || user.emailVerified) return null;
  const limited = resend.error instanceof ApiError && resend.error.code === 'rate_limited';
  return (
    <section className="notice verify-banner" aria-labelledby="verify-banner-title">
      <h2 id="verify-banner-title" className="visually-hidden">
        {t('banner.title')}
      </h2>
      <p>
        {me.account?.commentsHeld
          ? t('banner.textHeld', { email: user.email })
          : t('banner.text', { email: user.email })}{' '}
        <button
          type="button"
          className="button secondary small"
          aria-disabled={resend.isPending || undefined}
          onClick={() => !resend.isPending && resend.mutate()}
        >
          {resend.isPending ? t('banner.sending') : t('banner.resend')}
        </button>
      </p>
      <p role="status">
        {resend.isSuccess ? t('banner.sent', { email: user.email }) : null}
        {resend.isError ? (limited ? t('banner.limited') : t('banner.failed')) : null}
      </p>
    </section>
  );
}
