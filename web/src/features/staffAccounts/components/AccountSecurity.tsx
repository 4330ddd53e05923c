import { SessionsList } from './SessionsList';
import { TwoFactorPanel } from './TwoFactorPanel';

/** The account page's security sections: two-factor sign-in and active sessions. */
export function AccountSecurity({ userId }: { userId: string }) {
  return (
    <>
      <TwoFactorPanel userId={userId} />
      <SessionsList userId={userId} />
    </>
  );
}
