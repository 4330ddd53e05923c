import type { CommentDto } from '@convene/shared';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiscussion } from '../context';
import { useAttachmentUploads } from '../hooks/useAttachmentUploads';
import { useCommentSubmit } from '../hooks/useCommentSubmit';
import { useComposerDraft } from '../hooks/useComposerDraft';
import { useLanguageSuggestion } from '../hooks/useLanguageSuggestion';
import { useMarkdownPreview } from '../hooks/useMarkdownPreview';
import type { DraftTarget } from '../lib/drafts';
import { AttachmentPicker } from './composer/AttachmentPicker';
import { composerIds } from './composer/ids';
import { LanguageField } from './composer/LanguageField';
import { SubmitAlert } from './composer/SubmitAlert';
import { TagPicker } from './composer/TagPicker';
import { UploadProgress } from './composer/UploadProgress';
import { WritePreviewTabs } from './composer/WritePreviewTabs';

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

/**
 * Writes an answer, a reply or an edit: markdown with preview, a draft kept on the device, files.
 * This wires the parts together; each lives in its own hook (../hooks/use*) or piece (./composer/).
 */
export default function Composer({ target, parent, comment, onDone, onCancel, focusOnMount = false }: Props) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const ids = composerIds(useId());
  const isEdit = target.kind === 'edit' && comment !== undefined;
  const editing = isEdit ? comment : undefined;
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  const draft = useComposerDraft(target, editing);
  const detected = useLanguageSuggestion(draft.body, d.acceptedLanguages, draft.suggestLanguage);
  const tabs = useMarkdownPreview();

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

  const attachments = useAttachmentUploads({ comment, isEdit, finish });
  const { files } = attachments;

  const { submit, sending, error, conflict, errors } = useCommentSubmit({
    target,
    parent,
    editing,
    draft,
    alertId: ids.alert,
    onBodyInvalid: () => {
      tabs.showWrite();
      requestAnimationFrame(() => textareaRef.current?.focus());
    },
    afterSave: async (saved) => {
      if (files.length > 0 && saved.abilities.attach) await attachments.start(saved);
      else {
        finish(saved);
        if (files.length > 0) d.announce(t('composer.filesNotAttached'));
      }
    },
  });

  useEffect(() => {
    if (focusOnMount) textareaRef.current?.focus();
  }, [focusOnMount]);

  const discard = () => {
    draft.forget();
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

  if (attachments.posted) {
    return (
      <UploadProgress
        ids={ids}
        Heading={Heading}
        headingRef={attachments.headingRef}
        posted={attachments.posted}
        attachments={attachments}
        finish={finish}
      />
    );
  }

  return (
    <form className="composer panel" aria-labelledby={ids.title} onSubmit={(e) => void submit(e)} noValidate>
      <Heading id={ids.title} className="composer-title">
        {title}
      </Heading>
      {/* The space closed while this was open (an answer, a reply or an edit): the text stays. */}
      {!d.isOpen && (
        <p className="notice closed-note" role="status">
          {t('composer.closedKeep')}
        </p>
      )}

      <WritePreviewTabs
        ids={ids}
        tabs={tabs}
        body={draft.body}
        language={draft.language}
        onBodyChange={draft.changeBody}
        bodyError={errors.body}
        textareaRef={textareaRef}
      />
      <LanguageField
        ids={ids}
        language={draft.language}
        onChange={draft.changeLanguage}
        suggested={draft.languageSuggested}
        detected={detected}
        error={errors.language}
      />
      <TagPicker ids={ids} tags={draft.tags} onChange={draft.changeTags} error={errors.tags} />
      {attachments.allowed > 0 && <AttachmentPicker ids={ids} attachments={attachments} />}
      <SubmitAlert ids={ids} error={error} conflict={conflict} otherField={errors.other} />

      <div className="composer-actions">
        <button type="submit" className="button" disabled={sending} aria-disabled={sending || undefined}>
          {sending ? t('composer.sending') : isEdit ? t('composer.saveEdit') : t('composer.send')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        {draft.hasContent && (
          <button type="button" className="link-button" onClick={discard}>
            {t('composer.discard')}
          </button>
        )}
      </div>
      <p className="composer-footnote muted">
        {draft.status === 'notSaved'
          ? t('composer.draftNotSaved')
          : draft.status === 'restored'
            ? t('composer.draftRestored')
            : draft.status === 'saved'
              ? t('composer.draftSaved')
              : t('composer.draftInfo')}
        {d.moderationMode === 'pre' && ` ${t('composer.preModerated')}`}
      </p>
    </form>
  );
}
