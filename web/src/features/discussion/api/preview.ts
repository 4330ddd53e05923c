import { previewResponse } from '@convene/shared';
import { api } from '../../../lib/api';

/** The exact HTML the server will publish for this markdown. */
export const previewMarkdown = (body: string, signal?: AbortSignal) =>
  api('/api/preview', { method: 'POST', body: { body }, schema: previewResponse, signal }).then((r) => r.html);
