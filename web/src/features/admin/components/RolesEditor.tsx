import { SPACE_ROLES, type SpaceDetail, type SpaceRole } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ApiError } from '../../../lib/api';
import { invitationsQuery, invite } from '../api/invitations';
import { revokeRole, rolesQuery, useRoles } from '../api/roles';
import { localizeFieldMessage } from '../lib/messages';
import { Field } from './Fields';
import { InvitationsList } from './InvitationsList';
import '../../auth/locales';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Moderators and chairs of a space, appointed and revoked by email (administrators). An address
 * with no account receives an invitation instead; open invitations are listed below the roles.
 */
export function RolesEditor({ space }: { space: SpaceDetail }) {
  const { t } = useTranslation('admin');
  const { t: ti } = useTranslation('identity');
  const qc = useQueryClient();
  const roles = useRoles(space.slug, true);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<SpaceRole>('moderator');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const refreshSpace = () => void qc.invalidateQueries({ queryKey: ['space', space.slug] });

  const grant = useMutation({
    mutationFn: (v: { email: string; role: SpaceRole }) => invite(space.slug, v.email, v.role),
    onSuccess: (res, v) => {
      qc.setQueryData(invitationsQuery(space.slug).queryKey, res.invitations);
      setEmail('');
      const role = t(`roles.role.${v.role}`);
      if (res.outcome === 'granted') {
        void qc.invalidateQueries({ queryKey: rolesQuery(space.slug).queryKey });
        refreshSpace();
        setStatus(t('roles.granted', { email: v.email, role }));
      } else {
        setStatus(ti('admin.invited', { email: v.email, role }));
      }
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field('email')) {
        setEmailError(localizeFieldMessage(t, err.field('email') ?? ''));
        document.getElementById('role-email')?.focus();
      }
    },
  });

  const revoke = useMutation({
    mutationFn: (v: { email: string; role: SpaceRole; name: string }) => revokeRole(space.slug, v.email, v.role),
    onSuccess: (list, v) => {
      qc.setQueryData(rolesQuery(space.slug).queryKey, list);
      refreshSpace();
      setStatus(t('roles.revoked', { name: v.name, role: t(`roles.role.${v.role}`) }));
      document.getElementById('role-email')?.focus();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    const value = email.trim();
    if (!EMAIL.test(value)) {
      setEmailError(t('validation.email'));
      document.getElementById('role-email')?.focus();
      return;
    }
    setEmailError(null);
    grant.mutate({ email: value, role });
  };

  const list = roles.data ?? [];
  const grantFailedElsewhere = grant.error && !emailError;

  return (
    <section className="roles-editor" aria-labelledby="roles-title">
      <h2 id="roles-title">{t('roles.title')}</h2>
      <p className="muted">{ti('admin.intro')}</p>
      {roles.isError && <ErrorMessage error={roles.error} />}
      {roles.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : list.length === 0 ? (
        <p className="notice">{t('roles.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('roles.caption', { code: space.code })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roles.person')}</th>
                <th scope="col">{t('roles.email')}</th>
                <th scope="col">{t('roles.roleColumn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('roles.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={`${r.user.id}-${r.role}`}>
                  <th scope="row">
                    <bdi>{r.user.displayName}</bdi>
                    <br />
                    <bdi className="muted">{r.user.affiliation}</bdi>
                  </th>
                  <td>{r.user.email}</td>
                  <td>{t(`roles.role.${r.role}`)}</td>
                  <td>
                    <button
                      type="button"
                      className="button secondary small danger-outline"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ email: r.user.email, role: r.role, name: r.user.displayName })}
                    >
                      {t('roles.revoke')}
                      <span className="visually-hidden">
                        : {t('roles.revokeWhat', { name: r.user.displayName, role: t(`roles.role.${r.role}`) })}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={revoke.error} />
      <InvitationsList space={space} onStatus={setStatus} />

      <form className="appoint-form" onSubmit={submit} noValidate aria-labelledby="appoint-title">
        <h3 id="appoint-title">{t('roles.appointTitle')}</h3>
        <div className="form-grid">
          <Field id="role-email" label={t('roles.email')} hint={ti('admin.emailHint')} error={emailError ?? undefined}>
            {(c) => (
              <input
                {...c}
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  setEmailError(null);
                }}
              />
            )}
          </Field>
          <Field id="role-role" label={t('roles.roleColumn')}>
            {(c) => (
              <select {...c} value={role} onChange={(e) => setRole(e.target.value as SpaceRole)}>
                {SPACE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {grantFailedElsewhere && <ErrorMessage error={grant.error} />}
        <button type="submit" className="button" disabled={grant.isPending}>
          {grant.isPending ? t('working') : t('roles.appoint')}
        </button>
        <p role="status" className="save-status">
          {status}
        </p>
      </form>
    </section>
  );
}
