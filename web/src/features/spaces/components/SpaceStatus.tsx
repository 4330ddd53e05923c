import type { SpaceSummary } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { spaceState } from '../lib/status';

type Dated = Pick<SpaceSummary, 'status' | 'isOpen' | 'opensAt' | 'closesAt'>;

/** "Open · closes in 5 days", "Opens on 3 March 2027", "Closed", "Archived", "Draft". */
export function SpaceStatusBadge({ space }: { space: Dated }) {
  const { t } = useTranslation('spaces');
  const fmt = useFormat();
  const state = spaceState(space);
  switch (state.kind) {
    case 'open':
      return (
        <span className="badge ok">
          {state.closesAt ? t('status.openCloses', { when: fmt.relative(state.closesAt) }) : t('status.open')}
        </span>
      );
    case 'notYetOpen':
      return <span className="badge warn">{t('status.notYetOpen', { date: fmt.date(state.opensAt) })}</span>;
    case 'closed':
      return <span className="badge">{t('status.closed')}</span>;
    case 'archived':
      return <span className="badge">{t('status.archived')}</span>;
    case 'draft':
      return <span className="badge danger">{t('status.draft')}</span>;
  }
}

/** The opening and closing dates in words. */
export function SpaceDates({ space }: { space: Dated }) {
  const { t } = useTranslation('spaces');
  const fmt = useFormat();
  const time = (iso: string) => <time dateTime={iso}>{fmt.date(iso)}</time>;
  const { opensAt, closesAt } = space;
  if (opensAt && closesAt) {
    return (
      <span className="space-dates">
        {t('dates.from')} {time(opensAt)} {t('dates.to')} {time(closesAt)}
      </span>
    );
  }
  if (opensAt) {
    return (
      <span className="space-dates">
        {t('dates.since')} {time(opensAt)}
      </span>
    );
  }
  if (closesAt) {
    return (
      <span className="space-dates">
        {t('dates.until')} {time(closesAt)}
      </span>
    );
  }
  return null;
}

/** "12 posts / 3 new" (the new count only for signed-in readers). */
export function SpaceCounts({ counts }: { counts: SpaceSummary['counts'] }) {
  const { t } = useTranslation('spaces');
  return (
    <span className="space-counts">
      {t('counts.posts', { count: counts.comments })}
      {counts.new !== null && (
        <>
          {' / '}
          <span className={counts.new > 0 ? 'space-new' : undefined}>{t('counts.new', { count: counts.new })}</span>
        </>
      )}
    </span>
  );
}
