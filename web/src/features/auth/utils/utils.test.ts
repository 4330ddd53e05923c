import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { localizeFieldMessage } from './fieldMessages';
import { safeNext, withNext } from './next';

describe('safeNext', () => {
  beforeAll(() => {
    // Runs under node: just enough of `window` for the same-origin check.
    (globalThis as { window?: unknown }).window ??= { location: { origin: 'https://convene.example' } };
  });

  it('keeps same-site paths with their query and hash', () => {
    expect(safeNext('/spaces/rt-1-1?tag=16#q2')).toBe('/spaces/rt-1-1?tag=16#q2');
    expect(safeNext('/account')).toBe('/account');
  });

  it('falls back to the home page for anything else', () => {
    for (const bad of [
      null,
      '',
      'spaces',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
    ])
      expect(safeNext(bad)).toBe('/');
  });

  it('never sends back to the sign-in or registration page', () => {
    expect(safeNext('/signin?next=/x')).toBe('/');
    expect(safeNext('/register')).toBe('/');
  });

  it('carries next only when it is not the home page', () => {
    expect(withNext('/signin', '/')).toBe('/signin');
    expect(withNext('/signin', '/spaces/a?b=c')).toBe('/signin?next=%2Fspaces%2Fa%3Fb%3Dc');
  });
});

describe('localizeFieldMessage', () => {
  const t = ((key: string, opts?: Record<string, unknown>) => `${key}${opts ? JSON.stringify(opts) : ''}`) as TFunction;

  it('translates the shared schemas’ messages', () => {
    expect(localizeFieldMessage(t, 'Required')).toBe('auth:validation.required');
    expect(localizeFieldMessage(t, 'At least 12 characters')).toBe('auth:validation.minLength{"n":12}');
    expect(localizeFieldMessage(t, 'At most 120 characters')).toBe('auth:validation.maxLength{"n":120}');
    expect(localizeFieldMessage(t, 'Enter a valid email address')).toBe('auth:validation.email');
    expect(localizeFieldMessage(t, 'An account with this email already exists')).toBe('auth:validation.emailTaken');
    expect(localizeFieldMessage(t, 'Unknown country code')).toBe('auth:validation.country');
  });

  it('shows anything else as the server wrote it', () => {
    expect(localizeFieldMessage(t, 'Something new')).toBe('Something new');
  });
});
