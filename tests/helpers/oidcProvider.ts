import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll } from 'vitest';

/**
 * A real OpenID Connect provider (oidc-provider 9, a Koa app) on a free port of 127.0.0.1, with
 * one confidential client and its development sign-in and consent pages (devInteractions: any
 * login name, any password). PKCE is required of every client. The login name typed is the
 * account's `sub`; its claims are whatever the test set with `setAccount` (defaults otherwise).
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claims the provider gives for this login name (the `sub`). */
  setAccount(login: string, claims: Record<string, unknown>): void;
  addRedirectUri(uri: string): void;
  /** The `oidc` setting of the app's config for this provider. */
  settings(name?: string): {
    issuer: string;
    clientId: string;
    clientSecret: string;
    name: string;
    affiliationClaim: string;
    scope: string;
  };
  /** Authorization requests the provider received (their query), newest last. */
  requests: URLSearchParams[];
  /**
   * Plays the person at the provider: opens the authorization URL, signs in as `login` on the
   * login page, accepts on the consent page, and returns the URL the provider sends the browser
   * back to (the app's callback, with code and state), without opening it.
   */
  authorize(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * Starts the provider. `redirectUris`: the app's callback URLs its client may use; one known only
 * later (a browser test's app port) is added with `addRedirectUri` before the first request.
 */
export async function startOidcProvider({ redirectUris }: { redirectUris: string[] }): Promise<TestOidcProvider> {
  redirectUris = [...redirectUris];
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'convene-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough-for-hs256';
  const accounts = new Map<string, Record<string, unknown>>();
  const requests: URLSearchParams[] = [];

  const makeProvider = () => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
      cookies: { keys: ['test-cookie-key-one', 'test-cookie-key-two'] },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'given_name', 'family_name', 'locale', 'organisation'],
      },
      features: { devInteractions: { enabled: true } },
      findAccount: (_ctx, sub) => ({
        accountId: sub,
        claims: () => ({
          sub,
          email: `${sub}@sso.example.org`,
          email_verified: true,
          name: `SSO ${sub}`,
          ...accounts.get(sub),
        }),
      }),
    });
    provider.use(async (ctx, next) => {
      if (ctx.path === '/auth' && ctx.method === 'GET') requests.push(new URLSearchParams(ctx.querystring));
      await next();
    });
    return provider.callback();
  };
  let handler: ReturnType<Provider['callback']> | undefined;
  server.on('request', (req, res) => {
    handler ??= makeProvider();
    handler(req, res);
  });

  const cookies = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };

  const result: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    requests,
    setAccount: (login, claims) => accounts.set(login, claims),
    addRedirectUri: (uri) => {
      if (handler) throw new Error('add redirect URIs before the first request to the provider');
      redirectUris.push(uri);
    },
    settings: (name = 'Test ID') => ({
      issuer,
      clientId,
      clientSecret,
      name,
      affiliationClaim: 'organisation',
      scope: 'openid email profile',
    }),
    async authorize(authorizationUrl, login) {
      cookies.clear();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 12; hop += 1) {
        if (redirectUris.some((r) => url.href.startsWith(r))) return url;
        if (url.origin !== issuer) throw new Error(`unexpected redirect to ${url.href}`);
        let res = await send(url);
        if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
          const html = await res.text();
          const action = /action="([^"]+)"/.exec(html)?.[1];
          const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
          if (!action || !prompt) throw new Error(`no form on ${url.href}`);
          const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
          res = await send(new URL(action.replace(/&amp;/g, '&'), issuer), {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          });
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`provider answered ${res.status} at ${url.href}: ${await res.text()}`);
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  afterAll(() => result.close());
  return result;
}

/** A 127.0.0.1 URL where nothing listens (a port bound, then released). */
export async function unreachableIssuer(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
