import type { NoteDto, noteConflictDetails } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Answer, ApiError } from '../../../lib/api';
import { getNote, noteQuery } from '../api/getNote';
import { restoreVersion } from '../api/restoreVersion';
import { saveNote } from '../api/saveNote';
import { versionsKey } from '../api/getVersions';
import { notesKey } from '../api/getNotes';
import {
  type Draft,
  type KeptText,
  clearKept,
  clearStoredDraft,
  draftFromNote,
  loadKept,
  loadStoredDraft,
  mapServerFields,
  sameContent,
  storeDraft,
  storeKept,
  toRequest,
  validateDraft,
} from '../lib/draft';

/** Autosave waits this long after the last change. */
export const AUTOSAVE_DELAY = 1500;
const MAX_RETRY_DELAY = 30_000;

export interface Conflict {
  note: NoteDto;
  updatedBy: { id: string; displayName: string } | null;
  updatedAt: string;
}

export type SaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Network or server trouble: retried with growing delays, the text kept on this device. */
  | { kind: 'retrying'; attempt: number; delay: number }
  /** A field is refused (by the checks here or by the server): shown next to the field. */
  | { kind: 'invalid' }
  | { kind: 'failed'; error: unknown }
  /** Someone saved in between: autosave stops until the chair loads their version. */
  | { kind: 'conflict'; conflict: Conflict };

/** A save announced live by another chair (or another window). */
export interface RemoteSave {
  version: number;
  updatedBy: string;
  updatedAt: string;
}

interface Init {
  draft: Draft;
  dirty: boolean;
  kept: KeptText | null;
  restoredLocal: boolean;
}

/** Starts from the server's note, or from this device's unsaved copy when it was based on it. */
function initialise(note: NoteDto): Init {
  const server = draftFromNote(note);
  const stored = loadStoredDraft(note.id);
  let kept = loadKept(note.id);
  if (stored && !sameContent(stored.draft, server)) {
    if (stored.baseVersion === note.version) {
      return { draft: stored.draft, dirty: true, kept, restoredLocal: true };
    }
    // Based on an older version: never pushed over someone's newer text, shown to copy instead.
    kept = { draft: stored.draft, reason: 'stale', at: stored.changedAt };
    storeKept(note.id, kept);
  }
  clearStoredDraft(note.id);
  return { draft: server, dirty: false, kept, restoredLocal: false };
}

/**
 * The note being edited and its continuous saving: ~1.5 s after the last change and on blur,
 * always sending the version the edit started from. Unsaved text is copied to localStorage on
 * every change. A 409 stops autosave (nothing is overwritten); network failures are retried
 * with backoff.
 */
