import { useEffect, useRef, useState } from 'react';
import { previewMarkdown } from '../api/preview';

export type ComposerMode = 'write' | 'preview';

export interface PreviewState {
  html: string | null;
  error: unknown;
  loading: boolean;
}

/** The composer's two tabs: writing markdown, and the server's rendering of it. */
export function useMarkdownPreview() {
  const [mode, setMode] = useState<ComposerMode>('write');
  const [preview, setPreview] = useState<PreviewState>({ html: null, error: null, loading: false });
  const previewAbort = useRef<AbortController | null>(null);

  useEffect(() => () => previewAbort.current?.abort(), []);

  /** Shows the rendering of `body`; a newer request (or closing the composer) cancels an older one. */
  const showPreview = async (body: string) => {
    setMode('preview');
    previewAbort.current?.abort();
    if (!body.trim()) {
      setPreview({ html: null, error: null, loading: false });
      return;
    }
    const ctrl = new AbortController();
    previewAbort.current = ctrl;
    setPreview({ html: null, error: null, loading: true });
    try {
      const html = await previewMarkdown(body, ctrl.signal);
      setPreview({ html, error: null, loading: false });
    } catch (err) {
      if (ctrl.signal.aborted) return;
      setPreview({ html: null, error: err, loading: false });
    }
  };

  return { mode, preview, showWrite: () => setMode('write'), showPreview };
}

export type MarkdownPreview = ReturnType<typeof useMarkdownPreview>;
