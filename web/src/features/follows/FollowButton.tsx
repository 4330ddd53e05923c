import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/ErrorMessage';
import { type FollowTarget, useFollow } from './api';
import './follow-button.css';

/**
 * Follow a space or one of its guiding questions: a toggle button (aria-pressed) whose name stays
 * the same whatever its state. New published contributions in what one follows are emailed (a
 * daily digest by default; see the notification preferences). Nothing for a guest (`following`
 * null): following needs an account.
 */
export function FollowButton({
  target,
  following,
  label,
}: {
  target: FollowTarget;
  following: boolean | null;
  /** The button's name, e.g. "Follow this space", "Follow question 2". */
  label: string;
}) {
  const { t } = useTranslation('follows');
  const errorText = useErrorText();
  const mutation = useFollow(target);
  if (following === null) return null;
  // Shown as requested while the request runs; back to the truth if it fails.
  const on = mutation.isPending ? mutation.variables : following;
  const id = `follow-${target.questionId ?? target.slug}`;
  return (
    <span className="follow-button-wrap">
      <button
        type="button"
        className={on ? 'button secondary follow-button on' : 'button secondary follow-button'}
        aria-pressed={on}
        aria-describedby={`${id}-hint${mutation.error ? ` ${id}-error` : ''}`}
        onClick={() => mutation.mutate(!on)}
      >
        <span aria-hidden="true" className="follow-mark">
          {on ? '✓' : '+'}
        </span>
        {label}
      </button>
      <span id={`${id}-hint`} className="visually-hidden">
        {t('hint')}
      </span>
      {mutation.error && (
        <span className="field-error" role="alert" id={`${id}-error`}>
          {t('failed', { error: errorText(mutation.error) })}
        </span>
      )}
    </span>
  );
}
