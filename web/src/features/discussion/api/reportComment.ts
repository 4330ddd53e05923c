import { okResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** Reports a published comment to the moderators (409 `already_reported` the second time). */
export const reportComment = (id: string, reason: string) =>
  api(`/api/comments/${id}/reports`, { method: 'POST', body: { reason }, schema: okResponse });
