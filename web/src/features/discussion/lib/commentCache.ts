import type { CommentDto, CommentListResponse } from '@convene/shared';
import type { InfiniteData } from '@tanstack/react-query';

export type CommentPages = InfiniteData<CommentListResponse, string | null>;

/**
 * Pure updates of one cached, paginated comment list. Each returns the same object when
 * nothing changed, and keeps every untouched page and comment, so memoized rows stay put.
 */
function mapPages(data: CommentPages, fn: (list: CommentDto[]) => CommentDto[]): CommentPages {
  let changed = false;
  const pages = data.pages.map((page) => {
    const next = fn(page.comments);
    if (next === page.comments) return page;
    changed = true;
    return { ...page, comments: next };
  });
  return changed ? { ...data, pages } : data;
}

export function findComment(data: Pick<CommentPages, 'pages'> | undefined, id: string): CommentDto | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.comments.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

export function updateComment(data: CommentPages, id: string, update: (c: CommentDto) => CommentDto): CommentPages {
  return mapPages(data, (list) => {
    const i = list.findIndex((c) => c.id === id);
    if (i < 0) return list;
    const next = update(list[i] as CommentDto);
    if (next === list[i]) return list;
    const copy = list.slice();
    copy[i] = next;
    return copy;
  });
}

export function removeComment(data: CommentPages, id: string): CommentPages {
  return mapPages(data, (list) => (list.some((c) => c.id === id) ? list.filter((c) => c.id !== id) : list));
}

/** Adds the viewer's new comment at the end (it is the newest), or replaces an earlier copy. */
export function appendComment(data: CommentPages, comment: CommentDto): CommentPages {
  if (findComment(data, comment.id)) return updateComment(data, comment.id, () => comment);
  const last = data.pages.length - 1;
  if (last < 0) return data;
  return {
    ...data,
    pages: data.pages.map((p, i) => (i === last ? { ...p, comments: [...p.comments, comment] } : p)),
  };
}

/** Adds the viewer's new comment at the start of a newest-first list, or replaces an earlier copy. */
export function prependComment(data: CommentPages, comment: CommentDto): CommentPages {
  if (findComment(data, comment.id)) return updateComment(data, comment.id, () => comment);
  if (data.pages.length === 0) return data;
  return {
    ...data,
    pages: data.pages.map((p, i) => (i === 0 ? { ...p, comments: [comment, ...p.comments] } : p)),
  };
}

/**
 * A comment as a live event carries it (seen by an anonymous reader) merged into the one the
 * viewer has: the text and its facts come from the event, what is personal stays.
 */
export function mergePublic(mine: CommentDto, event: CommentDto): CommentDto {
  return {
    ...event,
    abilities: mine.abilities,
    // The public copy cannot know whether this viewer reported it.
    reportedByMe: mine.reportedByMe,
    ...(mine.bodyMd !== undefined && mine.version === event.version ? { bodyMd: mine.bodyMd } : {}),
    ...(mine.pendingRevision !== undefined ? { pendingRevision: mine.pendingRevision } : {}),
    ...(mine.reason !== undefined ? { reason: mine.reason } : {}),
  };
}