export function useNoteEditor(initial: NoteDto) {
  const qc = useQueryClient();
  const noteId = initial.id;
  const [init] = useState(() => initialise(initial));

  const [draft, setDraftState] = useState<Draft>(init.draft);
  const [server, setServer] = useState<NoteDto>(initial);
  const [baseVersion, setBaseVersion] = useState(initial.version);
  const [status, setStatus] = useState<SaveStatus>(
    init.dirty ? { kind: 'pending' } : { kind: 'saved', at: initial.updatedAt },
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [kept, setKeptState] = useState<KeptText | null>(init.kept);
  const [restoredLocal, setRestoredLocal] = useState(init.restoredLocal);
  const [remote, setRemote] = useState<RemoteSave | null>(null);

  const draftRef = useRef(init.draft);
  const base = useRef(initial.version);
  const revision = useRef(init.dirty ? 1 : 0);
  const savedRevision = useRef(0);
  const inFlight = useRef(false);
  const conflicted = useRef(false);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const isDirty = () => revision.current !== savedRevision.current;

  const setDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  };

  const persist = useCallback(() => {
    storeDraft(noteId, { baseVersion: base.current, draft: draftRef.current, changedAt: new Date().toISOString() });
  }, [noteId]);

  const setKept = useCallback(
    (k: KeptText | null) => {
      setKeptState(k);
      if (k) storeKept(noteId, k);
      else clearKept(noteId);
    },
    [noteId],
  );

  /** Makes `note` the current state, discarding local changes (kept to copy when there were any). */
  const adopt = useCallback(
    (note: NoteDto, reason: KeptText['reason'] | null) => {
      if (timer.current) clearTimeout(timer.current);
      if (reason && isDirty() && !sameContent(draftRef.current, draftFromNote(note))) {
        setKept({ draft: draftRef.current, reason, at: new Date().toISOString() });
      }
      base.current = note.version;
      setBaseVersion(note.version);
      savedRevision.current = revision.current;
      conflicted.current = false;
      attempt.current = 0;
      setDraft(draftFromNote(note));
      setServer(note);
      setFieldErrors({});
      setRemote(null);
      setRestoredLocal(false);
      clearStoredDraft(noteId);
      setStatus({ kind: 'saved', at: note.updatedAt });
      qc.setQueryData(noteQuery(noteId).queryKey, { note });
      void qc.invalidateQueries({ queryKey: versionsKey(noteId) });
    },
    [noteId, qc, setKept],
  );

  const saveRef = useRef<() => Promise<void>>(async () => {});

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (conflicted.current || inFlight.current || !isDirty()) return;
    const sent = draftRef.current;
    const invalid = validateDraft(sent);
    if (Object.keys(invalid).length) {
      setFieldErrors(Object.fromEntries(Object.entries(invalid).map(([k, v]) => [k, `client:${v}`])));
      setStatus({ kind: 'invalid' });
      return;
    }
    inFlight.current = true;
    const sentRevision = revision.current;
    const sentKeys = sent.sections.map((s) => s.key);
    setStatus({ kind: 'saving' });
    const succeeded = (note: NoteDto) => {
      attempt.current = 0;
      base.current = note.version;
      setBaseVersion(note.version);
      savedRevision.current = sentRevision;
      // New sections get the server's ids, by the position they were sent at.
      const ids = new Map(sentKeys.map((k, i) => [k, note.sections[i]?.id]));
      const current = draftRef.current;
      if (current.sections.some((s) => !s.id && ids.get(s.key))) {
        setDraft({ ...current, sections: current.sections.map((s) => (s.id ? s : { ...s, id: ids.get(s.key) })) });
      }
      setServer(note);
      setFieldErrors({});
      qc.setQueryData(noteQuery(noteId).queryKey, { note });
      void qc.invalidateQueries({ queryKey: versionsKey(noteId) });
      void qc.invalidateQueries({ queryKey: ['notes', 'list'] });
      if (isDirty()) {
        persist();
        setStatus({ kind: 'pending' });
        schedule(AUTOSAVE_DELAY);
      } else {
        clearStoredDraft(noteId);
        setStatus({ kind: 'saved', at: note.updatedAt });
      }
    };
    try {
      const { note } = await saveNote(noteId, toRequest(sent, base.current));
      succeeded(note);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // The server's 409 carries the note as it is now (shared `noteConflictDetails`).
        const details = err.details as Partial<Answer<typeof noteConflictDetails>> | undefined;
        if (typeof details?.note?.version === 'number' && details.updatedBy && details.updatedAt) {
          const conflict = details as Answer<typeof noteConflictDetails>;
          const theirs = conflict.note;
          // Our own save whose answer was lost (the connection dropped after it was written), or
          // a save of exactly this text: nothing would be overwritten, so carry on from it.
          if (theirs.version === base.current + 1 && sameContent(draftFromNote(theirs), sent)) {
            succeeded(theirs);
            return;
          }
          conflicted.current = true;
          persist();
          setStatus({ kind: 'conflict', conflict });
        } else {
          conflicted.current = true;
          setStatus({ kind: 'failed', error: err });
        }
      } else if (err instanceof ApiError && (err.isNetwork || err.status >= 500 || err.status === 429)) {
        const delay = Math.min(MAX_RETRY_DELAY, 2000 * 2 ** attempt.current);
        attempt.current += 1;
        setStatus({ kind: 'retrying', attempt: attempt.current, delay });
        schedule(delay);
      } else if (err instanceof ApiError && err.code === 'validation_failed') {
        setFieldErrors(mapServerFields(err.fields, sentKeys));
        setStatus({ kind: 'invalid' });
      } else {
        setStatus({ kind: 'failed', error: err });
      }
    } finally {
      inFlight.current = false;
    }
    // Edits made while this save was under way (e.g. the fix for a refused field) get their own.
    if (!conflicted.current && revision.current !== sentRevision && !timer.current) schedule(AUTOSAVE_DELAY);
  }, [noteId, persist, qc, schedule]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Every edit goes through here: copied to this device at once, saved a moment later. */
  const change = useCallback(
    (update: (d: Draft) => Draft) => {
      const next = update(draftRef.current);
      if (next === draftRef.current) return;
      setDraft(next);
      revision.current += 1;
      persist();
      if (conflicted.current) return;
      setStatus((s) => (s.kind === 'saving' || s.kind === 'retrying' ? s : { kind: 'pending' }));
      if (!inFlight.current) schedule(AUTOSAVE_DELAY);
    },
    [persist, schedule],
  );

  /** Saves now if anything is unsaved (on blur, before a download). */
  const flush = useCallback(() => save(), [save]);

  // Unsaved text from this device, found on opening: save it (it was based on this version).
  useEffect(() => {
    if (init.dirty) schedule(300);
  }, [init.dirty, schedule]);

  // Back online: retry at once rather than waiting out the backoff.
  useEffect(() => {
    const online = () => {
      attempt.current = 0;
      void saveRef.current();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  // Leaving the page: one last attempt (the device copy stays if it fails).
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (isDirty() && !conflicted.current && !inFlight.current) {
        const invalid = validateDraft(draftRef.current);
        if (!Object.keys(invalid).length) {
          void saveNote(noteId, toRequest(draftRef.current, base.current))
            .then(({ note }) => {
              clearStoredDraft(noteId);
              qc.setQueryData(noteQuery(noteId).queryKey, { note });
              void qc.invalidateQueries({ queryKey: notesKey(initial.space.slug) });
            })
            .catch(() => {});
        }
      }
    },
    [noteId, qc, initial.space.slug],
  );

  /** A `note.saved` event: remembered when it is newer than what this editor holds. */
  const remoteSaved = useCallback((e: RemoteSave) => {
    if (e.version > base.current) setRemote((r) => (r && r.version >= e.version ? r : e));
  }, []);

  /** Loads the newest saved version (after a live notice or a conflict); local changes are kept to copy. */
  const reload = useCallback(
    async (reason: 'reload' | 'conflict') => {
      const { note } = await getNote(noteId);
      adopt(note, reason);
    },
    [adopt, noteId],
  );

  const restore = useCallback(
    async (version: number) => {
      const { note } = await restoreVersion(noteId, version);
      adopt(note, 'restore');
      void qc.invalidateQueries({ queryKey: ['notes', 'list'] });
    },
    [adopt, noteId, qc],
  );

  /** The latest draft, for handlers composing a message after a change. */
  const current = useCallback(() => draftRef.current, []);

  return {
    draft,
    current,
    change,
    flush,
    status,
    fieldErrors,
    server,
    baseVersion,
    kept,
    dismissKept: () => setKept(null),
    restoredLocal,
    dismissRestoredLocal: () => setRestoredLocal(false),
    // Hidden while our own save is under way: its event may arrive before its answer.
    remote: remote && remote.version > baseVersion && status.kind !== 'saving' ? remote : null,
    remoteSaved,
    reload,
    restore,
    isDirty: status.kind !== 'saved',
  };
}

export type NoteEditorState = ReturnType<typeof useNoteEditor>;
