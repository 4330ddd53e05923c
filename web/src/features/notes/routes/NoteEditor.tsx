import type { NoteDto } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nProvider } from 'react-aria-components/I18nProvider';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components/Tabs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { ApiError } from '../../../lib/api';
import { useLiveSpace } from '../../../lib/live';
import { gapsKey } from '../api/getGaps';
import { highlightedKey, useHighlighted } from '../api/getHighlighted';
import { useNote } from '../api/getNote';
import { useNoteSpace } from '../api/getSpace';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { type ContributionActions, ContributionsPane } from '../components/ContributionsPane';
import { GapsPanel } from '../components/GapsPanel';
import { Outline } from '../components/Outline';
import type { PlacedActions } from '../components/PlacedList';
import { ConflictPanel, KeptTextPanel, RemoteNotice, SaveStatusLine } from '../components/SaveNotices';
import { type SectionCallbacks, SectionEditor } from '../components/SectionEditor';
import { SignInGate } from '../components/SignInGate';
import { VersionsPanel } from '../components/VersionsPanel';
import { WordsAgainstTarget } from '../components/WordsAgainstTarget';
import { useNoteEditor } from '../hooks/useNoteEditor';
import { useFieldMessage } from '../hooks/useFieldMessage';
import { usePageTitle } from '../hooks/usePageTitle';
import { insertCitation, numberCitations, removeCitation } from '../lib/citations';
import { contributionIndex, fromComment } from '../lib/contributions';
import { type Draft, type DraftSection, newSectionKey, targetNumber } from '../lib/draft';
import { countWords } from '../lib/words';
import '../locales';
import '../notes.css';
import { sectionHeading } from '../lib/sectionNumber';

/** `/notes/:id`: the background-note workspace. */
export function NoteEditor() {
  const { id = '' } = useParams();
  const { t } = useTranslation('notes');
  return (
    <SignInGate title={t('editor.titleShort')}>
      <NoteLoader id={id} />
    </SignInGate>
  );
}

function NoteLoader({ id }: { id: string }) {
  const { t, i18n } = useTranslation('notes');
  const note = useNote(id);
  usePageTitle(note.data?.note.title ?? t('editor.titleShort'));
  if (note.isPending) {
    return (
      <>
        <h1>{t('editor.titleShort')}</h1>
        <p role="status">{t('common:loading')}</p>
      </>
    );
  }
  if (note.isError) {
    const e = note.error;
    return (
      <>
        <h1>{t('editor.titleShort')}</h1>
        {e instanceof ApiError && e.status === 404 ? (
          <p className="notice">{t('editor.notFound')}</p>
        ) : e instanceof ApiError && e.status === 403 ? (
          <p className="notice">{t('editor.forbidden')}</p>
        ) : (
          <>
            <ErrorMessage error={e} />
            <button type="button" className="button secondary" onClick={() => void note.refetch()}>
              {t('common:errors.retry')}
            </button>
          </>
        )}
      </>
    );
  }
  return (
    <I18nProvider locale={i18n.language}>
      <Workspace key={note.data.note.id} note={note.data.note} />
    </I18nProvider>
  );
}

/** Focuses a text field with the cursor at `caret`, once menus have finished restoring focus. */
function focusCaret(el: HTMLTextAreaElement, caret: number) {
  const place = () => {
    if (!el.isConnected || document.activeElement === el) return;
    el.focus();
    el.setSelectionRange(caret, caret);
  };
  setTimeout(place, 0);
  setTimeout(place, 150);
}

/** Moves focus to a section's heading (or title field), once React has rendered it. */
function focusSection(key: string, what: 'heading' | 'title' = 'heading') {
  setTimeout(() => {
    const el = document.getElementById(what === 'heading' ? `section-${key}-heading` : `section-${key}-title`);
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  }, 0);
}

