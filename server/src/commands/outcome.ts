import { type Locale, NOTE_CITATION } from '@convene/shared';
import { and, eq } from 'drizzle-orm';
import { appendEvent } from './events.js';
import type { Database } from '../db/client.js';
import { type NoteSnapshot, type OutcomeContent, type User, noteVersions, outcomes } from '../db/schema/index.js';
import { fieldInvalid, notFound } from '../errors.js';
import { renderMarkdown, sanitizeRendered } from '../markdown.js';
import { authorize } from '../policies/index.js';
import { citedIds, loadNote } from '../queries/notes.js';

/**
 * Publishing a note as its space's outcome. The outcome is a snapshot: the chosen version's
 * sections rendered to sanitised HTML once, now, and kept; saving the note later changes nothing
 * public until a chair publishes again. Unpublishing removes it. Both are announced on the
 * space's public live stream (`outcome.published`, `outcome.unpublished`) in their transaction.
 */

// Private-use characters: a citation's marker survives markdown rendering as plain text.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;
const MARKED = /\uE000(\d+)\uE001/g;

/** The footnote anchors the page links to (ids the sanitiser keeps: `fn…`, `fnref…`). */
export const footnoteAnchor = (n: number) => `fn-outcome-${n}`;

/**
 * One note version as public HTML: each section's markdown rendered and sanitised, every
 * `[@<comment id>]` a numbered reference (numbered by first appearance across the note, one number
 * per contribution) to the footnote list the page prints from `citations`.
 */
export function renderOutcome(snapshot: NoteSnapshot): OutcomeContent {
  const numbers = new Map<string, number>();
  for (const s of snapshot.sections) {
    for (const id of citedIds(s.bodyMd)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  }
  const seen = new Map<number, number>();
  const sections = snapshot.sections.map((s, i) => {
    const marked = s.bodyMd
      .replace(MARKS, '')
      .replace(NOTE_CITATION, (m, id: string) => {
        const n = numbers.get(id.toLowerCase());
        return n === undefined ? m : `${MARK_OPEN}${n}${MARK_CLOSE}`;
      })
      // A reference sits against the word it follows ("diaspora¹"), as in the Word export.
      .replace(/[ \t]+\uE000/g, MARK_OPEN);
    const html = renderMarkdown(marked, `outcome-s${i + 1}`).replace(MARKED, (_m, digits: string) => {
      const n = Number(digits);
      const k = (seen.get(n) ?? 0) + 1;
      seen.set(n, k);
      return `<sup class="footnote-ref"><a href="#${footnoteAnchor(n)}" id="fnref-outcome-${n}-${k}">${n}</a></sup>`;
    });
    // The references were added after sanitising: the whole section passes the wall again.
    return { title: s.title, html: sanitizeRendered(html) };
  });
  return {
    title: snapshot.title,
    sections,
    citations: [...numbers].map(([commentId, number]) => ({ number, commentId })),
  };
}

/**
 * Publishes saved version `input.version` of the note as its space's outcome (replacing the
 * space's outcome, whichever note it came from). 401 for a guest, 404 for a viewer who may not
 * read the note, 403 for staff who are not chairs, 400 naming `version` for a version that does
 * not exist.
 */
export async function publishOutcome(
  db: Database,
  user: User,
  noteId: string,
  input: { version: number; language: Locale },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { note, scope } = await loadNote(tx, noteId, user, { forUpdate: true });
    authorize(user, 'note.publish', scope);
    const [row] = await tx
      .select({ snapshot: noteVersions.snapshot })
      .from(noteVersions)
      .where(and(eq(noteVersions.noteId, noteId), eq(noteVersions.version, input.version)))
      .limit(1);
    if (!row) throw fieldInvalid('version', `This note has no version ${input.version}`);
    const content = renderOutcome(row.snapshot);
    const values = {
      noteId,
      version: input.version,
      language: input.language,
      content,
      publishedBy: user.id,
      publishedAt: new Date(),
    };
    await tx
      .insert(outcomes)
      .values({ spaceId: note.spaceId, ...values })
      .onConflictDoUpdate({ target: outcomes.spaceId, set: values });
    await appendEvent(tx, {
      kind: 'outcome.published',
      spaceId: note.spaceId,
      payload: { noteId, version: input.version, publishedAt: values.publishedAt.toISOString() },
    });
  });
}

/** Takes the note's outcome off its space (404 `Outcome` when this note is not the one published). */
export async function unpublishOutcome(db: Database, user: User, noteId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { note, scope } = await loadNote(tx, noteId, user, { forUpdate: true });
    authorize(user, 'note.publish', scope);
    const removed = await tx
      .delete(outcomes)
      .where(and(eq(outcomes.spaceId, note.spaceId), eq(outcomes.noteId, noteId)))
      .returning({ spaceId: outcomes.spaceId });
    if (removed.length === 0) throw notFound('Outcome');
    await appendEvent(tx, {
      kind: 'outcome.unpublished',
      spaceId: note.spaceId,
      payload: { noteId, version: null, publishedAt: null },
    });
  });
}
