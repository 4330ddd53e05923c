import type {
  CreateQuestionInput,
  CreateSpaceInput,
  DuplicateSpaceInput,
  Locale,
  QuestionTranslationsInput,
  RoleRequest,
  SpaceTranslationsInput,
  UpdateQuestionInput,
  UpdateSpaceInput,
} from '@convene/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { commentSql } from '../policies/visibility.js';
import type { Database, Tx } from '../db/client.js';
import {
  type NewSpace,
  type Question,
  type QuestionTranslations,
  type Space,
  type SpaceTranslations,
  type User,
  comments,
  questions,
  spaceRoles,
  spaceVisits,
  spaces,
} from '../db/schema/index.js';
import { AppError, conflict, fieldInvalid, notFound } from '../errors.js';
import { renderMarkdown } from '../markdown.js';
import { listQuestions } from '../queries/spaceList.js';
import { logAdminAction, logSpaceUpdate } from './adminLog.js';
import { appendEvent } from './events.js';
import { findUserByEmail } from './users.js';

const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));

/** A translation into the space's original language is refused: that text is the main field. */
function checkNotOriginal(translations: Partial<Record<Locale, unknown>>, original: Locale): void {
  if (translations[original] !== undefined) {
    throw fieldInvalid(
      `translations.${original}`,
      'This is the space’s original language: its texts are the main fields',
    );
  }
}

/**
 * Applies per-language edits to a space's translations: a field given replaces that translation,
 * an empty one removes it, a language left with no text is dropped. Backgrounds are rendered to
 * sanitised HTML here, as the original is.
 */
function mergeSpaceTranslations(
  current: SpaceTranslations,
  edits: SpaceTranslationsInput,
  slug: string,
): SpaceTranslations {
  const out: SpaceTranslations = structuredClone(current);
  for (const [lang, fields] of Object.entries(edits) as [Locale, NonNullable<SpaceTranslationsInput[Locale]>][]) {
    const set = { ...out[lang] };
    for (const key of ['title', 'summary', 'disclaimer'] as const) {
      const value = fields[key];
      if (value === undefined) continue;
      if (value) set[key] = value;
      else delete set[key];
    }
    if (fields.background !== undefined) {
      if (fields.background.trim()) {
        set.backgroundMd = fields.background;
        set.backgroundHtml = renderMarkdown(fields.background, `${slug}-${lang}`);
      } else {
        delete set.backgroundMd;
        delete set.backgroundHtml;
      }
    }
    if (Object.values(set).some(Boolean)) out[lang] = set;
    else delete out[lang];
  }
  return out;
}

function mergeQuestionTranslations(
  current: QuestionTranslations,
  edits: QuestionTranslationsInput,
): QuestionTranslations {
  const out: QuestionTranslations = { ...current };
  for (const [lang, value] of Object.entries(edits) as [Locale, string | undefined][]) {
    if (value === undefined) continue;
    if (value) out[lang] = value;
    else delete out[lang];
  }
  return out;
}

function checkDates(opensAt: Date | null, closesAt: Date | null): void {
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
    throw fieldInvalid('closesAt', 'Must be after the opening date');
  }
}

/**
 * Tells every open page that the space changed, unless it is a draft: a draft's existence is
 * not announced publicly. Called last in the transaction (appendEvent orders ids by commit).
 * `accessChanged` (a space going back to draft, a role granted or revoked) announces a draft
 * too: the live hub must recompute who may read it, and delivers the event only to those who
 * still may (its staff); the others get `reset`.
 */
async function announceSpace(
  tx: Tx,
  space: Pick<Space, 'id' | 'slug' | 'status'>,
  accessChanged = false,
): Promise<void> {
  if (space.status === 'draft' && !accessChanged) return;
  await appendEvent(tx, { kind: 'space.changed', spaceId: space.id, payload: { slug: space.slug } });
}

/**
 * A roundtable is shown to visitors inside its session: while the session is a draft, an open
 * (or closed, or archived) roundtable would be missing from the index and look parentless on
 * its own page. So a roundtable leaves draft only once its session has: 409 `session_draft`,
 * naming the field `status` and the session to open first. (The administrator's form says so
 * before saving and offers to open the session first.) The session row is read under a share
 * lock: a change of the session's status in progress is waited for, not raced.
 */
