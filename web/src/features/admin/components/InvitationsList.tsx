import type { InvitationDto, SpaceDetail } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { invitationsQuery, resendInvitation, revokeInvitation, useInvitations } from '../api/invitations';
import '../../auth/locales';

/** The space's invitations not accepted yet: resend (new link, 14 more days) or revoke. */
export function InvitationsList({ space, onStatus }: { space: SpaceDetail; onStatus: (message: string) => void }) {
  const { t } = useTranslation(['identity', 'admin']);
  const format = useFormat();
  const qc = useQueryClient();
  const invitations = useInvitations(space.slug);
  const store = (list: InvitationDto[]) => qc.setQueryData(invitationsQuery(space.slug).queryKey, list);
  const resend = useMutation({
    mutationFn: (i: InvitationDto) => resendInvitation(i.id),
    onSuccess: (list, i) => {
      store(list);
      onStatus(t('admin.resent', { email: i.email }));
    },
  });
  const revoke = useMutation({
    mutationFn: (i: InvitationDto) => revokeInvitation(i.id),
    onSuccess: (list, i) => {
      store(list);
      onStatus(t('admin.revoked', { email: i.email }));
    },
  });
  const list = invitations.data ?? [];
  const busy = resend.isPending || revoke.isPending;
  return (
    <section className="invitations" aria-labelledby="invitations-title">
      <h3 id="invitations-title">{t('admin.title')}</h3>
      {invitations.isError && <ErrorMessage error={invitations.error} />}
      {invitations.isPending ? null : list.length === 0 ? (
        <p className="muted">{t('admin.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('admin.caption', { code: space.code })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.email')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{t(`admin:roles.role.${i.role}`)}</td>
                  <td>{t(`admin.statuses.${i.status}`)}</td>
                  <td>
                    <time dateTime={i.expiresAt}>{format.date(i.expiresAt)}</time>
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={busy}
                      onClick={() => resend.mutate(i)}
                    >
                      {t('admin.resend')}
                      <span className="visually-hidden">: {t('admin.what', { email: i.email })}</span>
                    </button>{' '}
                    <button
                      type="button"
                      className="button secondary small danger-outline"
                      disabled={busy}
                      onClick={() => revoke.mutate(i)}
                    >
                      {t('admin.revoke')}
                      <span className="visually-hidden">: {t('admin.what', { email: i.email })}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage error={resend.error ?? revoke.error} />
    </section>
  );
}
