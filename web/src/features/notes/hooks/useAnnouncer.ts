import { useCallback, useState } from 'react';

/** A message for a polite live region: what an editing action did, for screen-reader users. */
export function useAnnouncer() {
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => {
    // Cleared first so the same message is announced again.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 50);
  }, []);
  return { announcement, announce };
}

export type Announce = ReturnType<typeof useAnnouncer>['announce'];
