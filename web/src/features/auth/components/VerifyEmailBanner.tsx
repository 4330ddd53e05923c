import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { meQuery } from '../api/me';

// Its own chunk (with its words): only a signed-in person with an unverified address loads it.
const ResendVerification = lazy(() => import('./ResendVerification'));

/** The banner of every page for a signed-in person whose address is not verified yet. */
export function VerifyEmailBanner() {
  const user = useQuery(meQuery).data?.user;
  if (!user || user.emailVerified) return null;
  return (
    <Suspense fallback={null}>
      <ResendVerification />
    </Suspense>
  );
}
