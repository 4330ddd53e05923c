import { useEffect } from 'react';
import { useLocation } from 'react-router';

const WAIT_MS = 15_000;

/**
 * Arriving at `/spaces/<slug>#comment-<id>` (from "My contributions", or a shared link): once that
 * comment is on the page (lists load after the page), it is scrolled into view and focused, so a
 * screen reader starts there too.
 */
export function useCommentFromHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!/^#comment-[0-9a-f-]{36}$/i.test(hash)) return;
    const id = hash.slice(1);
    const reveal = () => {
      const el = document.getElementById(id);
      if (!el) return false;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return true;
    };
    if (reveal()) return;
    const observer = new MutationObserver(() => {
      if (reveal()) observer.disconnect();
    });
    observer.observe(document.getElementById('main') ?? document.body, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
  }, [hash]);
}
