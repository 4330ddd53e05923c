import type { NoteDto, SaveNoteRequest } from '@convene/shared';

/** A section as the editor holds it: `key` is stable for React; `id` is the server's, once saved. */
export interface DraftSection {
  key: string;
  id?: string;
  title: string;
  bodyMd: string;
  commentIds: string[];
}

/** The note as being edited. `targetWords` stays text while typed (it may be empty for a moment). */
export interface Draft {
  title: string;
  targetWords: string;
  sections: DraftSection[];
}

let counter = 0;
export const newSectionKey = () => `new-${Date.now().toString(36)}-${++counter}`;

export const draftFromNote = (note: NoteDto): Draft => ({
  title: note.title,
  targetWords: String(note.targetWords),
  sections: note.sections.map((s) => ({
    key: s.id,
    id: s.id,
    title: s.title,
    bodyMd: s.bodyMd,
    commentIds: s.commentIds,
  })),
});

export const targetNumber = (d: Draft): number | null => {
  const n = Number(d.targetWords.trim());
  return d.targetWords.trim() !== '' && Number.isInteger(n) ? n : null;
};

export function toRequest(d: Draft, version: number): SaveNoteRequest {
  return {
    title: d.title.trim(),
    targetWords: targetNumber(d) ?? 0,
    version,
    sections: d.sections.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      title: s.title.trim(),
      bodyMd: s.bodyMd,
      commentIds: s.commentIds,
    })),
  };
}

/** Whether two drafts hold the same content (section ids of unsaved sections aside). */
export function sameContent(a: Draft, b: Draft): boolean {
  if (a.title.trim() !== b.title.trim() || targetNumber(a) !== targetNumber(b)) return false;
  if (a.sections.length !== b.sections.length) return false;
  return a.sections.every((s, i) => {
    const o = b.sections[i];
    return (
      o !== undefined &&
      s.title.trim() === o.title.trim() &&
      s.bodyMd === o.bodyMd &&
      s.commentIds.join() === o.commentIds.join()
    );
  });
}

/** What the server will refuse, checked before sending; keys as in `fieldKey`. */
export function validateDraft(d: Draft): Record<string, 'required' | 'targetWords' | 'tooLong'> {
  const errors: Record<string, 'required' | 'targetWords' | 'tooLong'> = {};
  if (!d.title.trim()) errors.title = 'required';
  else if (d.title.trim().length > 200) errors.title = 'tooLong';
  const n = targetNumber(d);
  if (n === null || n < 50 || n > 50_000) errors.targetWords = 'targetWords';
  d.sections.forEach((s) => {
    if (!s.title.trim()) errors[fieldKey(s.key, 'title')] = 'required';
    else if (s.title.trim().length > 300) errors[fieldKey(s.key, 'title')] = 'tooLong';
  });
  return errors;
}

/** The key of a section's field in the editor's error map. */
export const fieldKey = (sectionKey: string, field: 'title' | 'bodyMd' | 'commentIds') => `${sectionKey}:${field}`;

/** Maps the server's field names (`sections.2.bodyMd`) to the editor's keys, by the sections sent. */
export function mapServerFields(
  fields: { field: string; message: string }[],
  sentKeys: string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of fields) {
    const m = /^sections\.(\d+)\.(title|bodyMd|commentIds|id)/.exec(field);
    if (m) {
      const key = sentKeys[Number(m[1])];
      const name = m[2] === 'id' ? 'title' : (m[2] as 'title' | 'bodyMd' | 'commentIds');
      if (key) out[fieldKey(key, name)] ??= message;
    } else {
      const top = field.split('.')[0] ?? field;
      out[top === 'sections' ? 'sections' : top] ??= message;
    }
  }
  return out;
}

// --- This device's copy: nothing typed is lost to a reload or a dropped connection. ---

interface Stored {
  baseVersion: number;
  draft: Draft;
  changedAt: string;
}

export interface KeptText {
  draft: Draft;
  reason: 'conflict' | 'reload' | 'restore' | 'stale';
  at: string;
}

const draftKey = (noteId: string) => `convene.note.${noteId}.draft`;
const keptKey = (noteId: string) => `convene.note.${noteId}.kept`;

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the editor still works, only without the device copy.
  }
}

const isDraft = (d: unknown): d is Draft =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as Draft).title === 'string' &&
  typeof (d as Draft).targetWords === 'string' &&
  Array.isArray((d as Draft).sections);

export function loadStoredDraft(noteId: string): Stored | null {
  const s = read<Stored>(draftKey(noteId));
  return s && typeof s.baseVersion === 'number' && isDraft(s.draft) ? s : null;
}
export const storeDraft = (noteId: string, s: Stored) => write(draftKey(noteId), s);
export const clearStoredDraft = (noteId: string) => localStorage.removeItem(draftKey(noteId));

export function loadKept(noteId: string): KeptText | null {
  const k = read<KeptText>(keptKey(noteId));
  return k && isDraft(k.draft) ? k : null;
}
export const storeKept = (noteId: string, k: KeptText) => write(keptKey(noteId), k);
export const clearKept = (noteId: string) => localStorage.removeItem(keptKey(noteId));
