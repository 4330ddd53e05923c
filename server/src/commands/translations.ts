import type { CommentDto, CommentTranslationDto, Locale } from '@convene/shared';
import { and, eq } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import { type Comment, commentTranslations } from '../db/schema/index.js';
import { fieldInvalid, notFound } from '../errors.js';
import { type Viewer, authorize, requireSignedIn } from '../policies/index.js';
import { translationSource } from '../policies/visibility.js';
import { renderMarkdown } from '../markdown.js';
import { presentTranslation } from '../presenters/comment.js';
import { type LoadedComment, loadComment, presentOne } from '../queries/comments.js';
import { scopeOf } from '../queries/spaces.js';
import { appendEvent } from './events.js';

/**
 * Translations of a contribution (`PUT/DELETE /comments/:id/translations/:lang`): the space's
 * staff (`translation.write`: moderators, chairs, administrators; published comments only)
 * write one per language the space accepts other than the comment's own. Each records the
 * published text it translates (`translationSource`); when that text or its language changes the
 * translation is outdated, and readers no longer see it until it is written again
 * (`visibleTranslations`). Readers get the change as the comment's public copy (`comment.updated`).
 */

/** Loads the comment (404 if the viewer may not read it), locked, and authorizes the write (403). */
async function forWriting(tx: Tx, viewer: Viewer, commentId: string): Promise<LoadedComment> {
  requireSignedIn(viewer);
  const loaded = await loadComment(tx, commentId, viewer, { forUpdate: true });
  authorize(viewer, 'translation.write', loaded.scope);
  return loaded;
}

/** Announces the comment's new public copy (translations included) to whoever may read the space. */
async function announce(tx: Tx, loaded: LoadedComment, comment: Comment) {
  await appendEvent(tx, {
    kind: 'comment.updated',
    spaceId: comment.spaceId,
    payload: { comment: await presentOne(tx, comment, null, scopeOf(loaded.space, undefined)) },
  });
}

export async function putTranslation(
  db: Database,
  viewer: Viewer,
  commentId: string,
  language: Locale,
  body: string,
): Promise<{ translation: CommentTranslationDto; comment: CommentDto; created: boolean }> {
  return db.transaction(async (tx) => {
    const loaded = await forWriting(tx, viewer, commentId);
    requireSignedIn(viewer);
    const c = loaded.comment;
    if (language === c.language)
      throw fieldInvalid('lang', 'A translation is into another language than the contribution’s own');
    if (!loaded.space.acceptedLanguages.includes(language))
      throw fieldInvalid('lang', 'This space does not accept contributions in this language');
    const values = {
      bodyMd: body,
      bodyHtml: renderMarkdown(body, `${c.id}-${language}`),
      sourceVersion: c.version,
      ...translationSource(c),
      translatorId: viewer.id,
      updatedAt: new Date(),
    };
    const [before] = await tx
      .select({ id: commentTranslations.id })
      .from(commentTranslations)
      .where(and(eq(commentTranslations.commentId, c.id), eq(commentTranslations.language, language)))
      .for('update');
    const [row] = before
      ? await tx.update(commentTranslations).set(values).where(eq(commentTranslations.id, before.id)).returning()
      : await tx
          .insert(commentTranslations)
          .values({ commentId: c.id, language, ...values })
          .returning();
    if (!row) throw new Error('translation write failed');
    await announce(tx, loaded, c);
    return {
      translation: presentTranslation(c, { ...row, translatorName: viewer.displayName }, true),
      comment: await presentOne(tx, c, viewer, loaded.spaceScope),
      created: before === undefined,
    };
  });
}

export async function deleteTranslation(
  db: Database,
  viewer: Viewer,
  commentId: string,
  language: Locale,
): Promise<CommentDto> {
  return db.transaction(async (tx) => {
    const loaded = await forWriting(tx, viewer, commentId);
    const deleted = await tx
      .delete(commentTranslations)
      .where(and(eq(commentTranslations.commentId, commentId), eq(commentTranslations.language, language)))
      .returning({ id: commentTranslations.id });
    if (deleted.length === 0) throw notFound('Translation');
    await announce(tx, loaded, loaded.comment);
    return presentOne(tx, loaded.comment, viewer, loaded.spaceScope);
  });
}
