import type { ReportCategory, okResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/**
 * Reports a published comment for the staff's review (the Reported tab), once per person, with a
 * category and a note (required for `other`); 409 `already_reported` the second time.
 */
export const reportComment = (id: string, report: { category: ReportCategory; note?: string }) =>
  api<Answer<typeof okResponse>>(`/api/comments/${id}/reports`, { method: 'POST', body: report });
