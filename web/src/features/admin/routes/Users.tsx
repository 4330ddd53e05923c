import type { AdminUser } from '@convene/shared';
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { I18nProvider } from 'react-aria-components/I18nProvider';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { countryName, useFormat } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { applyChange } from '../../../lib/cacheChange';
import { useMe, useMyAbilities } from '../../auth/api/me';
import { StaffGate } from '../../moderation/components/StaffGate';
import { usePageTitle } from '../../moderation/hooks/usePageTitle';
import { type AdminUsersPage, updateUser, useUsers, usersKey } from '../api/users';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import '../../moderation/locales';
import '../locales';
import '../admin.css';

type Change = { user: AdminUser; kind: 'disable' | 'enable' | 'promote' | 'demote' };

/** `/admin/users`: search people, disable or enable an account, make or unmake administrators. */
export function Users() {
  const { t, i18n } = useTranslation('admin');
  return (
    <I18nProvider locale={i18n.language}>
      <StaffGate title={t('users.title')}>
        <UsersPage />
      </StaffGate>
    </I18nProvider>
  );
}

function UsersPage() {
  const { t, i18n } = useTranslation('admin');
  const fmt = useFormat();
  usePageTitle(t('users.title'));
  const qc = useQueryClient();
  const me = useMe();
  const abilities = useMyAbilities();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const users = useUsers(q);
  const [change, setChange] = useState<Change | null>(null);
  const [status, setStatus] = useState('');

  const mutation = useMutation({
    mutationFn: (c: Change) =>
      updateUser(
        c.user.id,
        c.kind === 'disable' || c.kind === 'enable'
          ? { disabled: c.kind === 'disable' }
          : { role: c.kind === 'promote' ? 'admin' : 'user' },
      ),
    onSuccess: (user, c) => {
      applyChange<InfiniteData<AdminUsersPage>>(qc, { queryKey: usersKey }, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((p) => ({ ...p, users: p.users.map((u) => (u.id === user.id ? user : u)) })),
            }
          : old,
      );
      setStatus(t(`users.done.${c.kind}`, { name: user.displayName }));
      setChange(null);
      // Back to the row's own action button (its label has changed with the state).
      requestAnimationFrame(() =>
        document
          .getElementById(`user-${user.id}-${c.kind === 'disable' || c.kind === 'enable' ? 'access' : 'role'}`)
          ?.focus(),
      );
    },
  });

  if (abilities && !abilities.admin) {
    return (
      <div className="staff admin-page">
        <h1>{t('users.title')}</h1>
        <p className="notice">{t('home.forbidden')}</p>
      </div>
    );
  }

  const search = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('q', draft.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };

  const list = users.data?.pages.flatMap((p) => p.users) ?? [];
  const selfError =
    mutation.error instanceof ApiError && mutation.error.code === 'cannot_demote_self' ? t('users.cannotSelf') : null;

  return (
    <div className="staff admin-page">
      <p className="staff-breadcrumb">
        <Link to="/admin">{t('home.title')}</Link>
      </p>
      <h1>{t('users.title')}</h1>
      <form role="search" className="user-search" onSubmit={search}>
        <div className="field">
          <label htmlFor="user-q">{t('users.search')}</label>
          <div className="form-row">
            <input id="user-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
            <button type="submit" className="button">
              {t('users.searchButton')}
            </button>
          </div>
        </div>
      </form>
      <p role="status" className="save-status">
        {status}
      </p>
      {users.isError && <ErrorMessage error={users.error} />}
      {users.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : list.length === 0 ? (
        <p className="notice">{q ? t('users.noMatch', { q }) : t('users.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
          <table className="data-table users-table">
            <caption id="users-caption">
              {q ? t('users.captionSearch', { q, count: list.length }) : t('users.caption', { count: list.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.profile')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">{t('home.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => {
                const self = me?.id === u.id;
                return (
                  <tr key={u.id} className={u.disabled ? 'disabled-row' : undefined}>
                    <th scope="row">
                      <bdi>{u.displayName}</bdi>
                      {self && <span className="muted"> ({t('users.you')})</span>}
                      <br />
                      <bdi className="muted">{u.affiliation}</bdi>
                    </th>
                    <td>{u.email}</td>
                    <td>
                      {t(`common:category.${u.stakeholderCategory}`)}
                      {u.country && (
                        <>
                          <br />
                          <span className="muted">{countryName(u.country, i18n.language)}</span>
                        </>
                      )}
                      <br />
                      <span className="muted">{t('users.since', { date: fmt.date(u.createdAt) })}</span>
                    </td>
                    <td>{u.role === 'admin' ? t('users.admin') : t('users.user')}</td>
                    <td>
                      <span className={u.disabled ? 'badge danger' : 'badge ok'}>
                        {u.disabled ? t('users.disabled') : t('users.active')}
                      </span>
                    </td>
                    <td>
                      {self ? (
                        <span className="muted">{t('users.selfNote')}</span>
                      ) : (
                        <div className="form-row">
                          <button
                            id={`user-${u.id}-access`}
                            type="button"
                            className={u.disabled ? 'button secondary small' : 'button secondary small danger-outline'}
                            onClick={() => {
                              mutation.reset();
                              setChange({ user: u, kind: u.disabled ? 'enable' : 'disable' });
                            }}
                          >
                            {u.disabled ? t('users.enable') : t('users.disable')}
                            <span className="visually-hidden"> {u.displayName}</span>
                          </button>
                          <button
                            id={`user-${u.id}-role`}
                            type="button"
                            className="button secondary small"
                            onClick={() => {
                              mutation.reset();
                              setChange({ user: u, kind: u.role === 'admin' ? 'demote' : 'promote' });
                            }}
                          >
                            {u.role === 'admin' ? t('users.demote') : t('users.promote')}
                            <span className="visually-hidden"> {u.displayName}</span>
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() => void users.fetchNextPage()}
            disabled={users.isFetchingNextPage}
          >
            {users.isFetchingNextPage ? t('common:loading') : t('common:actions.loadMore')}
          </button>
        </p>
      )}
      {change && (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => !open && setChange(null)}
          title={t(`users.confirm.${change.kind}.title`, { name: change.user.displayName })}
          confirmLabel={t(`users.confirm.${change.kind}.button`)}
          danger={change.kind === 'disable' || change.kind === 'demote'}
          pending={mutation.isPending}
          error={mutation.error}
          errorText={selfError}
          onConfirm={() => mutation.mutate(change)}
        >
          <p>{t(`users.confirm.${change.kind}.body`, { name: change.user.displayName, email: change.user.email })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
