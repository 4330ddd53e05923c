import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_LOG_ACTIONS, OIDC_ERRORS } from '@convene/shared';
import { describe, expect, it } from 'vitest';

/**
 * Codes the server sends and the web client names, both from @convene/shared, each with its
 * English text: every administrative-log action its label on the log page, every single-sign-on
 * failure its message on the sign-in page. tests/checks/locales-complete.test.ts holds the other
 * five languages to the English files.
 */
const read = <T>(path: string) =>
  JSON.parse(readFileSync(new URL(`../../web/src/${path}`, import.meta.url), 'utf8')) as T;
const staff = read<{ log: { actions: Record<string, string> } }>('features/staffAccounts/locales/en.json');
const sso = read<{ errors: Record<string, string> }>('features/auth/locales/sso/en.json');

/** The codes without a text, and the texts for no code. */
const mismatch = (codes: readonly string[], texts: Record<string, string>) => ({
  unlabelled: codes.filter((c) => !texts[c]),
  stale: Object.keys(texts).filter((k) => !codes.includes(k)),
});

describe('codes with their texts', () => {
  it('has an English label for every logged administrative action', () => {
    expect(mismatch(ADMIN_LOG_ACTIONS, staff.log.actions)).toEqual({ unlabelled: [], stale: [] });
  });
  it('has an English message for every single-sign-on failure code', () => {
    expect(mismatch(OIDC_ERRORS, sso.errors)).toEqual({ unlabelled: [], stale: [] });
  });
  it('says in the interface language only error codes the server sends', () => {
    const common = read<{ errors: { codes: Record<string, string> } }>('i18n/locales/en/common.json');
    const codes = new Set(
      Object.keys(common.errors.codes).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')),
    );
    const server = fileURLToPath(new URL('../../server/src', import.meta.url));
    const source = readdirSync(server, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(server, f), 'utf8'))
      .join('\n');
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((c) => !source.includes(`'${c}'`))).toEqual([]);
  });
});
