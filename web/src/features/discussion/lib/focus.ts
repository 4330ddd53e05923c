/**
 * Focuses an element once React has rendered it (a comment appears after the cache update is
 * delivered), trying for a few frames; then the fallback, if any.
 */
export function focusWhenReady(id: string, fallbackId?: string, frames = 30): void {
  const el = document.getElementById(id);
  if (el) {
    el.focus();
    return;
  }
  if (frames <= 0) {
    if (fallbackId) document.getElementById(fallbackId)?.focus();
    return;
  }
  requestAnimationFrame(() => focusWhenReady(id, fallbackId, frames - 1));
}
