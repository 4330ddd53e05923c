import { NOTE_DEFAULT_TARGET_WORDS, type SaveNoteInput } from '@convene/shared';
import { asc, eq } from 'drizzle-orm';
import { appendEvent } from './events.js';
import type { Database, Tx } from '../db/client.js';
import {
  type NoteSnapshot,
  type Space,
  type User,
  noteSectionItems,
  noteSections,
  noteVersions,
  notes,
  questions,
} from '../db/schema/index.js';
import { conflict, fieldInvalid } from '../errors.js';
import { type SpaceScope, authorize } from '../policies/index.js';
import { isCitable } from '../policies/visibility.js';
import {
  type LoadedNote,
  citedIds,
  loadNote,
  loadNoteSources,
  loadNoteVersion,
  loadSections,
  presentNote,
} from '../queries/notes.js';

/**
 * Notes are chairs' working drafts, seen by staff only: no public or moderation event and
 * no moderation audit row. Each save keeps a full snapshot in note_versions instead.
 */

/** Creates a note with one section per guiding question, titled with the question. */
export async function createNote(
  db: Database,
  user: User,
  space: Space,
  scope: SpaceScope,
  input: { title?: string | undefined; targetWords?: number | undefined },
): Promise<string> {
  authorize(user, 'note.edit', scope);
  return db.transaction(async (tx) => {
    const qs = await tx
      .select({ text: questions.text })
      .from(questions)
      .where(eq(questions.spaceId, space.id))
      .orderBy(asc(questions.position), asc(questions.createdAt));
    const [note] = await tx
      .insert(notes)
      .values({
        spaceId: space.id,
        title: input.title ?? `Background note — ${space.code}`,
        targetWords: input.targetWords ?? NOTE_DEFAULT_TARGET_WORDS,
        createdBy: user.id,
        updatedBy: user.id,
      })
      .returning();
    if (!note) throw new Error('note insert failed');
    const titles = qs.length ? qs.map((q) => q.text) : ['Key messages'];
    const sections = await tx
      .insert(noteSections)
      .values(titles.map((title, position) => ({ noteId: note.id, position, title: title.slice(0, 300) })))
      .returning({ id: noteSections.id, title: noteSections.title });
    await tx.insert(noteVersions).values({
      noteId: note.id,
      version: note.version,
      createdBy: user.id,
      snapshot: {
        title: note.title,
        targetWords: note.targetWords,
        sections: sections.map((s) => ({ id: s.id, title: s.title, bodyMd: '', commentIds: [] })),
      },
    });
    return note.id;
  });
}

/**
 * Only highlighted, published contributions of the note's own space may be placed or cited.
 * `strict` (a save) refuses anything else, naming the field; a restore instead drops
 * placements that are no longer eligible (citations stay: the exports print no details for a
 * contribution that is no longer published).
 */
async function checkSources(
  tx: Tx,
  spaceId: string,
  sections: SaveNoteInput['sections'],
  strict: boolean,
): Promise<SaveNoteInput['sections']> {
  const ids = sections.flatMap((s) => [...s.commentIds, ...(strict ? citedIds(s.bodyMd) : [])]);
  const sources = await loadNoteSources(tx, spaceId, ids);
  const eligible = (id: string) => {
    const s = sources.get(id);
    return s !== undefined && isCitable(s);
  };
  if (!strict) return sections.map((s) => ({ ...s, commentIds: s.commentIds.filter(eligible) }));
  const placed = new Map<string, number>();
  sections.forEach((s, i) => {
    s.commentIds.forEach((id, k) => {
      const field = `sections.${i}.commentIds.${k}`;
      if (!eligible(id))
        throw fieldInvalid(field, `Contribution ${id} is not a highlighted, published contribution of this space`);
      const other = placed.get(id);
      if (other !== undefined) {
        throw fieldInvalid(field, `Contribution ${id} is already placed in section ${other + 1}`);
      }
      placed.set(id, i);
    });
    for (const id of citedIds(s.bodyMd)) {
      if (!eligible(id)) {
        throw fieldInvalid(
          `sections.${i}.bodyMd`,
          `[@${id}] does not cite a highlighted, published contribution of this space`,
        );
      }
    }
  });
  return sections;
}

