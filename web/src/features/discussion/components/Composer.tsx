import { COMMENT_BODY_MAX, type CommentDto, type CommentLanguage } from '@convene/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, fieldError } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { createComment } from '../api/createComment';
import { useTags } from '../api/getTags';
import { previewMarkdown } from '../api/preview';
import { conflictingComment, updateComment } from '../api/updateComment';
import { uploadAttachment } from '../api/uploadAttachment';
import { useDiscussion } from '../context';
import { useCommentCache } from '../hooks/useCommentCache';
import {
  type Draft,
  type DraftTarget,
  browserStorage,
  draftKey,
  loadDraft,
  newClientId,
  removeDraft,
  saveDraft,
} from '../lib/drafts';
import { ACCEPT, MAX_FILES, type FileProblem, checkFiles } from '../lib/files';
import { langAttr } from '../lib/intl';
import { MAX_TAGS, tagLabel } from '../lib/tags';

const SAVE_DELAY = 400;

interface Props {
  target: DraftTarget;
  /** The comment replied to. */
  parent?: CommentDto;
  /** The viewer's own comment being edited. */
  comment?: CommentDto;
  /** Called after the comment is saved (and its files uploaded, or the author moved on). */
  onDone: (comment: CommentDto) => void;
  onCancel: () => void;
  /** Put the cursor in the text box on opening (not when a saved draft reopens it on page load). */
  focusOnMount?: boolean;
}

interface Upload {
  key: string;
  file: File;
  progress: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  error?: unknown;
}

type LocalErrors = Partial<Record<'body' | 'tags' | 'files', string>>;

