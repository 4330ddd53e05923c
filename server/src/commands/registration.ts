import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { type User, users } from '../db/schema/index.js';
import { fieldInvalid } from '../errors.js';
import type { Jobs } from '../mail/jobs.js';
import { queueVerification } from '../mail/verification.js';
import { applyDomainRule } from './affiliations.js';
import { acceptInvitations, invitationByToken } from './invitations.js';
import { type RegisterInput, registerUser } from './users.js';

/**
 * Registration (`POST /api/auth/register`), in one transaction. Through an invitation's link
 * (`invitationToken`): with the invited address, verified by the link, holding every role it was
 * invited to at once, and an organisation-domain rule on that address verifies the affiliation
 * (commands/affiliations.ts, as the confirmation link does). Otherwise the address is unverified and its verification email is queued.
 */
export async function registerAccount(
  db: Database,
  jobs: Jobs,
  config: Config,
  { invitationToken, ...input }: RegisterInput & { invitationToken?: string | undefined },
): Promise<User> {
  return db.transaction(async (tx) => {
    if (invitationToken) {
      const { invitation } = await invitationByToken(tx, invitationToken);
      if (invitation.email.toLowerCase() !== input.email.toLowerCase()) {
        throw fieldInvalid('email', 'Register with the address the invitation was sent to');
      }
      const user = await registerUser(tx, input, 'user', true);
      await acceptInvitations(tx, user);
      if (!(await applyDomainRule(tx, user.id, user.email))) return user;
      const [verified] = await tx.select().from(users).where(eq(users.id, user.id)).limit(1);
      return verified ?? user;
    }
    const user = await registerUser(tx, input);
    await queueVerification(tx, jobs, config, user.id);
    return user;
  });
}
