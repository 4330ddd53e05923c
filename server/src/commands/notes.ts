import { type Locale, NOTE_DEFAULT_TARGET_WORDS, type SaveNoteInput } from '@convene/shared';
import { and, asc, desc, eq } from 'drizzle-orm';
import { appendEvent } from './events.js';
import type { Database, Tx } from '../db/client.js';
import {
  type NoteSnapshot,
  type NoteVersion,
  type Space,
  type User,
  noteSectionItems,
  noteSections,
  noteVersions,
  notes,
  questions,
} from '../db/schema/index.js';
import { conflict, fieldInvalid, notFound } from '../errors.js';
import { type SpaceScope, authorize } from '../policies/index.js';
import { isCitable } from '../policies/visibility.js';
import { questionText } from '../presenters/spaceTexts.js';
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
 * no moderation audit row. Their history is note_versions: a full snapshot per pause in the editing.
 */

/**
 * A new note's default title and the title of its one section when the space has no question, in
 * the creator's interface language (the same words as the web's `create.defaultTitle` and
 * `keyMessages.title`): the authors rename them, so they are the authors' text from then on.
 */
const NEW_NOTE_WORDS: Record<Locale, { title: (code: string) => string; keyMessages: string }> = {
  en: { title: (code) => `Background note — ${code}`, keyMessages: 'Key messages' },
  fr: { title: (code) => `Note de synthèse — ${code}`, keyMessages: 'Messages clés' },
  es: { title: (code) => `Nota de antecedentes — ${code}`, keyMessages: 'Mensajes clave' },
  ar: { title: (code) => `مذكرة أساسية — ${code}`, keyMessages: 'الرسائل الرئيسية' },
  zh: { title: (code) => `背景说明 — ${code}`, keyMessages: '关键信息' },
  ru: { title: (code) => `Справочная записка — ${code}`, keyMessages: 'Ключевые идеи' },
};

/**
 * Creates a note with one section per guiding question, titled with the question. `lang` is the
 * creator's interface language: the default title, and the questions where translated into it.
 */
export async function createNote(
  db: Database,
  user: User,
  space: Space,
  scope: SpaceScope,
  input: { title?: string | undefined; targetWords?: number | undefined },
  lang: Locale = 'en',
): Promise<string> {
  authorize(user, 'note.edit', scope);
  const words = NEW_NOTE_WORDS[lang];
  return db.transaction(async (tx) => {
    const qs = await tx
      .select({ text: questions.text, translations: questions.translations })
      .from(questions)
      .where(eq(questions.spaceId, space.id))
      .orderBy(asc(questions.position), asc(questions.createdAt));
    const [note] = await tx
      .insert(notes)
      .values({
        spaceId: space.id,
        title: input.title ?? words.title(space.code),
        targetWords: input.targetWords ?? NOTE_DEFAULT_TARGET_WORDS,
        createdBy: user.id,
        updatedBy: user.id,
      })
      .returning();
    if (!note) throw new Error('note insert failed');
    const titles = qs.length ? qs.map((q) => questionText(q, space.originalLanguage, lang).text) : [words.keyMessages];
    const sections = await tx
      .insert(noteSections)
      .values(titles.map((title, position) => ({ noteId: note.id, position, title: title.slice(0, 300) })))
      .returning({ id: noteSections.id, title: noteSections.title });
    await tx.insert(noteVersions).values({
      noteId: note.id,
      version: note.version,
      createdBy: user.id,
      createdAt: note.createdAt,
      updatedAt: note.createdAt,
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

/** However short the pauses, a version spans at most this long of editing. */
export const NOTE_VERSION_MAX_SPAN_MS = 60 * 60_000;

/**
 * Whether a save folds into the latest version rather than starting one: it is unnamed, not a
 * restore, by the same person, last saved less than `pauseMs` ago and begun less than
 * NOTE_VERSION_MAX_SPAN_MS ago. `pauseMs` 0 makes every save a version.
 */
function foldsInto(latest: NoteVersion, user: User, now: Date, pauseMs: number): boolean {
  return (
    latest.name === null &&
    latest.snapshot.restoredFrom === undefined &&
    latest.createdBy === user.id &&
    now.getTime() - latest.updatedAt.getTime() < pauseMs &&
    now.getTime() - latest.createdAt.getTime() < NOTE_VERSION_MAX_SPAN_MS
  );
}

/**
 * Replaces the note's content with `input`, inside the caller's transaction. The note's version
 * goes up by one (what concurrent saves are checked against); the history gets a new version, or
 * the latest one is updated when the save comes within the pause (`foldsInto`). A restore is
 * always a new version.
 */
async function writeVersion(
  tx: Tx,
  loaded: LoadedNote,
  user: User,
  input: Omit<SaveNoteInput, 'version'>,
  pauseMs: number,
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
  const [latest] = await tx
    .select()
    .from(noteVersions)
    .where(eq(noteVersions.noteId, note.id))
    .orderBy(desc(noteVersions.version))
    .limit(1);
  if (restoredFrom === undefined && latest && foldsInto(latest, user, now, pauseMs)) {
    // The same chair still at it: the latest version follows the text instead of a new one.
    await tx
      .update(noteVersions)
      .set({ version, snapshot, updatedAt: now })
      .where(and(eq(noteVersions.noteId, note.id), eq(noteVersions.version, latest.version)));
  } else {
    await tx
      .insert(noteVersions)
      .values({ noteId: note.id, version, snapshot, createdBy: user.id, createdAt: now, updatedAt: now });
  }
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
export async function saveNote(
  db: Database,
  user: User,
  noteId: string,
  input: SaveNoteInput,
  options: { appOrigin: string; pauseMs: number },
) {
  const { appOrigin, pauseMs } = options;
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
    await writeVersion(tx, loaded, user, { ...input, sections }, pauseMs);
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
    await writeVersion(tx, loaded, user, { title: snap.title, targetWords: snap.targetWords, sections }, 0, version);
  });
}

/** Names a version (or takes its name off with null or ""); a named version is never updated again. */
export async function nameNoteVersion(
  db: Database,
  user: User,
  noteId: string,
  version: number,
  name: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    // The note's lock: a save folding into this version waits, then sees the name.
    const loaded = await loadNote(tx, noteId, user, { forUpdate: true });
    authorize(user, 'note.edit', loaded.scope);
    const named = await tx
      .update(noteVersions)
      .set({ name: name === '' ? null : name })
      .where(and(eq(noteVersions.noteId, noteId), eq(noteVersions.version, version)))
      .returning({ version: noteVersions.version });
    if (named.length === 0) throw notFound('Version');
  });
}