/** Writes an answer, a reply or an edit: markdown with preview, a draft kept on the device, files. */
export default function Composer({ target, parent, comment, onDone, onCancel, focusOnMount = false }: Props) {
  const { t, i18n } = useTranslation('discussion');
  const fmt = useFormat();
  const d = useDiscussion();
  const cache = useCommentCache(d.slug);
  const tagsQuery = useTags();
  const uid = useId();
  const ids = {
    title: `${uid}-title`,
    body: `${uid}-body`,
    hint: `${uid}-hint`,
    count: `${uid}-count`,
    bodyError: `${uid}-body-error`,
    language: `${uid}-language`,
    languageError: `${uid}-language-error`,
    tagsError: `${uid}-tags-error`,
    files: `${uid}-files`,
    filesHint: `${uid}-files-hint`,
    filesError: `${uid}-files-error`,
    alert: `${uid}-alert`,
    uploads: `${uid}-uploads`,
  };
  const isEdit = target.kind === 'edit' && comment !== undefined;
  const storage = browserStorage();
  const key = d.meId ? draftKey(d.meId, d.spaceId, target) : null;

  // The draft on this device wins over everything: it is what the person last typed.
  const [initial] = useState<Draft>(() => {
    const saved = key ? loadDraft(storage, key) : null;
    const uiLanguage = i18n.language as CommentLanguage;
    const fallbackLanguage = d.acceptedLanguages.includes(uiLanguage) ? uiLanguage : (d.acceptedLanguages[0] ?? null);
    const base: Draft = isEdit
      ? {
          clientId: newClientId(),
          body: comment.pendingRevision?.bodyMd ?? comment.bodyMd ?? '',
          language: comment.language,
          tags: comment.tags.map((x) => x.code),
          baseVersion: comment.version,
          savedAt: 0,
        }
      : { clientId: newClientId(), body: '', language: fallbackLanguage, tags: [], savedAt: 0 };
    const language = saved?.language && d.acceptedLanguages.includes(saved.language) ? saved.language : base.language;
    return saved ? { ...base, ...saved, language } : base;
  });
  const [body, setBody] = useState(initial.body);
  const [language, setLanguage] = useState<CommentLanguage | null>(initial.language);
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [clientId, setClientId] = useState(initial.clientId);
  const [baseVersion, setBaseVersion] = useState(initial.baseVersion);
  const [savedAt, setSavedAt] = useState<number | null>(initial.savedAt || null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [restored] = useState(initial.savedAt > 0);

  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [preview, setPreview] = useState<{ html: string | null; error: unknown; loading: boolean }>({
    html: null,
    error: null,
    loading: false,
  });
  const [files, setFiles] = useState<File[]>([]);
  const [refusals, setRefusals] = useState<{ name: string; problem: FileProblem }[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<LocalErrors>({});
  const [conflict, setConflict] = useState<CommentDto | null>(null);
  const [posted, setPosted] = useState<CommentDto | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);

  const sendingRef = useRef(false);
  const submittedRef = useRef(false);
  const latest = useRef<Draft>(initial);
  const dirty = useRef(false);
  const previewAbort = useRef<AbortController | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const uploadsHeadingRef = useRef<HTMLHeadingElement>(null);

  // Keeps the latest text for the flushes below; saving waits until typing pauses.
  useEffect(() => {
    const draft: Draft = {
      clientId,
      body,
      language,
      tags,
      ...(baseVersion !== undefined ? { baseVersion } : {}),
      savedAt: Date.now(),
    };
    latest.current = draft;
    if (!key || submittedRef.current || !dirty.current) return;
    const timer = setTimeout(() => {
      const ok = saveDraft(storage, key, draft);
      setSaveFailed(!ok);
      if (ok) setSavedAt(draft.savedAt);
    }, SAVE_DELAY);
    return () => clearTimeout(timer);
  }, [key, storage, clientId, body, language, tags, baseVersion]);

  // Leaving the page or closing the composer must not lose the last keystrokes.
  useEffect(() => {
    if (!key) return;
    const flush = () => {
      if (dirty.current && !submittedRef.current) saveDraft(storage, key, latest.current);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key, storage]);

  useEffect(() => () => previewAbort.current?.abort(), []);

  useEffect(() => {
    if (focusOnMount) textareaRef.current?.focus();
  }, [focusOnMount]);

  const edited = <T,>(set: (v: T) => void) => {
    return (v: T) => {
      dirty.current = true;
      set(v);
    };
  };
  const changeBody = edited(setBody);
  const changeLanguage = edited(setLanguage);
  const changeTags = edited(setTags);

  const showPreview = async () => {
    setMode('preview');
    previewAbort.current?.abort();
    if (!body.trim()) {
      setPreview({ html: null, error: null, loading: false });
      return;
    }
    const ctrl = new AbortController();
    previewAbort.current = ctrl;
    setPreview({ html: null, error: null, loading: true });
    try {
      const html = await previewMarkdown(body, ctrl.signal);
      setPreview({ html, error: null, loading: false });
    } catch (err) {
      if (ctrl.signal.aborted) return;
      setPreview({ html: null, error: err, loading: false });
    }
  };

  const chooseFiles = (list: FileList | null) => {
    if (!list) return;
    const taken = (comment?.attachments.length ?? 0) + files.length;
    const { accepted, refused } = checkFiles(Array.from(list), taken);
    setFiles((f) => [...f, ...accepted]);
    setRefusals(refused.map((r) => ({ name: r.file.name, problem: r.problem })));
  };

  const finish = (saved: CommentDto) => {
    const published = saved.status === 'approved' && !saved.pendingRevision;
    d.announce(
      isEdit
        ? published
          ? t('composer.doneEditPublished')
          : t('composer.doneEditPending')
        : published
          ? t('composer.donePublished')
          : t('composer.donePending'),
    );
    onDone(saved);
  };

  const runUploads = async (saved: CommentDto, queue: Upload[]) => {
    let failed = false;
    for (const item of queue) {
      if (item.state === 'done') continue;
      const patch = (p: Partial<Upload>) =>
        setUploads((all) => all.map((u) => (u.key === item.key ? { ...u, ...p } : u)));
      patch({ state: 'uploading', progress: 0, error: undefined });
      try {
        const attachment = await uploadAttachment(saved.id, item.file, (progress) => patch({ progress }));
        patch({ state: 'done', progress: 1 });
        cache.update(saved.id, (c) =>
          c.attachments.some((a) => a.id === attachment.id) ? c : { ...c, attachments: [...c.attachments, attachment] },
        );
      } catch (err) {
        failed = true;
        patch({ state: 'failed', error: err });
      }
    }
    return !failed;
  };

  const startUploads = async (saved: CommentDto) => {
    const queue: Upload[] = files.map((file, i) => ({ key: `${i}-${file.name}`, file, progress: 0, state: 'waiting' }));
    setPosted(saved);
    setUploads(queue);
    // Focus follows the work: to the upload progress while it lasts, then to the new comment.
    let finished = false;
    requestAnimationFrame(() => {
      if (!finished) uploadsHeadingRef.current?.focus();
    });
    if (await runUploads(saved, queue)) {
      finished = true;
      finish(saved);
    }
  };

  const retryUpload = async (item: Upload) => {
    if (!posted) return;
    const ok = await runUploads(posted, [item]);
    if (ok && uploads.every((u) => u.key === item.key || u.state === 'done')) finish(posted);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (sendingRef.current) return;
    const problems: LocalErrors = {};
    if (!body.trim()) problems.body = t('composer.errors.empty');
    else if (body.length > COMMENT_BODY_MAX)
      problems.body = t('composer.errors.tooLong', { max: fmt.number(COMMENT_BODY_MAX) });
    if (tags.length > MAX_TAGS) problems.tags = t('composer.errors.tooManyTags', { max: MAX_TAGS });
    setLocal(problems);
    if (problems.body || problems.tags) {
      if (problems.body) {
        setMode('write');
        requestAnimationFrame(() => textareaRef.current?.focus());
      }
      return;
    }
    if (!language) return;
    sendingRef.current = true;
    setSending(true);
    setError(null);
    // The clientId is on the device before the request leaves: a retry after any failure reuses it.
    if (key) saveDraft(storage, key, latest.current);
    dirty.current = true;
    try {
      let saved: CommentDto;
      if (isEdit) {
        saved = await updateComment(comment.id, { body, language, tags, version: baseVersion ?? comment.version });
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
      submittedRef.current = true;
      if (key) removeDraft(storage, key);
      setConflict(null);
      if (files.length > 0 && saved.abilities.attach) await startUploads(saved);
      else {
        finish(saved);
        if (files.length > 0) d.announce(t('composer.filesNotAttached'));
      }
    } catch (err) {
      const current = conflictingComment(err);
      if (current) {
        setConflict(current);
        setBaseVersion(current.version);
        cache.update(current.id, () => current);
      }
      if (err instanceof ApiError && err.code === 'client_id_reused') setClientId(newClientId());
      setError(err);
      requestAnimationFrame(() => document.getElementById(ids.alert)?.focus());
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const discard = () => {
    submittedRef.current = true;
    if (key) removeDraft(storage, key);
    onCancel();
  };

  const title = isEdit
    ? t('composer.titleEdit')
    : parent
      ? t('composer.titleReply', { name: parent.author.displayName })
      : target.kind === 'question'
        ? t('composer.titleAnswer')
        : t('composer.titleGeneral');
  const Heading = target.kind === 'question' || target.kind === 'general' ? 'h3' : 'h4';

  // After the text is saved, only the files remain: their progress, and a way to retry.
  if (posted) {
    const failed = uploads.filter((u) => u.state === 'failed');
    const busy = uploads.some((u) => u.state === 'uploading' || u.state === 'waiting');
    return (
      <section className="composer panel" aria-labelledby={ids.uploads}>
        <Heading id={ids.uploads} ref={uploadsHeadingRef} tabIndex={-1} className="composer-title">
          {t('composer.uploadsTitle')}
        </Heading>
        <p>{posted.status === 'pending' ? t('composer.sentPending') : t('composer.sent')}</p>
        <ul className="upload-list">
          {uploads.map((u) => (
            <li key={u.key} className={`upload upload-${u.state}`}>
              <span className="upload-name">{u.file.name}</span>{' '}
              <span className="muted">({fmt.bytes(u.file.size)})</span>
              <progress max={1} value={u.progress} aria-label={t('composer.uploadProgress', { name: u.file.name })} />
              <span className="upload-state">
                {u.state === 'done'
                  ? t('composer.uploadDone')
                  : u.state === 'failed'
                    ? t('composer.uploadFailed')
                    : u.state === 'uploading'
                      ? t('composer.uploading', { percent: fmt.number(Math.round(u.progress * 100)) })
                      : t('composer.uploadWaiting')}
              </span>
              {u.state === 'failed' && (
                <>
                  <ErrorMessage error={u.error} />
                  <button
                    type="button"
                    className="button secondary"
                    disabled={busy}
                    onClick={() => void retryUpload(u)}
                  >
                    {t('composer.retryUpload', { name: u.file.name })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
        {failed.length > 0 && !busy && (
          <button type="button" className="button secondary" onClick={() => finish(posted)}>
            {t('composer.skipFailed')}
          </button>
        )}
      </section>
    );
  }

  const bodyError = local.body ?? fieldError(error, 'body');
  const languageError = fieldError(error, 'language');
  const tagsError = local.tags ?? fieldError(error, 'tags');
  const otherField = fieldError(error, 'questionId') ?? fieldError(error, 'parentId');
  const expired = error instanceof ApiError && error.status === 401;
  const notOpen = error instanceof ApiError && error.code === 'space_not_open';
  const over = body.length > COMMENT_BODY_MAX;
  const allowFiles =
    d.moderationMode === 'pre' || (isEdit && comment.status !== 'approved')
      ? MAX_FILES - (comment?.attachments.length ?? 0)
      : 0;
  const tagList = tagsQuery.data ?? [];

  return (
    <form className="composer panel" aria-labelledby={ids.title} onSubmit={(e) => void submit(e)} noValidate>
      <Heading id={ids.title} className="composer-title">
        {title}
      </Heading>

      <div className="composer-toolbar" role="group" aria-label={t('composer.modeLabel')}>
        <button type="button" className="tab-button" aria-pressed={mode === 'write'} onClick={() => setMode('write')}>
          {t('composer.write')}
        </button>
        <button
          type="button"
          className="tab-button"
          aria-pressed={mode === 'preview'}
          onClick={() => void showPreview()}
        >
          {t('composer.preview')}
        </button>
      </div>

      <div className="field field-wide" hidden={mode !== 'write'}>
        <label htmlFor={ids.body}>{t('composer.bodyLabel')}</label>
        <p className="hint" id={ids.hint}>
          {t('composer.bodyHint')}
        </p>
        <textarea
          id={ids.body}
          ref={textareaRef}
          value={body}
          rows={8}
          lang={language ? langAttr(language) : undefined}
          onChange={(e) => changeBody(e.target.value)}
          aria-invalid={bodyError || over ? true : undefined}
          aria-describedby={`${ids.hint} ${ids.count}${bodyError ? ` ${ids.bodyError}` : ''}`}
        />
        <p id={ids.count} className={`char-count${over ? ' over' : ''}`}>
          {t('composer.count', { count: body.length, n: fmt.number(body.length), max: fmt.number(COMMENT_BODY_MAX) })}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {over ? t('composer.overLimit', { max: fmt.number(COMMENT_BODY_MAX) }) : ''}
        </p>
        {bodyError && (
          <p className="field-error" id={ids.bodyError}>
            {bodyError}
          </p>
        )}
      </div>

      {mode === 'preview' && (
        <section className="composer-preview" aria-label={t('composer.previewLabel')}>
          {preview.loading && <p className="muted">{t('common:loading')}</p>}
          {preview.error instanceof ApiError && preview.error.status === 401 ? (
            <p className="error-message" role="alert">
              {t('composer.sessionExpired')} <Link to={d.signInHref}>{t('composer.signInAgain')}</Link>
            </p>
          ) : (
            <ErrorMessage error={preview.error} />
          )}
          {!preview.loading && !preview.error && !preview.html && <p className="muted">{t('composer.previewEmpty')}</p>}
          {preview.html && (
            <div
              className="prose comment-body"
              lang={language ? langAttr(language) : undefined}
              dangerouslySetInnerHTML={{ __html: preview.html }}
            />
          )}
        </section>
      )}

      <div className="composer-row">
        <div className="field">
          <label htmlFor={ids.language}>{t('composer.languageLabel')}</label>
          <select
            id={ids.language}
            value={language ?? ''}
            onChange={(e) => changeLanguage(e.target.value as CommentLanguage)}
            aria-invalid={languageError ? true : undefined}
            aria-describedby={languageError ? ids.languageError : undefined}
          >
            {d.acceptedLanguages.map((l) => (
              <option key={l} value={l}>
                {t(`common:contentLanguage.${l}`)}
              </option>
            ))}
          </select>
          {languageError && (
            <p className="field-error" id={ids.languageError}>
              {languageError}
            </p>
          )}
        </div>
      </div>

      <details className="composer-tags" open={tags.length > 0 || Boolean(tagsError) || undefined}>
        <summary>
          {t('composer.tagsSummary')}{' '}
          <span className="muted">{t('composer.tagsSelected', { count: tags.length })}</span>
        </summary>
        <fieldset
          className="tag-picker"
          aria-invalid={tagsError ? true : undefined}
          aria-describedby={tagsError ? ids.tagsError : undefined}
        >
          <legend>{t('composer.tagsLegend')}</legend>
          {tagsQuery.error && <ErrorMessage error={tagsQuery.error} />}
          {tagList.map((tag) => {
            const checked = tags.includes(tag.code);
            return (
              <label key={tag.id} className="tag-option">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => changeTags(checked ? tags.filter((x) => x !== tag.code) : [...tags, tag.code])}
                />
                <span>
                  <strong>{tag.code}.</strong> {tagLabel(tag, i18n.language)}
                </span>
              </label>
            );
          })}
        </fieldset>
        {tagsError && (
          <p className="field-error" id={ids.tagsError}>
            {tagsError}
          </p>
        )}
      </details>

      {allowFiles > 0 && (
        <div className="field field-wide">
          <label htmlFor={ids.files}>{t('composer.filesLabel')}</label>
          <p className="hint" id={ids.filesHint}>
            {t('composer.filesHint', { count: allowFiles })}
          </p>
          <input
            id={ids.files}
            type="file"
            multiple
            accept={ACCEPT}
            disabled={files.length >= allowFiles}
            aria-describedby={`${ids.filesHint}${refusals.length ? ` ${ids.filesError}` : ''}`}
            aria-invalid={refusals.length ? true : undefined}
            onChange={(e) => {
              chooseFiles(e.target.files);
              e.target.value = '';
            }}
          />
          {refusals.length > 0 && (
            <ul className="field-error" id={ids.filesError}>
              {refusals.map((r, i) => (
                <li key={i}>{t(`composer.fileProblem.${r.problem}`, { name: r.name, max: allowFiles })}</li>
              ))}
            </ul>
          )}
          {files.length > 0 && (
            <ul className="chosen-files" aria-label={t('composer.chosenFiles')}>
              {files.map((f, i) => (
                <li key={`${i}-${f.name}`}>
                  {f.name} <span className="muted">({fmt.bytes(f.size)})</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setFiles((all) => all.filter((_, j) => j !== i))}
                  >
                    {t('composer.removeFile', { name: f.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div id={ids.alert} tabIndex={-1} className="composer-alert">
        {expired ? (
          <p className="error-message" role="alert">
            {t('composer.sessionExpired')} <Link to={d.signInHref}>{t('composer.signInAgain')}</Link>
          </p>
        ) : conflict && error instanceof ApiError && error.code === 'conflict' ? (
          <div className="notice conflict" role="alert">
            <p>
              <strong>{t('composer.conflictTitle')}</strong> {t('composer.conflictText')}
            </p>
            <p className="conflict-label">{t('composer.conflictCurrent')}</p>
            <div
              className="prose comment-body conflict-current"
              lang={langAttr(conflict.language)}
              dangerouslySetInnerHTML={{ __html: conflict.pendingRevision?.bodyHtml ?? conflict.bodyHtml }}
            />
          </div>
        ) : notOpen ? (
          <p className="error-message" role="alert">
            {t('composer.spaceNotOpen')} {(error as ApiError).message}
          </p>
        ) : error instanceof ApiError && error.code === 'rate_limited' ? (
          <p className="error-message" role="alert">
            {t('composer.rateLimited', {
              count: Math.max(
                1,
                Math.ceil(
                  ((error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60) / 60,
                ),
              ),
            })}
          </p>
        ) : error instanceof ApiError && error.code === 'client_id_reused' ? (
          <p className="error-message" role="alert">
            {t('composer.clientIdReused')}
          </p>
        ) : error ? (
          <>
            <ErrorMessage error={error} />
            {otherField && <p className="field-error">{otherField}</p>}
          </>
        ) : null}
      </div>

      <div className="composer-actions">
        <button type="submit" className="button" disabled={sending} aria-disabled={sending || undefined}>
          {sending ? t('composer.sending') : isEdit ? t('composer.saveEdit') : t('composer.send')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        {(savedAt !== null || body.trim() !== '') && (
          <button type="button" className="link-button" onClick={discard}>
            {t('composer.discard')}
          </button>
        )}
      </div>
      <p className="composer-footnote muted">
        {saveFailed
          ? t('composer.draftNotSaved')
          : restored && savedAt === initial.savedAt
            ? t('composer.draftRestored')
            : savedAt
              ? t('composer.draftSaved')
              : t('composer.draftInfo')}
        {d.moderationMode === 'pre' && ` ${t('composer.preModerated')}`}
      </p>
    </form>
  );
}
