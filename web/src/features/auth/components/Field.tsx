import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/** What a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  /** The control's id; also the target of the error summary's links. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A message for this field (from the client's checks or the server's answer). */
  error?: string;
  /** Shown after the error message, e.g. a link to sign in instead. */
  errorExtra?: ReactNode;
  /** Marked "(optional)"; every other field is required. */
  optional?: boolean;
}

/**
 * A label, an optional hint, the error (if any) and the control, wired together with
 * aria-describedby and aria-invalid so screen readers read the hint and the error with the control.
 */
export function Field({
  id,
  label,
  hint,
  error,
  errorExtra,
  optional,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const { t } = useTranslation('auth');
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
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
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': optional ? undefined : true,
      })}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

export type TextFieldProps = FieldProps &
  InputProps & { value: string; onChange: (value: string) => void; ref?: Ref<HTMLInputElement> };

/** A labelled text input (text, email, …) with its hint and error. */
export function TextField({
  id,
  label,
  hint,
  error,
  errorExtra,
  optional,
  value,
  onChange,
  ref,
  ...input
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorExtra={errorExtra} optional={optional}>
      {(control) => (
        <input type="text" {...input} {...control} ref={ref} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>;

export type SelectFieldProps = FieldProps &
  SelectProps & { value: string; onChange: (value: string) => void; ref?: Ref<HTMLSelectElement> };

/** A labelled native <select> with its hint and error; the options are its children. */
export function SelectField({
  id,
  label,
  hint,
  error,
  errorExtra,
  optional,
  value,
  onChange,
  ref,
  children,
  ...select
}: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorExtra={errorExtra} optional={optional}>
      {(control) => (
        <select {...select} {...control} ref={ref} value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      )}
    </Field>
  );
}
