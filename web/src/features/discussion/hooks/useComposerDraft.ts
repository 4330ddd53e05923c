import type { CommentDto, CommentLanguage } from '@convene/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiscussion } from '../context';
import {
  type Draft,
  type DraftTarget,
  browserStorage,
  draftKey,
  loadDraft,
  newClientId,
  removeDraft,
  saveDraft,
} from '../lib/drafts';

/** Saving waits until typing pauses this long (ms). */
const SAVE_DELAY = 400;

/** What the footnote says about the draft on this device. */
export type DraftStatus = 'notSaved' | 'restored' | 'saved' | 'info';

/**
 * The text, language and tags being written, kept on this device so that a reload, a network
 * drop or an expired session loses nothing; with the clientId that makes a retried send one comment.
 */
export function useComposerDraft(target: DraftTarget, editing: CommentDto | undefined) {
  const { i18n } = useTranslation('discussion');
  const d = useDiscussion();
  const storage = browserStorage();
  const key = d.meId ? draftKey(d.meId, d.spaceId, target) : null;

  // The draft on this device wins over everything: it is what the person last typed.
  const [initial] = useState<Draft>(() => {
    const saved = key ? loadDraft(storage, key) : null;
    const uiLanguage = i18n.language as CommentLanguage;
    const fallbackLanguage = d.acceptedLanguages.includes(uiLanguage) ? uiLanguage : (d.acceptedLanguages[0] ?? null);
    const base: Draft = editing
      ? {
          clientId: newClientId(),
          body: editing.pendingRevision?.bodyMd ?? editing.bodyMd ?? '',
          language: editing.language,
          tags: editing.tags.map((x) => x.code),
          baseVersion: editing.version,
          savedAt: 0,
        }
      : { clientId: newClientId(), body: '', language: fallbackLanguage, tags: [], savedAt: 0 };
    const language = saved?.language && d.acceptedLanguages.includes(saved.language) ? saved.language : base.language;
    return saved ? { ...base, ...saved, language } : base;
  });
  const [body, setBody] = useState(initial.body);
  const [language, setLanguage] = useState<CommentLanguage | null>(initial.language);
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [clientId, setClientId] = useState(initial.clientId);
  const [baseVersion, setBaseVersion] = useState(initial.baseVersion);
  const [savedAt, setSavedAt] = useState<number | null>(initial.savedAt || null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [restored] = useState(initial.savedAt > 0);
  // The language the writer picked (or that an edit or a restored draft already has) is theirs:
  // a guess from the text never replaces it.
  const languageChosen = useRef(editing !== undefined || (initial.savedAt > 0 && initial.body.trim() !== ''));
  const [suggested, setSuggested] = useState<CommentLanguage | null>(null);
  const suggestLanguage = useCallback((guess: CommentLanguage) => {
    if (languageChosen.current) return;
    setSuggested(guess);
    setLanguage(guess);
  }, []);

  const submittedRef = useRef(false);
  const latest = useRef<Draft>(initial);
  const dirty = useRef(false);

  // Keeps the latest text for the flushes below; saving waits until typing pauses.
  useEffect(() => {
    const draft: Draft = {
      clientId,
      body,
      language,
      tags,
      ...(baseVersion !== undefined ? { baseVersion } : {}),
      savedAt: Date.now(),
    };
    latest.current = draft;
    if (!key || submittedRef.current || !dirty.current) return;
    const timer = setTimeout(() => {
      const ok = saveDraft(storage, key, draft);
      setSaveFailed(!ok);
      if (ok) setSavedAt(draft.savedAt);
    }, SAVE_DELAY);
    return () => clearTimeout(timer);
  }, [key, storage, clientId, body, language, tags, baseVersion]);

  // Leaving the page or closing the composer must not lose the last keystrokes.
  useEffect(() => {
    if (!key) return;
    const flush = () => {
      if (dirty.current && !submittedRef.current) saveDraft(storage, key, latest.current);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key, storage]);

  const edited = <T>(set: (v: T) => void) => {
    return (v: T) => {
      dirty.current = true;
      set(v);
    };
  };

  const status: DraftStatus = saveFailed
    ? 'notSaved'
    : restored && savedAt === initial.savedAt
      ? 'restored'
      : savedAt
        ? 'saved'
        : 'info';

  return {
    body,
    language,
    tags,
    clientId,
    baseVersion,
    changeBody: edited(setBody),
    changeLanguage: (value: CommentLanguage) => {
      languageChosen.current = true;
      setSuggested(null);
      edited(setLanguage)(value);
    },
    /** Selects the language guessed from the text, unless the writer chose one. */
    suggestLanguage,
    /** Whether the language shown is the guess from the text (not the writer's choice). */
    languageSuggested: suggested !== null && suggested === language,
    changeTags: edited(setTags),
    /** Whether there is something to discard: a saved draft or text. */
    hasContent: savedAt !== null || body.trim() !== '',
    status,
    /** Before a send: the clientId is on the device before the request leaves, so a retry after any failure reuses it. */
    keepForRetry() {
      if (key) saveDraft(storage, key, latest.current);
      dirty.current = true;
    },
    /** The server refused this clientId (used for another comment): the next send gets a new one. */
    renewClientId() {
      setClientId(newClientId());
    },
    /** An edit conflicted: the next save is based on the version now on the server. */
    rebase(version: number) {
      setBaseVersion(version);
    },
    /** Sent, or discarded: the draft is forgotten and nothing saves it again. */
    forget() {
      submittedRef.current = true;
      if (key) removeDraft(storage, key);
    },
  };
}

export type ComposerDraft = ReturnType<typeof useComposerDraft>;
