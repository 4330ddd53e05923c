import { badRequest } from '../errors.js';

/** Opaque keyset cursor over (created_at, id): stable order, constant cost per page. */
export interface Cursor {
  at: Date;
  id: string;
}

export const encodeCursor = (c: { createdAt: Date; id: string }): string =>
  Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString('base64url');

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [iso, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(at.getTime())) {
    throw badRequest('cursor: Invalid cursor', [{ field: 'cursor', message: 'Invalid cursor' }]);
  }
  return { at, id };
}
