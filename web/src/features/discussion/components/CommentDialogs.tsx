import { Suspense, lazy, useSyncExternalStore } from 'react';
import { useDiscussion } from '../context';

// Its own chunk: loaded the first time someone withdraws a comment.
const WithdrawDialog = lazy(() => import('./WithdrawDialog'));

/**
 * The page's withdraw dialog (native <dialog>, modal): withdrawing one's own comment. One instance
 * for the whole page, not one per comment. Reporting someone else's comment is ReportDialog.
 */
export function CommentDialogs() {
  const d = useDiscussion();
  const request = useSyncExternalStore(d.dialog.subscribe, d.dialog.get, d.dialog.get);
  if (!request) return null;
  return (
    <Suspense fallback={null}>
      <WithdrawDialog key={`${request.kind}-${request.comment.id}`} request={request} />
    </Suspense>
  );
}
