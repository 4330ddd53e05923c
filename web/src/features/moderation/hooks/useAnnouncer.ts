import { useCallback, useState } from 'react';

/**
 * A polite live region's text. Each announcement gets a new key so the same sentence twice in a
 * row is read twice.
 */
export function useAnnouncer() {
  const [message, setMessage] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  return { message, announce };
}
