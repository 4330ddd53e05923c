import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

/** A failed load, announced, with a button to try it again. */
export function ErrorWithRetry({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('common');
  return (
    <div>
      <ErrorMessage error={error} />
      <button type="button" className="button secondary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
