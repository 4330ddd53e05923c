import { readFileSync } from 'node:fs';
import { ADMIN_LOG_ACTIONS } from '@convene/shared';
import { describe, expect, it } from 'vitest';

/**
 * Every action the administrative log records has its label on the log page. The English file
 * is read here; tests/checks/locales-complete.test.ts holds the other five languages to it.
 */
const en = JSON.parse(
  readFileSync(new URL('../../web/src/features/staffAccounts/locales/en.json', import.meta.url), 'utf8'),
) as { log: { actions: Record<string, string> } };

describe('administrative log labels', () => {
  it('has an English label for every logged action', () => {
    expect(ADMIN_LOG_ACTIONS.filter((a) => !en.log.actions[a])).toEqual([]);
    expect(Object.keys(en.log.actions).filter((a) => !(ADMIN_LOG_ACTIONS as readonly string[]).includes(a))).toEqual(
      [],
    );
  });
});
