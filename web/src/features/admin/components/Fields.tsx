import { FieldFrame, type FieldFrameProps } from '../../../components/FieldFrame';
import type { SummaryItem } from '../../../hooks/useFormErrors';
import { useTranslation } from 'react-i18next';

/** A label, an optional hint and the error next to the control, wired with aria-describedby. */
export function Field(props: Omit<FieldFrameProps, 'ns' | 'errorExtra'>) {
  return <FieldFrame ns="admin" {...props} />;
}

/** "There are 3 problems": a link to each field in error, focused after a failed submit. */
export function ErrorSummary({ items, ref }: { items: SummaryItem[]; ref?: React.Ref<HTMLDivElement> }) {
  const { t } = useTranslation('admin');
  if (items.length < 2) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('summary', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(item.id)?.focus();
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
