import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { commonFieldMessage } from '../lib/fieldMessages';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** One line of an error summary: a link to the field, named by its label. */
export interface SummaryItem {
  id: string;
  label: string;
  message: string;
}

/**
 * A form's errors: one per field, one for the form as a whole, and focus after a failed submit
 * (the summary when several fields are wrong, else the field itself). `order` must be stable;
 * `idOf` gives each field's element id; `localize` turns the server's English field messages
 * into the interface language where the form knows them (by default the common ones,
 * `commonFieldMessage`).
 */
export function useFormErrors<F extends string>(
  order: readonly F[],
  idOf: (f: F) => string,
  localize?: (message: string) => string,
) {
  const { t } = useTranslation();
  const say = localize ?? ((m: string) => commonFieldMessage(t, m));
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const idRef = useRef(idOf);
  useEffect(() => {
    idRef.current = idOf;
  });

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const wrong = order.filter((f) => errors[f]);
    if (wrong.length > 1) summaryRef.current?.focus();
    else if (wrong[0]) document.getElementById(idRef.current(wrong[0]))?.focus();
  }, [errors, attempt, order]);

  /** Shows these errors (replacing earlier ones) and moves focus to them. */
  const show = (fields: FieldErrors<F>, general: unknown = null) => {
    focusPending.current = true;
    setErrors(fields);
    setFormError(general);
    setAttempt((a) => a + 1);
  };

  const clear = () => {
    setErrors({});
    setFormError(null);
  };

  /** A failed request: the fields the server named go next to their controls, the rest above the button. */
  const fromApi = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      const mapped: FieldErrors<F> = {};
      let unmapped = false;
      for (const f of error.fields) {
        const key = f.field.split('.')[0] as F;
        if (order.includes(key)) mapped[key] ??= say(f.message);
        else unmapped = true;
      }
      if (Object.keys(mapped).length > 0) return show(mapped, unmapped ? error : null);
    }
    show({}, error);
  };

  /** The error summary's items, in form order, each named by its field's label. */
  const summary = (labels: Record<F, string>): SummaryItem[] =>
    order.flatMap((f) => {
      const message = errors[f];
      return message ? [{ id: idOf(f), label: labels[f], message }] : [];
    });

  return { errors, formError, attempt, summaryRef, show, clear, fromApi, summary };
}
