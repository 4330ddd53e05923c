import { okResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** Reports a published comment for the staff's review (the Reported tab), once per person. */
export const reportComment = (id: string, reason: string) =>
  api(`/api/comments/${id}/reports`, { method: 'POST', body: { reason }, schema: okResponse });
