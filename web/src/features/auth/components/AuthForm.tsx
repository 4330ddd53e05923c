import type { ReactNode } from 'react';
import type { AuthFormErrors } from '../hooks/useAuthFormErrors';
import { ErrorSummary } from './ErrorSummary';
import { FormSubmit } from './FormSubmit';

interface Props<F extends string> {
  /** The form's errors, from useAuthFormErrors. */
  form: AuthFormErrors<F>;
  /** Each field's label, for the error summary's links. */
  labels: Record<F, string>;
  /** Called on submit, unless the last submit is still pending; the page does not reload. */
  onSubmit: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
  /** Between the alert and the button, e.g. a "Saved" status. */
  status?: ReactNode;
  /** The fields. */
  children: ReactNode;
}

/**
 * An account form: the error summary first (focused after a failed submit when several fields are
 * wrong), then the fields, then the alert and the submit button. Checked by the page, not the browser.
 */
export function AuthForm<F extends string>({
  form: { summary, summaryRef, formError, attempt },
  labels,
  onSubmit,
  pending,
  label,
  pendingLabel,
  status,
  children,
}: Props<F>) {
  return (
    <form
      className="auth-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) onSubmit();
      }}
    >
      <ErrorSummary items={summary(labels)} ref={summaryRef} />
      {children}
      <FormSubmit
        error={formError}
        attempt={attempt}
        pending={pending}
        label={label}
        pendingLabel={pendingLabel}
        status={status}
      />
    </form>
  );
}
