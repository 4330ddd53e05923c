import { useCallback, useState } from 'react';
import { useMe } from '../../auth/api/me';

export type QueueView = 'full' | 'compact';

const key = (userId: string) => `convene.moderation.view.${userId}`;

function read(userId: string | undefined): QueueView {
  if (!userId) return 'full';
  try {
    return localStorage.getItem(key(userId)) === 'compact' ? 'compact' : 'full';
  } catch {
    return 'full';
  }
}

/**
 * Full cards or one line per item: remembered per moderator on this device (two moderators
 * sharing a browser each keep their own choice).
 */
export function useQueueView(): [QueueView, (view: QueueView) => void] {
  const userId = useMe()?.id;
  const [chosen, setChosen] = useState<{ userId: string | undefined; view: QueueView }>(() => ({
    userId,
    view: read(userId),
  }));
  // Another user signed in (or /me arrived after the first render): their own choice.
  const view = chosen.userId === userId ? chosen.view : read(userId);
  const setView = useCallback(
    (next: QueueView) => {
      setChosen({ userId, view: next });
      if (!userId) return;
      try {
        localStorage.setItem(key(userId), next);
      } catch {
        // Storage full or refused: the choice lasts for this page only.
      }
    },
    [userId],
  );
  return [view, setView];
}
