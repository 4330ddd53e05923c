import { Suspense, lazy } from 'react';
import { useMe } from '../../auth/api/me';

/** The menu itself, loaded once someone is signed in: guests never download it. */
const SignedInMenu = lazy(() => import('./SignedInMenu'));

/**
 * The notifications menu in the header, for signed-in people only (see `SignedInMenu.tsx`): a bell
 * with the unread count, kept live over the app's WebSocket, opening the person's notifications.
 */
export function NotificationsMenu() {
  const me = useMe();
  if (!me) return null;
  return (
    <Suspense fallback={null}>
      <SignedInMenu key={me.id} userId={me.id} />
    </Suspense>
  );
}
