import { COMMENT_LANGUAGES, type CommentLanguage } from '@convene/shared';

/** What a composer writes into: an answer to a question, a reply, or an edit of one's own comment. */
export type DraftTarget =
  | { kind: 'question'; questionId: string }
  | { kind: 'general' }
  | { kind: 'reply'; parentId: string }
  | { kind: 'edit'; commentId: string };

export interface Draft {
  /** Chosen once per draft and resent with every attempt, so the server keeps one comment. */
  clientId: string;
  body: string;
  language: CommentLanguage | null;
  /** Tag codes. */
  tags: string[];
  /** For edits: the version the edit is based on. */
  baseVersion?: number;
  savedAt: number;
}

export const DRAFT_PREFIX = 'convene.draft.v1';

export function targetKey(target: DraftTarget): string {
  switch (target.kind) {
    case 'question':
      return `q:${target.questionId}`;
    case 'general':
      return 'g';
    case 'reply':
      return `p:${target.parentId}`;
    case 'edit':
      return `e:${target.commentId}`;
  }
}

/** One draft per person, space and target: two people sharing a browser never see each other's. */
export const draftKey = (userId: string, spaceId: string, target: DraftTarget) =>
  `${DRAFT_PREFIX}:${userId}:${spaceId}:${targetKey(target)}`;

const isLanguage = (v: unknown): v is CommentLanguage =>
  typeof v === 'string' && (COMMENT_LANGUAGES as readonly string[]).includes(v);

/** Reads a stored draft, or null when there is none or it is not one we wrote. */
export function parseDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const d = v as Record<string, unknown>;
  if (typeof d.clientId !== 'string' || typeof d.body !== 'string') return null;
  const tags = Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    clientId: d.clientId,
    body: d.body,
    language: isLanguage(d.language) ? d.language : null,
    tags,
    ...(typeof d.baseVersion === 'number' ? { baseVersion: d.baseVersion } : {}),
    savedAt: typeof d.savedAt === 'number' ? d.savedAt : 0,
  };
}

/** A storage that may be missing or full (private browsing): drafts then live only in memory. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function browserStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(storage: DraftStorage | null, key: string): Draft | null {
  try {
    return parseDraft(storage?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

/** False when the browser refused to store it. */
export function saveDraft(storage: DraftStorage | null, key: string, draft: Draft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the draft stays, which loses nothing.
  }
}

/** The targets (as `targetKey` gives them) that have a saved draft for this person and space. */
export function draftTargets(storage: DraftStorage | null, userId: string, spaceId: string): Set<string> {
  const out = new Set<string>();
  if (!storage) return out;
  const prefix = `${DRAFT_PREFIX}:${userId}:${spaceId}:`;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = parseDraft(storage.getItem(key));
      if (draft && draft.body.trim() !== '') out.add(key.slice(prefix.length));
    }
  } catch {
    // An unreadable storage has no drafts to offer.
  }
  return out;
}

/** A random v4 UUID, also where crypto.randomUUID is missing (plain-http origins). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
