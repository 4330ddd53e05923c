import { z } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` unless told not to, and probes for it (a
 * `Function('')`) when the first object schema is built. The web client's CSP
 * (`script-src 'self'`) forbids that, and the browser reports the probe as a
 * `securitypolicyviolation` on every page load. In a browser, zod therefore runs jitless.
 *
 * This runs before any schema exists because it is the first import of this package's index, and
 * this package builds every schema the client has: a bundler puts zod and these schemas in one
 * chunk, so a configuration in the web entry would run after them. The server keeps the compiled
 * parsers (no CSP applies to it).
 */
if ('window' in globalThis && 'document' in globalThis) z.config({ jitless: true });
