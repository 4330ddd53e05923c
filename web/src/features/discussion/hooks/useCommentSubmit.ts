import { COMMENT_BODY_MAX, type CommentDto } from '@convene/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { createComment } from '../api/createComment';
import { conflictingComment, updateComment } from '../api/updateComment';
import { useDiscussion } from '../context';
import type { DraftTarget } from '../lib/drafts';
import { MAX_TAGS } from '../lib/tags';
import type { ComposerDraft } from './useComposerDraft';
import { useCommentCache } from './useCommentCache';

type LocalErrors = Partial<Record<'body' | 'tags', string>>;

/**
 * Sends the draft: checks it first (naming the field at fault), creates the comment or saves the
 * edit, and keeps what the server refused — a conflicting newer version (409), a rate limit
 * (429), an expired session, field errors — for the composer to show.
 */
export function useCommentSubmit({
  target,
  parent,
  editing,
  draft,
  afterSave,
  onBodyInvalid,
  alertId,
}: {
  target: DraftTarget;
  parent: CommentDto | undefined;
  editing: CommentDto | undefined;
  draft: ComposerDraft;
  /** The text is saved: attach files or finish. */
  afterSave: (saved: CommentDto) => Promise<void>;
  /** The body was refused before sending: bring it back into view. */
  onBodyInvalid: () => void;
  /** Where focus goes when the server refuses. */
  alertId: string;
}) {
  const { t } = useTranslation('discussion');
  const fmt = useFormat();
  const d = useDiscussion();
  const cache = useCommentCache(d.slug);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<LocalErrors>({});
  const [conflict, setConflict] = useState<CommentDto | null>(null);
  const sendingRef = useRef(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sendingRef.current) return;
    const { body, language, tags, clientId, baseVersion } = draft;
    const problems: LocalErrors = {};
    if (!body.trim()) problems.body = t('composer.errors.empty');
    else if (body.length > COMMENT_BODY_MAX)
      problems.body = t('composer.errors.tooLong', { max: fmt.number(COMMENT_BODY_MAX) });
    if (tags.length > MAX_TAGS) problems.tags = t('composer.errors.tooManyTags', { max: MAX_TAGS });
    setLocal(problems);
    if (problems.body || problems.tags) {
      if (problems.body) onBodyInvalid();
      return;
    }
    if (!language) return;
    sendingRef.current = true;
    setSending(true);
    setError(null);
    draft.keepForRetry();
    try {
      let saved: CommentDto;
      if (editing) {
        saved = await updateComment(editing.id, { body, language, tags, version: baseVersion ?? editing.version });
        cache.update(saved.id, () => saved);
      } else {
        saved = await createComment(d.slug, {
          ...(target.kind === 'question' ? { questionId: target.questionId } : {}),
          ...(parent ? { parentId: parent.id } : {}),
          body,
          language,
          tags,
          clientId,
        });
        cache.add(saved);
      }
      draft.forget();
      setConflict(null);
      await afterSave(saved);
    } catch (err) {
      const current = conflictingComment(err);
      if (current) {
        setConflict(current);
        draft.rebase(current.version);
        cache.update(current.id, () => current);
      }
      if (err instanceof ApiError && err.code === 'client_id_reused') draft.renewClientId();
      setError(err);
      requestAnimationFrame(() => document.getElementById(alertId)?.focus());
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const errors = {
    body: local.body ?? fieldError(error, 'body'),
    language: fieldError(error, 'language'),
    tags: local.tags ?? fieldError(error, 'tags'),
    /** A refused question or parent: shown with the general message. */
    other: fieldError(error, 'questionId') ?? fieldError(error, 'parentId'),
  };

  return { submit, sending, error, conflict, errors };
}
