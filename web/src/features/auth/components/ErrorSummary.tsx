import type { SummaryItem } from '../../../hooks/useFormErrors';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "There is a problem": one link per field in error, shown at the top of a form when more than
 * one field needs fixing. The form moves focus here after a failed submit.
 */
export function ErrorSummary({ items, ref }: { items: SummaryItem[]; ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation('auth');
  if (items.length < 2) return null;
  const go = (id: string) => {
    const el = document.getElementById(id);
    el?.focus();
    el?.closest('.field')?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('summary.title', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(e) => {
                e.preventDefault();
                go(item.id);
              }}
            >
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
