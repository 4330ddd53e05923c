/**
 * Where to go after signing in: the `?next=` path when it stays on this site, else the home page.
 * Rejects protocol-relative ("//host") and backslash tricks, and pages that would loop back here.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  try {
    const url = new URL(raw, window.location.origin);
    if (url.origin !== window.location.origin) return '/';
    if (url.pathname === '/signin' || url.pathname === '/register') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** A link to a sign-in or registration page that carries `next` along (when it is not the home page). */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}
