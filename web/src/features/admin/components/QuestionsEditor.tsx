import type { QuestionDto, SpaceDetail } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components/Button';
import { Dialog, Heading } from 'react-aria-components/Dialog';
import { GridList, GridListItem } from 'react-aria-components/GridList';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useDragAndDrop } from 'react-aria-components/useDragAndDrop';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { languageName } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { addQuestion, deleteQuestion, editQuestion, setQuestions } from '../api/questions';
import { localizeFieldMessage } from '../lib/messages';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

/**
 * The guiding questions: add, edit, reorder (drag and drop — with the mouse, or with the
 * keyboard from each row's drag handle: Enter, arrows, Enter — or with Move up / Move down),
 * and delete one nobody has answered. Every change answers with the whole ordered list.
 */
export function QuestionsEditor({ space }: { space: SpaceDetail }) {
  const { t, i18n } = useTranslation('admin');
  const qc = useQueryClient();
  const questions = space.questions;
  const [status, setStatus] = useState('');
  const [moveError, setMoveError] = useState<unknown>(null);
  const [editing, setEditing] = useState<QuestionDto | null>(null);
  const [deleting, setDeleting] = useState<QuestionDto | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The question just added, to focus once its row is on screen.
  const [focusNew, setFocusNew] = useState<string | null>(null);
  // Buttons are named with their row ("Move up: Question 2"), starting with their visible label.
  const which = (q: QuestionDto) => t('questions.position', { n: q.position });
  // "Missing translation: French, Spanish" beside a question (translated in the section below).
  const languageList = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const missingIn = (id: string) =>
    (space.missingTranslations ?? [])
      .filter((m) => m.field === `questions.${id}`)
      .map((m) => languageName(m.language, i18n.language));

  const focusRow = (id: string, which: 'up' | 'down' | 'handle') => {
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector<HTMLElement>(`[data-question-id="${id}"]`);
      const want = row?.querySelector<HTMLButtonElement>(`[data-action="${which}"]:not([disabled])`);
      const other = row?.querySelector<HTMLButtonElement>(
        `[data-action="${which === 'up' ? 'down' : 'up'}"]:not([disabled])`,
      );
      (want ?? other ?? row)?.focus();
    });
  };

  const move = useMutation({
    mutationFn: ({ id, position }: { id: string; position: number; focus: 'up' | 'down' | 'handle' }) =>
      editQuestion(space.slug, id, { position }),
    onMutate: () => setMoveError(null),
    onSuccess: (list, { id, position, focus }) => {
      setQuestions(qc, space.slug, list);
      setStatus(t('questions.moved', { position, count: list.length }));
      focusRow(id, focus);
    },
    onError: (err) => setMoveError(err),
  });

  useEffect(() => {
    if (!focusNew) return;
    // The list renders its rows a frame or two after the data arrives (and after a first
    // question, the list itself appears): look for the row until it is there.
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const row = listRef.current?.querySelector<HTMLElement>(`[data-question-id="${focusNew}"]`);
      if (row) {
        row.focus();
        setFocusNew(null);
      } else if (++tries < 60) {
        frame = requestAnimationFrame(attempt);
      } else {
        setFocusNew(null);
      }
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focusNew, questions]);

  const { dragAndDropHooks } = useDragAndDrop<QuestionDto>({
    getItems: (keys) =>
      [...keys].map((key) => ({ 'text/plain': questions.find((q) => q.id === key)?.text ?? String(key) })),
    onReorder: (e) => {
      const [id] = [...e.keys];
      const target = questions.find((q) => q.id === e.target.key);
      const moving = questions.find((q) => q.id === id);
      if (!target || !moving || typeof id !== 'string') return;
      // Positions are 1-based; dropping after an item below moves to its position, and so on.
      let position = e.target.dropPosition === 'before' ? target.position : target.position + 1;
      if (moving.position < position) position -= 1;
      if (position !== moving.position) move.mutate({ id, position, focus: 'handle' });
    },
  });

  return (
    <section className="questions-editor" aria-labelledby="questions-title">
      <h2 id="questions-title">{t('questions.title')}</h2>
      <p className="muted">{t('questions.intro')}</p>
      {questions.length === 0 ? (
        <p className="notice">{t('questions.none')}</p>
      ) : (
        <GridList
          ref={listRef}
          aria-label={t('questions.listLabel')}
          items={questions}
          dragAndDropHooks={dragAndDropHooks}
          keyboardNavigationBehavior="tab"
          // Rows are cached by item; these change what a row shows (disabled buttons, labels).
          dependencies={[questions.length, move.isPending, i18n.language, space.missingTranslations]}
          className="question-list"
        >
          {(q) => (
            <GridListItem id={q.id} textValue={q.text} className="question-row" data-question-id={q.id}>
              <Button slot="drag" className="drag-handle" data-action="handle">
                <span aria-hidden="true">⠿</span>
              </Button>
              <span className="question-pos" aria-hidden="true">
                {q.position}.
              </span>
              <span className="question-text">
                <span className="visually-hidden">{t('questions.position', { n: q.position })} </span>
                {q.text}
                <span className="question-count muted"> ({t('questions.answers', { count: q.counts.comments })})</span>
                {missingIn(q.id).length > 0 && (
                  <span className="missing-mark">
                    {t('translations.missingIn', { languages: languageList.format(missingIn(q.id)) })}
                  </span>
                )}
              </span>
              <span className="question-actions">
                <Button
                  className="button secondary small"
                  data-action="up"
                  aria-label={`${t('questions.up')}: ${which(q)}`}
                  isDisabled={q.position === 1 || move.isPending}
                  onPress={() => move.mutate({ id: q.id, position: q.position - 1, focus: 'up' })}
                >
                  {t('questions.up')}
                </Button>
                <Button
                  className="button secondary small"
                  data-action="down"
                  aria-label={`${t('questions.down')}: ${which(q)}`}
                  isDisabled={q.position === questions.length || move.isPending}
                  onPress={() => move.mutate({ id: q.id, position: q.position + 1, focus: 'down' })}
                >
                  {t('questions.down')}
                </Button>
                <Button
                  className="button secondary small"
                  aria-label={`${t('common:actions.edit')}: ${which(q)}`}
                  onPress={() => setEditing(q)}
                >
                  {t('common:actions.edit')}
                </Button>
                <Button
                  className="button secondary small danger-outline"
                  aria-label={`${t('common:actions.delete')}: ${which(q)}`}
                  onPress={() => setDeleting(q)}
                >
                  {t('common:actions.delete')}
                </Button>
              </span>
            </GridListItem>
          )}
        </GridList>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <ErrorMessage error={moveError} />
      <AddQuestion
        slug={space.slug}
        onAdded={(q, moveFocus) => {
          setStatus(t('questions.added', { n: q.position, text: q.text }));
          if (moveFocus) setFocusNew(q.id);
        }}
      />
      {editing && <EditQuestion slug={space.slug} question={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <DeleteQuestion
          slug={space.slug}
          question={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => setStatus(t('questions.deleted'))}
        />
      )}
    </section>
  );
}

/**
 * The form under the list. Once a question is added, the list says so (the live region above)
 * and focus moves to the new question's row, where its text is read and it can be moved, edited
 * or deleted at once; unless the person has meanwhile gone on typing the next question, whose
 * field keeps the focus.
 */
function AddQuestion({
  slug,
  onAdded,
}: {
  slug: string;
  onAdded: (question: QuestionDto, moveFocus: boolean) => void;
}) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    // `typed` is the field as it was when the request left; `value` is what was sent.
    mutationFn: ({ value }: { value: string; typed: string; before: string[] }) => addQuestion(slug, value),
    onSuccess: (list, { typed, value, before }) => {
      const known = new Set(before);
      const added = list.find((q) => !known.has(q.id) && q.text === value) ?? list.find((q) => !known.has(q.id));
      // Focus is still where the click left it (the button, or the page once the button was
      // disabled while saving): nobody has started something else.
      const active = document.activeElement;
      const idle = !active || active === document.body || active === buttonRef.current;
      setQuestions(qc, slug, list);
      // Clear the field only if it still holds what was sent: text typed while the request was
      // on its way (the next question, say) is never erased.
      setText((current) => (current === typed ? '' : current));
      if (added) onAdded(added, idle);
    },
    onError: (err) =>
      setError(err instanceof ApiError && err.field('text') ? localizeFieldMessage(t, err.field('text') ?? '') : null),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('validation.required'));
      document.getElementById('new-question')?.focus();
      return;
    }
    setError(null);
    const before = (qc.getQueryData<SpaceDetail>(['space', slug])?.questions ?? []).map((q) => q.id);
    add.mutate({ value: text.trim(), typed: text, before });
  };
  return (
    <form className="add-question" onSubmit={submit} noValidate>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor="new-question">{t('questions.new')}</label>
        {error && (
          <p className="field-error" id="new-question-error">
            {error}
          </p>
        )}
        <textarea
          id="new-question"
          rows={2}
          maxLength={2000}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-question-error' : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {!error && <ErrorMessage error={add.error} />}
      <button type="submit" className="button" disabled={add.isPending} ref={buttonRef}>
        {add.isPending ? t('working') : t('questions.add')}
      </button>
    </form>
  );
}

