import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import type { User } from '../db/schema/index.js';
import { queueMail } from './compose.js';
import type { Jobs } from './jobs.js';
import { renderAffiliationOutcome } from './templates/affiliation.js';

/** Tells the person the outcome of their affiliation request (in the transaction that decided it). */
export async function queueAffiliationMail(
  tx: Tx,
  jobs: Jobs,
  config: Config,
  input: { user: User; outcome: 'verified' | 'declined'; organisation?: string; reason?: string },
): Promise<void> {
  const { user } = input;
  const rendered = await renderAffiliationOutcome({
    locale: user.locale,
    displayName: user.displayName,
    organisation: input.organisation ?? user.affiliation,
    outcome: input.outcome,
    reason: input.reason,
    url: `${config.appOrigin}/account#affiliation`,
  });
  await queueMail(tx, jobs, config, {
    kind: input.outcome === 'verified' ? 'affiliation_verified' : 'affiliation_declined',
    to: user.email,
    userId: user.id,
    locale: user.locale,
    rendered,
  });
}
