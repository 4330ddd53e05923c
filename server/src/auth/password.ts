import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id with OWASP's recommended cost (19 MiB, 2 passes).
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

let dummyHash: Promise<string> | undefined;
/**
 * Burns the same time as a real verification: used when the email is unknown, so that an
 * unknown email and a wrong password cannot be told apart by timing either.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hash('convene-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
