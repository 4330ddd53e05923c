import { Suspense, lazy } from 'react';
import type { HighlightToggleProps } from './HighlightToggle';

// The toggle and the moderation strings load only when a chair's page first shows one.
const Toggle = lazy(() =>
  Promise.all([import('./HighlightToggle'), import('../locales')]).then(([m]) => ({ default: m.HighlightToggle })),
);

/**
 * "Relevant for the note" for pages outside the staff area (the participant space page): render
 * it where `comment.abilities.highlight` is true. Costs participants nothing: its code and
 * strings are fetched the first time it renders.
 */
export function LazyHighlightToggle(props: HighlightToggleProps) {
  return (
    <Suspense fallback={null}>
      <Toggle {...props} />
    </Suspense>
  );
}
