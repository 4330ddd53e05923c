import type { FieldError } from '@convene/shared';

/** An error meant for the client: thrown anywhere, turned into JSON by the error handler. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, fields?: FieldError[]) =>
  new AppError(400, 'validation_failed', message, fields ? { fields } : undefined);
/** A validation error on one named field, in the same shape as schema validation errors. */
export const fieldInvalid = (field: string, message: string) =>
  new AppError(400, 'validation_failed', `${field}: ${message}`, { fields: [{ field, message }] });
export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
