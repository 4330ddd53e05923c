import type {
  BulkDecisionResponse,
  CommentDto,
  Decision,
  bulkDecisionResponse,
  commentResponse,
} from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** One decision, on the version the moderator saw: a stale one gets 409 with who decided first. */
export const decideComment = (id: string, body: { action: Decision; reason?: string; version: number }) =>
  api<Answer<typeof commentResponse>>(`/api/comments/${id}/decision`, { method: 'POST', body }).then(
    (r): CommentDto => r.comment,
  );

/** Many comments of one space in one transaction; each id reports its own outcome. */
export const decideBulk = (
  slug: string,
  body: { ids: string[]; action: Decision; reason?: string },
): Promise<BulkDecisionResponse> =>
  api<Answer<typeof bulkDecisionResponse>>(`/api/spaces/${encodeURIComponent(slug)}/moderation/bulk`, {
    method: 'POST',
    body,
  });

/**
 * The same request as decideComment, sent so that it survives the page being closed (a
 * decision whose undo window is still open when the moderator leaves is sent, not dropped).
 */
export function decideOnUnload(id: string, body: { action: Decision; reason?: string; version: number }): void {
  void fetch(`/api/comments/${id}/decision`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    keepalive: true,
  }).catch(() => {});
}

export function decideBulkOnUnload(slug: string, body: { ids: string[]; action: Decision; reason?: string }): void {
  void fetch(`/api/spaces/${encodeURIComponent(slug)}/moderation/bulk`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    keepalive: true,
  }).catch(() => {});
}
