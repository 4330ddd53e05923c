import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESET_REASONS, type PresetReason } from '../lib/reasons';

export interface RejectDraft {
  preset: PresetReason | '';
  message: string;
}
export const emptyDraft: RejectDraft = { preset: '', message: '' };

/**
 * The reason for a rejection: a preset (required) and words of the moderator's own, which the
 * author sees. Focus lands on the reasons when it opens; Escape closes it. The draft lives in
 * the parent, so nothing typed is lost when the form closes or a request fails.
 */
export function RejectForm({
  idBase,
  draft,
  onDraft,
  onSubmit,
  onCancel,
  submitLabel,
  describedBy,
}: {
  idBase: string;
  draft: RejectDraft;
  onDraft: (draft: RejectDraft) => void;
  onSubmit: (preset: PresetReason, message: string) => void;
  onCancel: () => void;
  submitLabel: string;
  describedBy?: string;
}) {
  const { t } = useTranslation('moderation');
  const [errors, setErrors] = useState<{ preset?: string; message?: string }>({});
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const messageRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const radios = groupRef.current?.querySelectorAll<HTMLInputElement>('input[type=radio]');
    const checked = [...(radios ?? [])].find((r) => r.checked);
    (checked ?? radios?.[0])?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!draft.preset) next.preset = t('reject.chooseReason');
    else if (draft.preset === 'other' && !draft.message.trim()) next.message = t('reject.explainOther');
    setErrors(next);
    if (next.preset) {
      groupRef.current?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    if (next.message) {
      messageRef.current?.focus();
      return;
    }
    onSubmit(draft.preset as PresetReason, draft.message);
  };

  const presetError = `${idBase}-preset-error`;
  const messageError = `${idBase}-message-error`;
  const messageHint = `${idBase}-message-hint`;
  return (
    <form
      className="reject-form"
      onSubmit={submit}
      noValidate
      data-shortcuts="off"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <fieldset
        ref={groupRef}
        className={errors.preset ? 'reject-reasons field-invalid' : 'reject-reasons'}
        aria-describedby={[describedBy, errors.preset ? presetError : ''].filter(Boolean).join(' ') || undefined}
      >
        <legend>{t('reject.legend')}</legend>
        {errors.preset && (
          <p className="field-error" id={presetError}>
            {errors.preset}
          </p>
        )}
        <div className="reason-options">
          {PRESET_REASONS.map((r) => (
            <label key={r} className="reason-option">
              <input
                type="radio"
                name={`${idBase}-preset`}
                value={r}
                checked={draft.preset === r}
                aria-invalid={errors.preset ? true : undefined}
                onChange={() => {
                  onDraft({ ...draft, preset: r });
                  setErrors((x) => ({ ...x, preset: undefined }));
                }}
              />{' '}
              {t(`reasons.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className={errors.message ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${idBase}-message`}>
          {t('reject.message')}{' '}
          <span className="field-optional">
            {draft.preset === 'other' ? t('reject.required') : t('reject.optional')}
          </span>
        </label>
        <p className="hint" id={messageHint}>
          {t('reject.messageHint')}
        </p>
        {errors.message && (
          <p className="field-error" id={messageError}>
            {errors.message}
          </p>
        )}
        <textarea
          ref={messageRef}
          id={`${idBase}-message`}
          rows={3}
          maxLength={1800}
          value={draft.message}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={[messageHint, errors.message ? messageError : ''].filter(Boolean).join(' ')}
          onChange={(e) => onDraft({ ...draft, message: e.target.value })}
        />
      </div>
      <div className="form-row">
        <button type="submit" className="button danger">
          {submitLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}