function EditQuestion({ slug, question, onClose }: { slug: string; question: QuestionDto; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const [text, setText] = useState(question.text);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (value: string) => editQuestion(slug, question.id, { text: value }),
    onSuccess: (list) => {
      setQuestions(qc, slug, list);
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(t('validation.required'));
    setError(null);
    save.mutate(text.trim());
  };
  return (
    <ModalOverlay isOpen onOpenChange={(open) => !open && onClose()} isDismissable className="staff-modal-overlay">
      <Modal className="staff-modal staff">
        <Dialog className="staff-dialog">
          <Heading slot="title">{t('questions.editTitle', { n: question.position })}</Heading>
          <form onSubmit={submit} noValidate>
            <div className={error ? 'field field-invalid' : 'field'}>
              <label htmlFor="edit-question">{t('questions.text')}</label>
              {error && (
                <p className="field-error" id="edit-question-error">
                  {error}
                </p>
              )}
              <textarea
                id="edit-question"
                rows={4}
                maxLength={2000}
                autoFocus
                value={text}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'edit-question-error' : undefined}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <ErrorMessage error={save.error} />
            <div className="form-row">
              <button type="submit" className="button" disabled={save.isPending}>
                {save.isPending ? t('working') : t('common:actions.save')}
              </button>
              <button type="button" className="button secondary" onClick={onClose}>
                {t('common:actions.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function DeleteQuestion({
  slug,
  question,
  onClose,
  onDeleted,
}: {
  slug: string;
  question: QuestionDto;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const del = useMutation({
    mutationFn: () => deleteQuestion(slug, question.id),
    onSuccess: (list) => {
      setQuestions(qc, slug, list);
      onDeleted();
      onClose();
    },
  });
  const hasAnswers = del.error instanceof ApiError && del.error.code === 'question_has_comments';
  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('questions.deleteTitle', { n: question.position })}
      confirmLabel={t('questions.deleteConfirm')}
      danger
      pending={del.isPending}
      error={del.error}
      errorText={hasAnswers ? t('questions.hasAnswers') : null}
      onConfirm={() => del.mutate()}
    >
      <blockquote className="staff-dialog-quote">{question.text}</blockquote>
      <p>{t('questions.deleteBody')}</p>
    </ConfirmDialog>
  );
}
