import type { CommentDto } from '@convene/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../components/ErrorMessage';
import { setHighlight } from '../api/highlight';
import './highlight-toggle.css';

/**
 * "Relevant for the note": a toggle button (aria-pressed) on a published comment, for chairs.
 * Its name stays the same whatever its state; `describedBy` names the comment it is about.
 */
export interface HighlightToggleProps {
  comment: Pick<CommentDto, 'id' | 'highlighted'>;
  /** Id of the element that names the comment (its heading), read after the button's name. */
  describedBy?: string;
  /** The comment as the server now has it (the live `comment.updated` event follows too). */
  onChanged?: (comment: CommentDto) => void;
}

export function HighlightToggle({ comment, describedBy, onChanged }: HighlightToggleProps) {
  const { t } = useTranslation('moderation');
  const errorText = useErrorText();
  const mutation = useMutation({
    mutationFn: (on: boolean) => setHighlight(comment.id, on),
    onSuccess: onChanged,
  });
  // Shown as requested while the request runs; back to the truth if it fails.
  const on = mutation.isPending ? mutation.variables : comment.highlighted;
  const errorId = `highlight-error-${comment.id}`;
  return (
    <span className="highlight-toggle-wrap">
      <button
        type="button"
        className={on ? 'button secondary highlight-toggle on' : 'button secondary highlight-toggle'}
        aria-pressed={on}
        aria-describedby={[describedBy, mutation.error ? errorId : ''].filter(Boolean).join(' ') || undefined}
        onClick={() => mutation.mutate(!on)}
      >
        <span aria-hidden="true" className="highlight-star">
          {on ? '★' : '☆'}
        </span>
        {t('highlight.label')}
      </button>
      {mutation.error && (
        <span className="field-error" role="alert" id={errorId}>
          {t('highlight.failed', { error: errorText(mutation.error) })}
        </span>
      )}
    </span>
  );
}
