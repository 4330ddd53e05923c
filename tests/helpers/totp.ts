import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Config } from '../../server/src/config.js';

/**
 * The product default, which testConfig turns off: administrators must use two-factor sign-in
 * (REQUIRE_STAFF_2FA=admins); 20 code attempts a minute.
 */
export const adminsUseTwoFactor: Pick<Config, 'staffAccounts'> = {
  staffAccounts: { require2fa: 'admins', totpLimit: { max: 20, windowMs: 60_000 }, lastUsedGranularityMs: 300_000 },
};

/** The authenticator app's code for this base32 key, `offsetSteps` 30-second steps from now. */
export const totpCode = (key: string, offsetSteps = 0) =>
  generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000) + offsetSteps), 6);
