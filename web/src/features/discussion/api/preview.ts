import type { previewResponse } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

/** The exact HTML the server will publish for this markdown. */
export const previewMarkdown = (body: string, signal?: AbortSignal) =>
  api<Answer<typeof previewResponse>>('/api/preview', { method: 'POST', body: { body }, signal }).then((r) => r.html);
