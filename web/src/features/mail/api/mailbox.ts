import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** One email as GET /api/admin/mailbox lists it (server/src/routes/mailbox). */
export interface MailSummary {
  id: string;
  kind: string;
  transport: 'smtp' | 'mailbox';
  status: MailStatus;
  to: string;
  subject: string;
  locale: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
export interface MailDetail extends MailSummary {
  headers: Record<string, string>;
  html: string | null;
  text: string | null;
}
interface MailboxPage {
  messages: MailSummary[];
  counts: Record<MailStatus, number>;
  nextCursor: string | null;
}

export const mailboxKey = ['admin-mailbox'] as const;

export const mailboxQuery = (status: MailStatus | '') =>
  queryOptions({
    queryKey: [...mailboxKey, 'list', status],
    queryFn: ({ signal }) =>
      api(`/api/admin/mailbox?limit=100${status ? `&status=${status}` : ''}`, {
        signal,
      }) as Promise<MailboxPage>,
    // New mail arrives from the worker; the page shows it without a reload.
    refetchInterval: 5_000,
  });
export const useMailbox = (status: MailStatus | '') => useQuery(mailboxQuery(status));

export const mailQuery = (id: string) =>
  queryOptions({
    queryKey: [...mailboxKey, 'one', id],
    queryFn: ({ signal }) =>
      (api(`/api/admin/mailbox/${id}`, { signal }) as Promise<{ message: MailDetail }>).then((r) => r.message),
  });
export const useMail = (id: string | null) => useQuery({ ...mailQuery(id ?? ''), enabled: id !== null });

export const retryMail = (id: string) => api(`/api/admin/mailbox/${id}/retry`, { method: 'POST' });
