import type { SpaceSummary } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../affiliations/locales';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { useMyAbilities } from '../../auth/api/me';
import { StaffGate } from '../../moderation/components/StaffGate';
import { usePageTitle } from '../../moderation/hooks/usePageTitle';
import { spacesQuery } from '../api/spaces';
import { AdminLog } from '../components/AdminLog';
import '../../moderation/locales';
import '../locales';
import '../admin.css';

/** `/admin`: every space (drafts included), with the way to create one and to manage users. */
export function AdminHome() {
  const { t } = useTranslation('admin');
  return (
    <StaffGate title={t('home.title')}>
      <Home />
    </StaffGate>
  );
}

function Home() {
  const { t } = useTranslation('admin');
  const { t: ta } = useTranslation('affiliations');
  usePageTitle(t('home.title'));
  const abilities = useMyAbilities();
  const spaces = useQuery(spacesQuery);
  if (abilities && !abilities.admin) {
    return (
      <div className="staff admin-page">
        <h1>{t('home.title')}</h1>
        <p className="notice">{t('home.forbidden')}</p>
      </div>
    );
  }
  const rows = (spaces.data?.spaces ?? []).flatMap((s) => [
    { space: s as SpaceSummary, child: false },
    ...s.children.map((c) => ({ space: c, child: true })),
  ]);
  return (
    <div className="staff admin-page">
      <h1>{t('home.title')}</h1>
      <div className="form-row admin-actions">
        <Link className="button" to="/admin/spaces/new">
          {t('home.newSpace')}
        </Link>
        <Link className="button secondary" to="/admin/users">
          {t('home.users')}
        </Link>
        <Link className="button secondary" to="/admin/affiliations">
          {ta('admin.open')}
        </Link>
      </div>
      <h2 id="spaces-title">{t('home.spaces')}</h2>
      {spaces.isError && <ErrorMessage error={spaces.error} />}
      {spaces.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : rows.length === 0 ? (
        <p className="notice">{t('home.noSpaces')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="spaces-title" tabIndex={0}>
          <table className="data-table spaces-table">
            <caption className="visually-hidden">{t('home.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.space')}</th>
                <th scope="col">{t('home.status')}</th>
                <th scope="col">{t('home.dates')}</th>
                <th scope="col">{t('home.moderation')}</th>
                <th scope="col" className="num">
                  {t('home.comments')}
                </th>
                <th scope="col">{t('home.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ space, child }) => (
                <SpaceRow key={space.slug} space={space} child={child} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminLog />
    </div>
  );
}

function SpaceRow({ space, child }: { space: SpaceSummary; child: boolean }) {
  const { t } = useTranslation('admin');
  const fmt = useFormat();
  return (
    <tr className={child ? 'child-row' : undefined}>
      <th scope="row">
        {child && (
          <span aria-hidden="true" className="child-mark">
            ↳{' '}
          </span>
        )}
        <Link to={`/spaces/${space.slug}`}>
          <strong>{space.code}</strong> — {space.title}
        </Link>
        {child && <span className="visually-hidden"> ({t('home.roundtable')})</span>}
      </th>
      <td>
        <span className={`badge status-${space.status}`}>{t(`status.${space.status}`)}</span>
      </td>
      <td className="dates">
        {space.opensAt || space.closesAt ? (
          <>
            {space.opensAt ? fmt.dateTime(space.opensAt) : '…'} – {space.closesAt ? fmt.dateTime(space.closesAt) : '…'}
          </>
        ) : (
          <span className="muted">{t('home.noDates')}</span>
        )}
      </td>
      <td>{t(`mode.${space.moderationMode}`)}</td>
      <td className="num">{fmt.number(space.counts.comments)}</td>
      <td>
        <ul className="row-actions">
          <li>
            <Link to={`/admin/spaces/${space.slug}`}>
              {t('home.edit')}
              <span className="visually-hidden"> {space.code}</span>
            </Link>
          </li>
          <li>
            <Link to={`/spaces/${space.slug}/moderation`}>
              {t('home.queue')}
              <span className="visually-hidden"> {space.code}</span>
            </Link>
          </li>
          <li>
            <Link to={`/spaces/${space.slug}/dashboard`}>
              {t('home.dashboard')}
              <span className="visually-hidden"> {space.code}</span>
            </Link>
          </li>
        </ul>
      </td>
    </tr>
  );
}
