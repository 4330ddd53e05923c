import type { CommentDto } from '@convene/shared';

/**
 * The comment a server message carries (a live event's `data.comment`, a 409's `details.comment`),
 * or null where there is none. The server builds it as the shared `commentSchema`; this only tells
 * a comment from its absence (see src/lib/api.ts on why answers are not parsed again here).
 */
export function commentOf(value: unknown): CommentDto | null {
  const c = value as Partial<CommentDto> | null | undefined;
  return typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.author?.id === 'string'
    ? (c as CommentDto)
    : null;
}