function checkSessionVisible(status: Space['status'], session: Pick<Space, 'code' | 'title' | 'status'> | null): void {
  if (!session || status === 'draft' || session.status !== 'draft') return;
  const message = `The session ${session.code} (“${session.title}”) is still a draft, so visitors would not see this roundtable: open the session first.`;
  throw conflict('session_draft', message, { fields: [{ field: 'status', message }], session: session.code });
}

/** Creates a session, a roundtable inside one (one level of nesting only) or a stand-alone space. */
/** Inserts a space after its siblings (top level or in its session); a taken slug is a field error. */
async function insertSpace(tx: Tx, values: Omit<typeof spaces.$inferInsert, 'position'>): Promise<Space> {
  const parentId = values.parentId ?? null;
  const [last] = await tx
    .select({ max: sql<number>`coalesce(max(${spaces.position}), 0)::int` })
    .from(spaces)
    .where(parentId ? eq(spaces.parentId, parentId) : isNull(spaces.parentId));
  const [row] = await tx
    .insert(spaces)
    .values({ ...values, position: (last?.max ?? 0) + 1 })
    .onConflictDoNothing({ target: spaces.slug })
    .returning();
  if (!row) {
    throw conflict('slug_taken', 'A space with this slug already exists.', {
      fields: [{ field: 'slug', message: 'A space with this slug already exists' }],
    });
  }
  return row;
}

export async function createSpace(db: Database, input: CreateSpaceInput, actor: User): Promise<Space> {
  const opensAt = toDate(input.opensAt ?? null);
  const closesAt = toDate(input.closesAt ?? null);
  checkDates(opensAt, closesAt);
  if (input.translations) checkNotOriginal(input.translations, input.originalLanguage);
  return db.transaction(async (tx) => {
    let parentId: string | null = null;
    if (input.parentSlug) {
      const [parent] = await tx
        .select({
          id: spaces.id,
          parentId: spaces.parentId,
          code: spaces.code,
          title: spaces.title,
          status: spaces.status,
        })
        .from(spaces)
        .where(eq(spaces.slug, input.parentSlug))
        .limit(1)
        .for('share');
      if (!parent) throw fieldInvalid('parentSlug', 'No space has this slug');
      if (parent.parentId !== null) {
        throw fieldInvalid('parentSlug', 'This space is itself inside a session; spaces nest one level only');
      }
      checkSessionVisible(input.status, parent);
      parentId = parent.id;
    }
    const row = await insertSpace(tx, {
      slug: input.slug,
      code: input.code,
      title: input.title,
      parentId,
      summary: input.summary,
      backgroundMd: input.background,
      backgroundHtml: renderMarkdown(input.background, input.slug),
      status: input.status,
      opensAt,
      closesAt,
      moderationMode: input.moderationMode,
      acceptedLanguages: input.acceptedLanguages,
      disclaimer: input.disclaimer,
      originalLanguage: input.originalLanguage,
      translations: mergeSpaceTranslations({}, input.translations ?? {}, input.slug),
      contactEmail: input.contactEmail ?? null,
      createdBy: actor.id,
    });
    await logAdminAction(tx, { actor, action: 'space_created', space: row, data: { status: row.status } });
    await announceSpace(tx, row);
    return row;
  });
}