function Workspace({ note }: { note: NoteDto }) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const qc = useQueryClient();
  const editor = useNoteEditor(note);
  const { draft, change, current, flush } = editor;
  const slug = note.space.slug;
  const readOnly = !note.abilities.edit;
  const space = useNoteSpace(slug);
  const highlighted = useHighlighted(slug);
  usePageTitle(draft.title.trim() || t('editor.untitled'));

  // Live: another chair's save, and highlight changes (what may be placed or cited).
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveSpace(slug, {
    onEvent: (e) => {
      if (e.kind === 'note.saved') {
        const d = e.data as { noteId?: string; version?: number; updatedBy?: string; updatedAt?: string };
        if (d.noteId === note.id && typeof d.version === 'number') {
          editor.remoteSaved({
            version: d.version,
            updatedBy: d.updatedBy ?? t('conflict.someone'),
            updatedAt: d.updatedAt ?? new Date().toISOString(),
          });
        }
        return;
      }
      if (['comment.updated', 'comment.withdrawn', 'comment.decided', 'comment.published'].includes(e.kind)) {
        if (refetchTimer.current) clearTimeout(refetchTimer.current);
        refetchTimer.current = setTimeout(() => {
          void qc.invalidateQueries({ queryKey: highlightedKey(slug) });
          void qc.invalidateQueries({ queryKey: gapsKey(slug) });
        }, 400);
      }
    },
    onReset: () => {
      void qc.invalidateQueries({ queryKey: highlightedKey(slug) });
      void qc.invalidateQueries({ queryKey: gapsKey(slug) });
    },
  });

  const index = useMemo(() => contributionIndex(highlighted.data, editor.server), [highlighted.data, editor.server]);
  const available = useMemo(() => (highlighted.data ?? []).map(fromComment), [highlighted.data]);

  // Derived figures, recomputed from the draft; identities kept stable while their content is.
  const words = useMemo(() => draft.sections.map((s) => countWords(s.bodyMd)), [draft.sections]);
  const total = words.reduce((a, b) => a + b, 0);
  const citeSig = useMemo(
    () => JSON.stringify([...numberCitations(draft.sections.map((s) => s.bodyMd))]),
    [draft.sections],
  );
  const citationNumbers = useMemo(() => new Map<string, number>(JSON.parse(citeSig) as [string, number][]), [citeSig]);
  const placedSig = useMemo(
    () => JSON.stringify(draft.sections.flatMap((s) => s.commentIds.map((id) => [id.toLowerCase(), s.key]))),
    [draft.sections],
  );
  const placedIn = useMemo(() => new Map<string, string>(JSON.parse(placedSig) as [string, string][]), [placedSig]);
  const optionsSig = useMemo(() => JSON.stringify(draft.sections.map((s) => [s.key, s.title])), [draft.sections]);
  const sectionOptions = useMemo(
    () => (JSON.parse(optionsSig) as [string, string][]).map(([key, title]) => ({ key, title })),
    [optionsSig],
  );

  // --- Editing operations (all through `change`, so each is saved and kept on this device). ---
  const textareas = useRef(new Map<string, HTMLTextAreaElement>());
  const carets = useRef(new Map<string, number>());
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => {
    // Cleared first so the same message is announced again.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 50);
  }, []);

  const updateSection = useCallback(
    (key: string, update: (s: DraftSection) => DraftSection) =>
      change((d) => ({ ...d, sections: d.sections.map((s) => (s.key === key ? update(s) : s)) })),
    [change],
  );

  const sectionLabel = useCallback(
    (d: Draft, key: string) => {
      const i = d.sections.findIndex((s) => s.key === key);
      return sectionHeading(i + 1, d.sections[i]?.title || t('section.untitled'), (n, title) =>
        t('section.heading', { n, title }),
      );
    },
    [t],
  );

  /** Places contributions in a section at `at`, taking them out of any other section. */
  const placeAt = useCallback(
    (ids: string[], key: string, at: number) => {
      if (!ids.length) return;
      const lower = new Set(ids.map((i) => i.toLowerCase()));
      change((d) => {
        const target = d.sections.find((s) => s.key === key);
        if (!target) return d;
        const before = target.commentIds.slice(0, at).filter((i) => !lower.has(i.toLowerCase()));
        const after = target.commentIds.slice(at).filter((i) => !lower.has(i.toLowerCase()));
        return {
          ...d,
          sections: d.sections.map((s) =>
            s.key === key
              ? { ...s, commentIds: [...before, ...ids, ...after] }
              : { ...s, commentIds: s.commentIds.filter((i) => !lower.has(i.toLowerCase())) },
          ),
        };
      });
      announce(t('announce.placed', { count: ids.length, section: sectionLabel(current(), key) }));
    },
    [announce, change, current, sectionLabel, t],
  );

  const cite = useCallback(
    (commentId: string, key: string) => {
      const section = current().sections.find((s) => s.key === key);
      if (!section) return;
      const { text, caret } = insertCitation(section.bodyMd, commentId, carets.current.get(key) ?? null);
      updateSection(key, (s) => ({ ...s, bodyMd: text }));
      carets.current.set(key, caret);
      // After React has written the text, and after a closing menu has put focus back on its
      // button: the cursor goes right after the marker, ready to write on.
      const el = textareas.current.get(key);
      if (el) focusCaret(el, caret);
      announce(t('announce.cited', { section: sectionLabel(current(), key) }));
    },
    [announce, current, sectionLabel, t, updateSection],
  );

  const contributionActions: ContributionActions = useMemo(
    () => ({
      place: (id, key) => {
        const s = current().sections.find((x) => x.key === key);
        placeAt([id], key, s?.commentIds.length ?? 0);
      },
      unplace: (id) => {
        change((d) => ({
          ...d,
          sections: d.sections.map((s) => ({
            ...s,
            commentIds: s.commentIds.filter((i) => i.toLowerCase() !== id.toLowerCase()),
          })),
        }));
        announce(t('announce.unplaced'));
      },
      cite,
    }),
    [announce, change, cite, current, placeAt, t],
  );

  const placedActionsCache = useRef(new Map<string, PlacedActions>());
  const placedActions = useCallback(
    (key: string): PlacedActions => {
      const hit = placedActionsCache.current.get(key);
      if (hit) return hit;
      const actions: PlacedActions = {
        placeAt: (ids, at) => placeAt(ids, key, at),
        move: (id, delta) => {
          updateSection(key, (s) => {
            const i = s.commentIds.indexOf(id);
            const j = i + delta;
            if (i < 0 || j < 0 || j >= s.commentIds.length) return s;
            const next = [...s.commentIds];
            [next[i], next[j]] = [next[j] as string, next[i] as string];
            return { ...s, commentIds: next };
          });
          announce(t(delta < 0 ? 'announce.movedUp' : 'announce.movedDown'));
        },
        reorder: (ids, targetId, position) => {
          updateSection(key, (s) => {
            const rest = s.commentIds.filter((i) => !ids.includes(i));
            const at = rest.indexOf(targetId);
            if (at < 0) return s;
            const insert = position === 'before' ? at : at + 1;
            return { ...s, commentIds: [...rest.slice(0, insert), ...ids, ...rest.slice(insert)] };
          });
        },
        remove: (id) => {
          updateSection(key, (s) => ({ ...s, commentIds: s.commentIds.filter((i) => i !== id) }));
          announce(t('announce.unplaced'));
        },
        cite: (id) => cite(id, key),
      };
      placedActionsCache.current.set(key, actions);
      return actions;
    },
    [announce, cite, placeAt, t, updateSection],
  );

  const [removing, setRemoving] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const moveSection = useCallback(
    (key: string, delta: -1 | 1) => {
      change((d) => {
        const i = d.sections.findIndex((s) => s.key === key);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= d.sections.length) return d;
        const next = [...d.sections];
        [next[i], next[j]] = [next[j] as DraftSection, next[i] as DraftSection];
        return { ...d, sections: next };
      });
      const i = current().sections.findIndex((s) => s.key === key);
      announce(t('announce.sectionMoved', { n: i + delta + 1 }));
      // Keep focus on the same button where it still exists, else on the section heading.
      setTimeout(() => {
        const active = document.activeElement;
        if (!(active instanceof HTMLButtonElement) || active.disabled) focusSection(key);
      }, 0);
    },
    [announce, change, current, t],
  );

  const removeSection = useCallback(
    (key: string) => {
      const d = current();
      const i = d.sections.findIndex((s) => s.key === key);
      const label = sectionLabel(d, key);
      change((x) => ({ ...x, sections: x.sections.filter((s) => s.key !== key) }));
      setRemoving(null);
      announce(t('announce.sectionRemoved', { section: label }));
      const neighbour = d.sections[i - 1] ?? d.sections[i + 1];
      if (neighbour) focusSection(neighbour.key);
      else setTimeout(() => addButton.current?.focus(), 0);
    },
    [announce, change, current, sectionLabel, setRemoving, t],
  );

  const sectionCallbacks: SectionCallbacks = useMemo(
    () => ({
      setTitle: (key, title) => updateSection(key, (s) => ({ ...s, title })),
      setBody: (key, body, caret) => {
        carets.current.set(key, caret);
        updateSection(key, (s) => ({ ...s, bodyMd: body }));
      },
      rememberCaret: (key, el) => carets.current.set(key, el.selectionEnd),
      registerTextarea: (key, el) => {
        if (el) textareas.current.set(key, el);
        else textareas.current.delete(key);
      },
      move: moveSection,
      remove: (key) => {
        const s = current().sections.find((x) => x.key === key);
        // Only ask when something would be lost.
        if (s && (s.bodyMd.trim() || s.commentIds.length)) setRemoving(key);
        else removeSection(key);
      },
      removeCitation: (key, id) => {
        updateSection(key, (s) => ({ ...s, bodyMd: removeCitation(s.bodyMd, id) }));
        announce(t('announce.citationRemoved'));
      },
      placed: placedActions,
      flush: () => void flush(),
    }),
    [announce, current, flush, moveSection, placedActions, removeSection, t, updateSection],
  );

  const addSection = () => {
    const key = newSectionKey();
    change((d) => ({
      ...d,
      sections: [...d.sections, { key, title: t('section.newTitle'), bodyMd: '', commentIds: [] }],
    }));
    focusSection(key, 'title');
  };

  const reorderSections = (keys: string[], targetKey: string, position: 'before' | 'after') => {
    change((d) => {
      const moving = d.sections.filter((s) => keys.includes(s.key));
      const rest = d.sections.filter((s) => !keys.includes(s.key));
      const at = rest.findIndex((s) => s.key === targetKey);
      if (at < 0) return d;
      const insert = position === 'before' ? at : at + 1;
      return { ...d, sections: [...rest.slice(0, insert), ...moving, ...rest.slice(insert)] };
    });
  };

  // --- Errors next to their fields. ---
  const errorText = useFieldMessage();
  const titleError = errorText(editor.fieldErrors.title);
  const targetError = errorText(editor.fieldErrors.targetWords);
  const otherError = errorText(editor.fieldErrors.sections ?? editor.fieldErrors.version);

  const exportHref = (format: 'docx' | 'md') => `/api/notes/${note.id}/export?format=${format}`;
  const download = (e: React.MouseEvent<HTMLAnchorElement>, href: string) => {
    if (!editor.isDirty || editor.status.kind === 'conflict' || readOnly) return;
    // Unsaved text first, so the file holds what is on the screen.
    e.preventDefault();
    void flush().finally(() => window.location.assign(href));
  };

  // The page's heading replaced the loading one, which had focus after navigation: move focus
  // to this one so that it is not lost to the document body.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);

  const target = targetNumber(draft);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void flush();
    }
  };

  return (
    <div className="note-workspace" onKeyDown={onKeyDown}>
      <header className="notes-header">
        <h1 ref={heading} tabIndex={-1}>
          {draft.title.trim() || t('editor.untitled')}
        </h1>
        <p className="notes-subtitle">
          {note.space.code} — {note.space.title}
        </p>
        <nav aria-label={t('nav.label')} className="notes-links">
          <ul>
            <li>
              <Link to={`/spaces/${slug}/notes`}>{t('nav.notes')}</Link>
            </li>
            <li>
              <Link to={`/spaces/${slug}`}>{t('nav.space')}</Link>
            </li>
            <li>
              <Link to={`/spaces/${slug}/dashboard`}>{t('nav.dashboard')}</Link>
            </li>
          </ul>
        </nav>
      </header>

      <div className="note-toolbar">
        <SaveStatusLine status={editor.status} />
        <p className="note-total">
          <span className="visually-hidden">{t('words.totalLabel')} </span>
          <WordsAgainstTarget words={total} target={target} bar />
        </p>
        <p className="note-exports">
          <span>{t('exportNote.label')}</span>{' '}
          <a href={exportHref('docx')} download onClick={(e) => download(e, exportHref('docx'))}>
            {t('exportNote.docx')}
          </a>{' '}
          <a href={exportHref('md')} download onClick={(e) => download(e, exportHref('md'))}>
            {t('exportNote.md')}
          </a>
        </p>
        {editor.status.kind === 'conflict' && (
          <p>
            <a href="#conflict-title">{t('conflict.goTo')}</a>
          </p>
        )}
        {/* In the sticky bar: seen wherever the chair is in the note. */}
        <RemoteNotice
          remote={editor.status.kind === 'conflict' ? null : editor.remote}
          hasUnsaved={editor.isDirty}
          onReload={() => editor.reload('reload')}
        />
      </div>
      {readOnly && <p className="notice">{t('editor.readOnly')}</p>}

      {editor.status.kind === 'conflict' && (
        <ConflictPanel
          conflict={editor.status.conflict}
          baseVersion={editor.baseVersion}
          onLoadTheirs={() => editor.reload('conflict')}
        />
      )}
      {editor.status.kind === 'retrying' && (
        <p className="notice warn-notice">
          {t('status.retryingLong', { seconds: Math.round(editor.status.delay / 1000) })}
        </p>
      )}
      {editor.restoredLocal && (
        <div className="notice">
          <p>{t('editor.restoredLocal')}</p>
          <button type="button" className="button secondary small" onClick={editor.dismissRestoredLocal}>
            {t('common:actions.close')}
          </button>
        </div>
      )}
      {editor.kept && <KeptTextPanel kept={editor.kept} onDismiss={editor.dismissKept} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <div className="note-panes">
        <aside className="note-sources" aria-label={t('sources.label')}>
          <Tabs className="notes-tabs">
            <TabList aria-label={t('sources.label')} className="notes-tablist">
              <Tab id="contributions" className="notes-tab">
                {t('sources.contributions', { n: f.number(available.length) })}
              </Tab>
              <Tab id="gaps" className="notes-tab">
                {t('sources.gaps')}
              </Tab>
              <Tab id="versions" className="notes-tab">
                {t('sources.versions')}
              </Tab>
            </TabList>
            <TabPanel id="contributions" className="notes-tabpanel">
              <h2 className="visually-hidden">{t('sources.contributionsTitle')}</h2>
              {highlighted.isPending && <p role="status">{t('common:loading')}</p>}
              {highlighted.isError && (
                <div>
                  <ErrorMessage error={highlighted.error} />
                  <button type="button" className="button secondary" onClick={() => void highlighted.refetch()}>
                    {t('common:errors.retry')}
                  </button>
                </div>
              )}
              {highlighted.data && (
                <ContributionsPane
                  slug={slug}
                  questions={space.data?.questions ?? []}
                  contributions={available}
                  placedIn={placedIn}
                  citationNumbers={citationNumbers}
                  sections={sectionOptions}
                  actions={contributionActions}
                  readOnly={readOnly}
                />
              )}
            </TabPanel>
            <TabPanel id="gaps" className="notes-tabpanel">
              <h2>{t('sources.gapsTitle')}</h2>
              <GapsPanel slug={slug} />
            </TabPanel>
            <TabPanel id="versions" className="notes-tabpanel">
              <h2>{t('sources.versionsTitle')}</h2>
              <VersionsPanel
                noteId={note.id}
                currentVersion={editor.baseVersion}
                hasUnsaved={editor.isDirty}
                onRestore={editor.restore}
                readOnly={readOnly}
              />
            </TabPanel>
          </Tabs>
        </aside>

        <section className="note-draft" aria-labelledby="draft-title">
          <h2 id="draft-title">{t('draft.title')}</h2>
          <div className="note-fields">
            <div className="field wide">
              <label htmlFor="note-title">{t('fields.noteTitle')}</label>
              <input
                id="note-title"
                value={draft.title}
                maxLength={200}
                readOnly={readOnly}
                onChange={(e) => {
                  const title = e.target.value;
                  change((d) => ({ ...d, title }));
                }}
                onBlur={() => void flush()}
                aria-invalid={titleError ? true : undefined}
                aria-describedby={titleError ? 'note-title-error' : undefined}
              />
              {titleError && (
                <span className="field-error" id="note-title-error">
                  {titleError}
                </span>
              )}
            </div>
            <div className="field field-narrow">
              <label htmlFor="note-target">{t('fields.targetWords')}</label>
              <input
                id="note-target"
                type="number"
                inputMode="numeric"
                min={50}
                max={50_000}
                step={50}
                value={draft.targetWords}
                readOnly={readOnly}
                onChange={(e) => {
                  const targetWords = e.target.value;
                  change((d) => ({ ...d, targetWords }));
                }}
                onBlur={() => void flush()}
                aria-invalid={targetError ? true : undefined}
                aria-describedby={`note-target-hint${targetError ? ' note-target-error' : ''}`}
              />
              <span className="hint" id="note-target-hint">
                {t('fields.targetWordsHint')}
              </span>
              {targetError && (
                <span className="field-error" id="note-target-error">
                  {targetError}
                </span>
              )}
            </div>
          </div>
          {otherError && <p className="error-message">{otherError}</p>}

          <h3 id="outline-title">{t('outline.title')}</h3>
          <p className="hint muted" id="outline-hint">
            {readOnly ? t('outline.hintReadOnly') : t('outline.hint')}
          </p>
          <Outline
            items={draft.sections.map((s, i) => ({
              key: s.key,
              title: s.title,
              words: words[i] ?? 0,
              placed: s.commentIds.length,
            }))}
            onReorder={reorderSections}
            onPlace={(ids, key) => {
              const s = current().sections.find((x) => x.key === key);
              placeAt(ids, key, s?.commentIds.length ?? 0);
            }}
            onGo={(key) => focusSection(key)}
            readOnly={readOnly}
          />

          {draft.sections.map((s, i) => (
            <SectionEditor
              key={s.key}
              slug={slug}
              section={s}
              position={i}
              count={draft.sections.length}
              words={words[i] ?? 0}
              citationNumbers={citationNumbers}
              index={index}
              fieldErrors={editor.fieldErrors}
              callbacks={sectionCallbacks}
              readOnly={readOnly}
            />
          ))}
          {draft.sections.length === 0 && <p className="muted">{t('draft.noSections')}</p>}
          {!readOnly && (
            <button type="button" className="button secondary" ref={addButton} onClick={addSection}>
              {t('section.add')}
            </button>
          )}
        </section>
      </div>

      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('section.removeTitle', {
          section: removing ? sectionLabel(draft, removing) : '',
        })}
        confirmLabel={t('section.removeConfirm')}
        danger
        onConfirm={() => removing && removeSection(removing)}
      >
        <p>{t('section.removeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
