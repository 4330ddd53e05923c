import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a form control needs to be tied to its label, hint and error. */
export interface FrameControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldFrameProps {
  /** The control's id; also the target of the error summary's links. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A message for this field (from the client's checks or the server's answer). */
  error?: string | undefined;
  /** Shown after the error message, e.g. a link to sign in instead. */
  errorExtra?: ReactNode;
  /** Marked "(optional)". */
  optional?: boolean | undefined;
  /** More classes on the field's box, after `field` (and `field-invalid`). */
  className?: string;
  /** The namespace with the feature's words for "(optional)" and "Error:" (keys `optional`, `errorPrefix`). */
  ns: string;
  children: (control: FrameControlProps) => ReactNode;
}

/**
 * A label, an optional hint, the error (if any) and the control, wired together with
 * aria-describedby and aria-invalid so screen readers read the hint and the error with the control.
 * The features' forms (account pages, administration) build their fields on it.
 */
export function FieldFrame({ id, label, hint, error, errorExtra, optional, className, ns, children }: FieldFrameProps) {
  const { t } = useTranslation(ns);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> {t('optional')}</span>}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">{t('errorPrefix')} </span>
          {error}
          {errorExtra && <> {errorExtra}</>}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}