/** Applies the fields present in the request; the caller has decided which fields the actor may change. */
export async function updateSpace(
  db: Database,
  spaceId: string,
  input: UpdateSpaceInput,
  /** Given, the change is written to the administrative log (status and settings, not content). */
  actor?: User,
): Promise<Space> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(spaces).where(eq(spaces.id, spaceId)).for('no key update');
    if (!current) throw notFound('Space');
    const opensAt = input.opensAt === undefined ? current.opensAt : toDate(input.opensAt);
    const closesAt = input.closesAt === undefined ? current.closesAt : toDate(input.closesAt);
    checkDates(opensAt, closesAt);
    // Leaving draft (or moving between the visible statuses) under a session still in draft.
    if (input.status !== undefined && input.status !== current.status && current.parentId) {
      const [session] = await tx
        .select({ code: spaces.code, title: spaces.title, status: spaces.status })
        .from(spaces)
        .where(eq(spaces.id, current.parentId))
        .for('share');
      checkSessionVisible(input.status, session ?? null);
    }

    const patch: Partial<NewSpace> = { updatedAt: new Date(), opensAt, closesAt };
    if (input.code !== undefined) patch.code = input.code;
    if (input.title !== undefined) patch.title = input.title;
    if (input.summary !== undefined) patch.summary = input.summary;
    if (input.status !== undefined) patch.status = input.status;
    if (input.moderationMode !== undefined) patch.moderationMode = input.moderationMode;
    if (input.acceptedLanguages !== undefined) patch.acceptedLanguages = input.acceptedLanguages;
    if (input.disclaimer !== undefined) patch.disclaimer = input.disclaimer;
    if (input.contactEmail !== undefined) patch.contactEmail = input.contactEmail;
    if (input.background !== undefined) {
      patch.backgroundMd = input.background;
      patch.backgroundHtml = renderMarkdown(input.background, current.slug);
    }
    const original = input.originalLanguage ?? current.originalLanguage;
    if (input.translations !== undefined) {
      checkNotOriginal(input.translations, original);
      patch.translations = mergeSpaceTranslations(current.translations, input.translations, current.slug);
    }
    if (original !== current.originalLanguage) {
      // The main fields become that language's text: a translation into it would be hidden for good.
      const [translatedQuestion] = await tx
        .select({ id: questions.id })
        .from(questions)
        .where(and(eq(questions.spaceId, spaceId), sql`${questions.translations} ? ${original}`))
        .limit(1);
      if ((patch.translations ?? current.translations)[original] || translatedQuestion) {
        throw fieldInvalid(
          'originalLanguage',
          'The space has a translation into this language: remove it first (or copy it into the main fields)',
        );
      }
      patch.originalLanguage = original;
    }
    const [row] = await tx.update(spaces).set(patch).where(eq(spaces.id, spaceId)).returning();
    if (!row) throw notFound('Space');
    const fields = Object.entries(input).flatMap(([k, v]) => (v === undefined ? [] : [k]));
    await logSpaceUpdate(tx, actor, current, row, fields);
    // A draft that opens is announced; a space going back to draft, to its staff only.
    await announceSpace(tx, row, current.status !== 'draft' && row.status === 'draft');
    return row;
  });
}

/**
 * Locks the space's question list for a reorder. The space row serialises every edit of the
 * list (including an insert into an empty one, where there is no question row to lock); the
 * question rows are locked too so no comment can attach to one being deleted meanwhile.
 */
async function lockQuestions(tx: Tx, spaceId: string): Promise<{ space: Space; list: Question[] }> {
  const [space] = await tx.select().from(spaces).where(eq(spaces.id, spaceId)).for('no key update');
  if (!space) throw notFound('Space');
  const list = await tx
    .select()
    .from(questions)
    .where(eq(questions.spaceId, spaceId))
    .orderBy(asc(questions.position), asc(questions.createdAt), asc(questions.id))
    .for('update');
  return { space, list };
}

/** Gives the questions positions 1..n in the given order, in one statement. */
async function renumber(tx: Tx, ordered: Question[]): Promise<void> {
  const changed = ordered.flatMap((q, i) => (q.position === i + 1 ? [] : [{ id: q.id, position: i + 1 }]));
  if (changed.length === 0) return;
  const cases = sql.join(
    changed.map((c) => sql`when ${c.id}::uuid then ${c.position}::int`),
    sql` `,
  );
  await tx
    .update(questions)
    .set({ position: sql`case ${questions.id} ${cases} end` })
    .where(
      inArray(
        questions.id,
        changed.map((c) => c.id),
      ),
    );
}

async function announceQuestions(tx: Tx, space: Space): Promise<void> {
  if (space.status === 'draft') return;
  // Public payload: counts as a guest sees them, nothing viewer-specific.
  const list = await listQuestions(tx, space.id, null, { original: space.originalLanguage, asked: null });
  await appendEvent(tx, { kind: 'question.changed', spaceId: space.id, payload: { questions: list } });
}

