import type { ReactNode } from 'react';
import { FormAlert } from './FormAlert';

interface Props {
  /** A failure not about one field, shown (and announced) next to the button. */
  error: unknown;
  attempt: number;
  pending: boolean;
  label: string;
  pendingLabel: string;
  /** Between the alert and the button, e.g. a "Saved" status. */
  status?: ReactNode;
}

/** The end of an account form: its alert, then the submit button (still focusable while pending). */
export function FormSubmit({ error, attempt, pending, label, pendingLabel, status }: Props) {
  return (
    <>
      <FormAlert error={error} attempt={attempt} />
      {status}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {pending ? pendingLabel : label}
        </button>
      </div>
    </>
  );
}
