import type {
  CreateSpaceRequest,
  DuplicateSpaceRequest,
  SpaceDetail,
  UpdateSpaceRequest,
  previewResponse,
  spaceDetailResponse,
} from '@convene/shared';
import type { QueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../../lib/api';

export { spaceQuery, spacesQuery, useSpace } from '../../moderation/api/spaces';

export const createSpace = (body: CreateSpaceRequest) =>
  api<Answer<typeof spaceDetailResponse>>('/api/spaces', { method: 'POST', body }).then((r) => r.space);

export const updateSpace = (slug: string, body: UpdateSpaceRequest) =>
  api<Answer<typeof spaceDetailResponse>>(`/api/spaces/${encodeURIComponent(slug)}`, { method: 'PATCH', body }).then(
    (r) => r.space,
  );

/** The HTML a markdown text will be published as (the server's renderer and sanitiser). */
export const preview = (body: string, signal?: AbortSignal) =>
  api<Answer<typeof previewResponse>>('/api/preview', { method: 'POST', body: { body }, signal }).then((r) => r.html);

/** After a change: the space's own entry, and the lists that show it. */
export function spaceChanged(qc: QueryClient, space: SpaceDetail): void {
  qc.setQueryData(['space', space.slug], space);
  void qc.invalidateQueries({ queryKey: ['spaces'] });
}

/** A draft copy of the space (settings, background, questions; its roles if asked), for the next roundtable. */
export const duplicateSpace = (slug: string, body: DuplicateSpaceRequest) =>
  api<Answer<typeof spaceDetailResponse>>(`/api/spaces/${encodeURIComponent(slug)}/duplicate`, {
    method: 'POST',
    body,
  }).then((r) => r.space);