const clamp = (n: number, max: number) => Math.min(Math.max(n, 1), max);

/** Adds a guiding question at a position (default: the end); those after it move down. */
export async function createQuestion(db: Database, spaceId: string, input: CreateQuestionInput): Promise<void> {
  await db.transaction(async (tx) => {
    const { space, list } = await lockQuestions(tx, spaceId);
    const position = clamp(input.position ?? list.length + 1, list.length + 1);
    if (input.translations) checkNotOriginal(input.translations, space.originalLanguage);
    const translations = mergeQuestionTranslations({}, input.translations ?? {});
    const [row] = await tx.insert(questions).values({ spaceId, position, text: input.text, translations }).returning();
    if (!row) throw new Error('question insert failed');
    list.splice(position - 1, 0, row);
    await renumber(tx, list);
    await announceQuestions(tx, space);
  });
}

/** Edits a question's text and/or moves it; the others shift so positions stay 1..n. */
export async function updateQuestion(
  db: Database,
  spaceId: string,
  questionId: string,
  input: UpdateQuestionInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { space, list } = await lockQuestions(tx, spaceId);
    const index = list.findIndex((q) => q.id === questionId);
    const [question] = index < 0 ? [] : list.splice(index, 1);
    if (!question) throw notFound('Question');
    if (input.translations) checkNotOriginal(input.translations, space.originalLanguage);
    if (input.text !== undefined || input.translations !== undefined) {
      await tx
        .update(questions)
        .set({
          ...(input.text !== undefined ? { text: input.text } : {}),
          ...(input.translations !== undefined
            ? { translations: mergeQuestionTranslations(question.translations, input.translations) }
            : {}),
          updatedAt: new Date(),
        })
        .where(eq(questions.id, questionId));
    }
    const target = input.position === undefined ? index + 1 : clamp(input.position, list.length + 1);
    list.splice(target - 1, 0, question);
    await renumber(tx, list);
    await announceQuestions(tx, space);
  });
}

/** Deletes a question nobody has answered (withdrawn answers aside) and closes the gap. */
export async function deleteQuestion(db: Database, spaceId: string, questionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { space, list } = await lockQuestions(tx, spaceId);
    const index = list.findIndex((q) => q.id === questionId);
    if (index < 0) throw notFound('Question');
    const [answered] = await tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.questionId, questionId), commentSql.notWithdrawn()))
      .limit(1);
    if (answered) {
      throw conflict(
        'question_has_comments',
        'This question has answers (published, pending or rejected), so it cannot be deleted; edit its text instead.',
      );
    }
    await tx.delete(questions).where(eq(questions.id, questionId));
    list.splice(index, 1);
    await renumber(tx, list);
    await announceQuestions(tx, space);
  });
}

async function findGrantee(db: Database, email: string): Promise<User> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    throw new AppError(404, 'not_found', 'No account has this email.', {
      fields: [{ field: 'email', message: 'No account has this email' }],
    });
  }
  return user;
}

/** Appoints a moderator or chair; granting a role already held changes nothing. */
export async function grantSpaceRole(db: Database, space: Space, input: RoleRequest, actor: User): Promise<void> {
  const user = await findGrantee(db, input.email);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(spaceRoles)
      .values({ spaceId: space.id, userId: user.id, role: input.role, grantedBy: actor.id })
      .onConflictDoNothing()
      .returning({ userId: spaceRoles.userId });
    // The public page lists moderators and chairs by name.
    if (inserted.length > 0) {
      await logAdminAction(tx, { actor, action: 'role_granted', targetUser: user, space, data: { role: input.role } });
      await announceSpace(tx, space, true);
    }
  });
}

/** Removes a role; revoking one not held changes nothing. */
export async function revokeSpaceRole(db: Database, space: Space, input: RoleRequest, actor?: User): Promise<void> {
  const user = await findGrantee(db, input.email);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(spaceRoles)
      .where(and(eq(spaceRoles.spaceId, space.id), eq(spaceRoles.userId, user.id), eq(spaceRoles.role, input.role)))
      .returning({ userId: spaceRoles.userId });
    if (deleted.length > 0) {
      await logAdminAction(tx, { actor, action: 'role_revoked', targetUser: user, space, data: { role: input.role } });
      await announceSpace(tx, space, true);
    }
  });
}

