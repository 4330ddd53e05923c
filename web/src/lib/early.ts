/**
 * Answers asked for before the app started: the preload module (`assets/preload-*.js`, made by
 * web/vite.config.ts) fetches the account and, on a space's page, the space as soon as the page
 * opens, in the language the app will pick, while the app's JavaScript is still arriving. The
 * app's first request for one of those paths takes that answer instead of asking again, once,
 * and only if it was asked in the same language and recently.
 */
interface EarlyAnswer {
  lang: string;
  at: number;
  response: Promise<Response>;
}

declare global {
  interface Window {
    __conveneEarly?: Record<string, EarlyAnswer | undefined>;
  }
}

const FRESH_MS = 10_000;

export function takeEarly(path: string, lang: string): Promise<Response> | null {
  const all = window.__conveneEarly;
  const early = all?.[path];
  if (!all || !early) return null;
  delete all[path];
  return early.lang === lang && Date.now() - early.at < FRESH_MS ? early.response : null;
}
