import { useEffect, useRef } from 'react';
import { type SpaceListener, live } from '../../../lib/live';

/** Listens to several spaces' live events at once (the cross-space queue). */
export function useLiveSpaces(slugs: string[], listener: SpaceListener): void {
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  const key = [...new Set(slugs)].sort().join(' ');
  useEffect(() => {
    if (!key) return;
    const offs = key.split(' ').map((slug) =>
      live.subscribe(slug, {
        onEvent: (e) => ref.current.onEvent?.(e),
        onReset: () => ref.current.onReset?.(),
      }),
    );
    return () => offs.forEach((off) => off());
  }, [key]);
}