/** Marks the space seen now: its "new" counts restart from zero for this user. */
export async function markSpaceSeen(db: Database, spaceId: string, user: User): Promise<void> {
  await db
    .insert(spaceVisits)
    .values({ userId: user.id, spaceId, seenAt: sql`now()` })
    .onConflictDoUpdate({ target: [spaceVisits.userId, spaceVisits.spaceId], set: { seenAt: sql`now()` } });
}

/**
 * Starts the next roundtable from an existing space, in one transaction: a new draft in the same
 * session (last in its order), with the source's settings (summary, background, moderation mode,
 * languages, disclaimer, contact) and guiding questions in their order, and, when `copyRoles`,
 * its own moderators and chairs (a session's roles reach the copy through the session anyway).
 * Not copied: comments, notes, and the dates, which belong to the source's own schedule.
 * The new address and code must be free: 409 naming `slug` or `code`. A draft is announced to
 * nobody, so no event is written.
 */
export async function duplicateSpace(
  db: Database,
  sourceId: string,
  input: DuplicateSpaceInput,
  actor: User,
): Promise<Space> {
  return db.transaction(async (tx) => {
    // The source as it is now: its settings and questions cannot change until the copy is made
    // (every edit of a space or of its question list locks the space row for update).
    const [source] = await tx.select().from(spaces).where(eq(spaces.id, sourceId)).for('share');
    if (!source) throw notFound('Space');
    const list = await tx
      .select({ text: questions.text, translations: questions.translations })
      .from(questions)
      .where(eq(questions.spaceId, sourceId))
      .orderBy(asc(questions.position), asc(questions.createdAt), asc(questions.id));
    // Codes have no unique index: two copies naming the same code wait for each other here.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('convene.space-code'), hashtext(${input.code.toLowerCase()}))`,
    );
    const [sameCode] = await tx
      .select({ slug: spaces.slug })
      .from(spaces)
      .where(sql`lower(${spaces.code}) = ${input.code.toLowerCase()}`)
      .limit(1);
    if (sameCode) {
      throw conflict('code_taken', `The space ${sameCode.slug} already has the code ${input.code}.`, {
        fields: [{ field: 'code', message: 'Another space already has this code' }],
      });
    }
    const row = await insertSpace(tx, {
      slug: input.slug,
      code: input.code,
      title: input.title,
      parentId: source.parentId,
      summary: source.summary,
      backgroundMd: source.backgroundMd,
      backgroundHtml: renderMarkdown(source.backgroundMd, input.slug),
      status: 'draft',
      opensAt: null,
      closesAt: null,
      moderationMode: source.moderationMode,
      acceptedLanguages: source.acceptedLanguages,
      disclaimer: source.disclaimer,
      originalLanguage: source.originalLanguage,
      // The translations too, minus the title's (the copy has a title of its own), backgrounds re-rendered.
      translations: mergeSpaceTranslations(
        {},
        Object.fromEntries(
          Object.entries(source.translations).map(([lang, set]) => [
            lang,
            { summary: set?.summary, background: set?.backgroundMd, disclaimer: set?.disclaimer },
          ]),
        ),
        input.slug,
      ),
      contactEmail: source.contactEmail,
      createdBy: actor.id,
    });
    if (list.length > 0) {
      await tx
        .insert(questions)
        .values(list.map((q, i) => ({ spaceId: row.id, position: i + 1, text: q.text, translations: q.translations })));
    }
    if (input.copyRoles) {
      const roles = await tx
        .select({ userId: spaceRoles.userId, role: spaceRoles.role })
        .from(spaceRoles)
        .where(eq(spaceRoles.spaceId, source.id));
      if (roles.length > 0) {
        await tx
          .insert(spaceRoles)
          .values(roles.map((r) => ({ spaceId: row.id, userId: r.userId, role: r.role, grantedBy: actor.id })))
          .onConflictDoNothing();
      }
    }
    return row;
  });
}