/** Who saved the note last, in words, for the conflict message. */
function savedBy(current: Awaited<ReturnType<typeof presentNote>>, user: User): string {
  const when = new Date(current.updatedAt).toISOString().replace('T', ' ').slice(0, 16);
  const who =
    current.updatedBy?.id === user.id
      ? 'You saved it in another window'
      : `${current.updatedBy?.displayName ?? 'Someone'} saved it`;
  return `${who} at ${when} UTC (version ${current.version}). Your changes were not saved: reload the note to see that version, then apply your changes again.`;
}

/** Replaces the note's content with `input` as a new version, inside the caller's transaction. */
async function writeVersion(
  tx: Tx,
  loaded: LoadedNote,
  user: User,
  input: Omit<SaveNoteInput, 'version'>,
  restoredFrom?: number,
): Promise<void> {
  const { note } = loaded;
  const version = note.version + 1;
  // Sections are rewritten as sent: existing ones keep their ids, new ones get one.
  await tx.delete(noteSections).where(eq(noteSections.noteId, note.id));
  const written = input.sections.length
    ? await tx
        .insert(noteSections)
        .values(
          input.sections.map((s, position) => ({
            ...(s.id ? { id: s.id } : {}),
            noteId: note.id,
            position,
            title: s.title,
            bodyMd: s.bodyMd,
          })),
        )
        .returning({ id: noteSections.id, position: noteSections.position })
    : [];
  const idAt = new Map(written.map((w) => [w.position, w.id]));
  const sections = input.sections.map((s, position) => {
    const id = idAt.get(position);
    if (!id) throw new Error('section insert failed');
    return { id, title: s.title, bodyMd: s.bodyMd, commentIds: s.commentIds };
  });
  const items = sections.flatMap((s) =>
    s.commentIds.map((commentId, position) => ({ sectionId: s.id, commentId, position })),
  );
  if (items.length) await tx.insert(noteSectionItems).values(items);
  const now = new Date();
  await tx
    .update(notes)
    .set({ title: input.title, targetWords: input.targetWords, version, updatedBy: user.id, updatedAt: now })
    .where(eq(notes.id, note.id));
  const snapshot: NoteSnapshot = {
    title: input.title,
    targetWords: input.targetWords,
    sections,
    ...(restoredFrom !== undefined ? { restoredFrom } : {}),
  };
  await tx.insert(noteVersions).values({ noteId: note.id, version, snapshot, createdBy: user.id, createdAt: now });
  // Other chairs with the note open learn of the save at once (staff of the space only).
  await appendEvent(tx, {
    kind: 'note.saved',
    spaceId: note.spaceId,
    payload: { noteId: note.id, version, updatedBy: user.displayName, updatedAt: now.toISOString() },
  });
}

/**
 * Saves the whole note in one transaction. The note row is locked, so of two chairs saving
 * from the same version one wins and the other gets a 409 `conflict` naming who saved first,
 * with the current note in `details`: nothing is silently overwritten.
 */
export async function saveNote(db: Database, user: User, noteId: string, input: SaveNoteInput, appOrigin: string) {
  await db.transaction(async (tx) => {
    const loaded = await loadNote(tx, noteId, user, { forUpdate: true });
    authorize(user, 'note.edit', loaded.scope);
    if (loaded.note.version !== input.version) {
      const current = await presentNote(tx, loaded, user, appOrigin);
      throw conflict('conflict', `This note has changed since you opened it. ${savedBy(current, user)}`, {
        note: current,
        updatedBy: current.updatedBy,
        updatedAt: current.updatedAt,
      });
    }
    const existing = new Set((await loadSections(tx, noteId)).map((s) => s.id));
    const seen = new Set<string>();
    input.sections.forEach((s, i) => {
      if (!s.id) return;
      if (!existing.has(s.id) || seen.has(s.id)) throw fieldInvalid(`sections.${i}.id`, 'No such section in this note');
      seen.add(s.id);
    });
    const sections = await checkSources(tx, loaded.space.id, input.sections, true);
    await writeVersion(tx, loaded, user, { ...input, sections });
  });
}

/** Makes an earlier version the current one, as a new version (history is never rewritten). */
export async function restoreNoteVersion(db: Database, user: User, noteId: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const loaded = await loadNote(tx, noteId, user, { forUpdate: true });
    authorize(user, 'note.edit', loaded.scope);
    const { row } = await loadNoteVersion(tx, noteId, version);
    const snap = row.snapshot;
    const sections = await checkSources(tx, loaded.space.id, snap.sections, false);
    await writeVersion(tx, loaded, user, { title: snap.title, targetWords: snap.targetWords, sections }, version);
  });
}
