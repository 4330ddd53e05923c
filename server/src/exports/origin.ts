const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|::ffff:127(?:\.\d{1,3}){3})$/i;

/** Whether an origin's links point at this machine only (localhost, 127.x, ::1). */
export const isLoopbackOrigin = (origin: string): boolean => LOOPBACK.test(new URL(origin).hostname);

/**
 * A start-up warning when the permalinks in exports would point at this machine only: the
 * server listens on a non-loopback address (others can reach it) while `APP_ORIGIN` is unset
 * (so it defaults to http://localhost:PORT) or names a loopback host. Null when all is well.
 */
export function appOriginWarning(config: { host: string; appOrigin: string }, appOriginSet: boolean): string | null {
  if (LOOPBACK.test(config.host)) return null;
  if (appOriginSet && !isLoopbackOrigin(config.appOrigin)) return null;
  return (
    `APP_ORIGIN is ${appOriginSet ? '' : 'not set, so it is '}${config.appOrigin} while the server listens on ` +
    `${config.host}: links in exports and notes (permalinks, attachments) will point at localhost. ` +
    'Set APP_ORIGIN to the public address, e.g. APP_ORIGIN=https://convene.example.org.'
  );
}
