import type { SpaceSummary } from '@convene/shared';

export type SpaceState =
  | { kind: 'draft' }
  | { kind: 'archived' }
  | { kind: 'closed'; closedAt: string | null }
  | { kind: 'notYetOpen'; opensAt: string }
  | { kind: 'open'; closesAt: string | null };

/** What a reader should be told about a space's state right now. */
export function spaceState(
  s: Pick<SpaceSummary, 'status' | 'isOpen' | 'opensAt' | 'closesAt'>,
  now = Date.now(),
): SpaceState {
  if (s.status === 'draft') return { kind: 'draft' };
  if (s.status === 'archived') return { kind: 'archived' };
  if (s.status === 'closed') return { kind: 'closed', closedAt: null };
  if (s.opensAt && new Date(s.opensAt).getTime() > now) return { kind: 'notYetOpen', opensAt: s.opensAt };
  if (s.closesAt && new Date(s.closesAt).getTime() <= now) return { kind: 'closed', closedAt: s.closesAt };
  if (!s.isOpen) return { kind: 'closed', closedAt: null };
  return { kind: 'open', closesAt: s.closesAt };
}
