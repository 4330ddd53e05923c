import type { KeyMessages, keyMessagesResponse } from '@convene/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import { countryName, useFormat } from '../../../i18n/format';
import { type Answer, api } from '../../../lib/api';
import { highlightedQuery } from '../api/getHighlighted';
import { useNote } from '../api/getNote';
import type { NoteEditorState } from '../hooks/useNoteEditor';
import { insertCitation } from '../lib/citations';
import type { Draft, DraftSection } from '../lib/draft';
import { newSectionKey } from '../lib/draft';
import { addSection, updateSection } from '../lib/draftEdits';
import { sectionHeading } from '../lib/sectionNumber';
import { countWords } from '../lib/words';
import { type KeyGroup, groupKey, linkSections } from './KeyMessagesLinks';
import { RadioToggle } from './SpaceExports';
import '../../dashboard/reportViews.css';
import { AffiliationAfter } from '../../../lib/punctuation';

type Grouping = KeyMessages['group'];

/** The highlighted contributions of the note's space, by question or by objective. */
export const keyMessagesKey = (noteId: string, group: Grouping) => ['notes', 'keyMessages', noteId, group];
/** `highlightedAt`: when the workspace last loaded the highlighted set; a newer one reloads these. */
const keyMessagesQuery = (noteId: string, group: Grouping, highlightedAt: number) =>
  queryOptions({
    queryKey: [...keyMessagesKey(noteId, group), highlightedAt],
    queryFn: ({ signal }) =>
      api<Answer<typeof keyMessagesResponse>>(`/api/notes/${noteId}/key-messages?group=${group}`, { signal }).then(
        (r) => r.keyMessages,
      ),
  });
function useKeyMessages(noteId: string, group: Grouping) {
  // The workspace refreshes the highlighted set on live comment events: follow it.
  const slug = useNote(noteId).data?.note.space.slug ?? '';
  const highlightedAt = useQuery({ ...highlightedQuery(slug), enabled: slug !== '' }).dataUpdatedAt;
  return useQuery({ ...keyMessagesQuery(noteId, group, highlightedAt), placeholderData: keepPreviousData });
}

interface Props {
  noteId: string;
  draft: Draft;
  change: NoteEditorState['change'];
  flush: NoteEditorState['flush'];
  readOnly: boolean;
}

/**
 * Key messages: per guiding question or per objective, the highlighted contributions beside the
 * chair's synthesis for that part of the note, so each section is written with its sources in
 * view. Nothing here writes text for the chair; the synthesis is the note's own section text,
 * edited through the same draft (and the same saving, with its version check) as the editor.
 * Which section belongs to which question or objective is derived from the note (see
 * `linkSections`): its placed and cited sources, else its title.
 */
export function KeyMessagesView({ noteId, draft, change, flush, readOnly }: Props) {
  const { t, i18n } = useTranslation('notes');
  const id = useId();
  const [grouping, setGrouping] = useState<Grouping>('question');
  const data = useKeyMessages(noteId, grouping);
  const groups = useMemo(() => data.data?.groups ?? [], [data.data]);
  const links = useMemo(() => linkSections(draft.sections, groups), [draft.sections, groups]);
  const unlinked = draft.sections.filter((s) => !links.get(s.key));
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const addFor = (g: KeyGroup, title: string) => {
    const key = newSectionKey();
    const placed = new Set(draft.sections.flatMap((s) => s.commentIds.map((c) => c.toLowerCase())));
    const ids = g.contributions.map((c) => c.id).filter((c) => !placed.has(c.toLowerCase()));
    change((d) => updateSection(addSection(d, key, title), key, (s) => ({ ...s, commentIds: ids })));
    setFocusKey(key);
  };

  return (
    <section className="key-messages" aria-labelledby={`${id}-title`} data-testid="key-messages">
      <h2 id={`${id}-title`}>{t('keyMessages.title')}</h2>
      <p className="muted">{t('keyMessages.intro')}</p>
      <RadioToggle
        legend={t('keyMessages.groupLegend')}
        name={`${id}-group`}
        options={(['question', 'objective'] as const).map((g) => ({ value: g, label: t(`keyMessages.group.${g}`) }))}
        value={grouping}
        onChange={setGrouping}
      />

      {data.isPending && <p role="status">{t('common:loading')}</p>}
      {data.isError && <ErrorWithRetry error={data.error} onRetry={() => void data.refetch()} />}
      {data.data && groups.length === 0 && <p className="notice">{t('keyMessages.none')}</p>}
      <div className={data.isPlaceholderData ? 'key-groups stale' : 'key-groups'} aria-busy={data.isPlaceholderData}>
        {groups.map((g) => {
          const heading = groupHeading(g, grouping, t, i18n.language);
          return (
            <KeyGroupRow
              key={`${grouping}-${groupKey(g)}`}
              group={g}
              heading={heading}
              sections={draft.sections.filter((s) => links.get(s.key) === groupKey(g))}
              allSections={draft.sections}
              change={change}
              flush={flush}
              readOnly={readOnly}
              focusKey={focusKey}
              onAdd={() => addFor(g, heading)}
            />
          );
        })}
        {data.data && unlinked.length > 0 && (
          <section className="key-group" aria-labelledby={`${id}-unlinked`}>
            <h3 id={`${id}-unlinked`}>{t(`keyMessages.unlinked.${grouping}`)}</h3>
            <p className="muted">{t('keyMessages.unlinkedHint')}</p>
            {unlinked.map((s) => (
              <SynthesisField
                key={s.key}
                section={s}
                allSections={draft.sections}
                change={change}
                flush={flush}
                readOnly={readOnly}
                focus={false}
              />
            ))}
          </section>
        )}
      </div>
    </section>
  );
}

type T = ReturnType<typeof useTranslation<'notes'>>['t'];

function groupHeading(g: KeyGroup, grouping: Grouping, t: T, lng: string): string {
  if (grouping === 'question')
    return g.number === null ? t('keyMessages.general') : t('keyMessages.question', { n: g.number, text: g.text });
  if (g.code === null) return t('keyMessages.noObjective');
  const label = (lng === 'fr' || lng === 'es' ? g.labels?.[lng] : g.labels?.en) ?? g.text;
  return t('keyMessages.objective', { code: g.code, label });
}

function KeyGroupRow({
  group,
  heading,
  sections,
  allSections,
  change,
  flush,
  readOnly,
  focusKey,
  onAdd,
}: {
  group: KeyGroup;
  heading: string;
  sections: DraftSection[];
  allSections: DraftSection[];
  change: Props['change'];
  flush: Props['flush'];
  readOnly: boolean;
  focusKey: string | null;
  onAdd: () => void;
}) {
  const { t, i18n } = useTranslation('notes');
  const f = useFormat();
  const id = useId();
  const target = sections[0];
  const cite = (commentId: string) => {
    if (!target) return;
    const el = document.getElementById(`key-${target.key}-body`) as HTMLTextAreaElement | null;
    const caret = el && document.activeElement === el ? el.selectionEnd : null;
    change((d) =>
      updateSection(d, target.key, (s) => ({ ...s, bodyMd: insertCitation(s.bodyMd, commentId, caret).text })),
    );
  };
  return (
    <section className="key-group" aria-labelledby={`${id}-h`} data-testid="key-group">
      <h3 id={`${id}-h`}>{heading}</h3>
      <div className="key-columns">
        <div className="key-sources">
          <h4>
            {t('keyMessages.sources', { count: group.contributions.length, n: f.number(group.contributions.length) })}
          </h4>
          {group.contributions.length === 0 ? (
            <p className="muted">{t('keyMessages.noSources')}</p>
          ) : (
            <ol className="key-source-list">
              {group.contributions.map((c) => (
                <li key={c.id} className="key-source" data-testid="key-source">
                  <p className="key-source-meta">
                    <strong>
                      <bdi>{c.author.displayName}</bdi>
                    </strong>
                    <AffiliationAfter affiliation={c.author.affiliation} />
                    {c.author.country && <> ({countryName(c.author.country, i18n.language)})</>} ·{' '}
                    {t(`common:category.${c.author.stakeholderCategory}`)} · {f.date(c.createdAt)}
                  </p>
                  <div
                    className="prose key-source-body"
                    lang={c.language === 'other' ? undefined : c.language}
                    // Sanitised on the server when it was published.
                    dir="auto"
                    dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
                  />
                  <p className="key-source-actions">
                    <a href={c.permalink}>{t('keyMessages.open')}</a>
                    {!readOnly && target && (
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => cite(c.id)}
                        aria-label={t('keyMessages.citeLabel', { name: c.author.displayName })}
                      >
                        {t('keyMessages.cite')}
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="key-synthesis">
          <h4>{t('keyMessages.synthesis')}</h4>
          {sections.length === 0 && (
            <>
              <p className="muted">{t('keyMessages.noSection')}</p>
              {!readOnly && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={onAdd}
                  aria-label={t('keyMessages.addSectionLabel', { heading })}
                >
                  {t('keyMessages.addSection')}
                </button>
              )}
            </>
          )}
          {sections.map((s) => (
            <SynthesisField
              key={s.key}
              section={s}
              allSections={allSections}
              change={change}
              flush={flush}
              readOnly={readOnly}
              focus={focusKey === s.key}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

/** A section's synthesis text, the same field as in the editor (same draft, same saving). */
function SynthesisField({
  section,
  allSections,
  change,
  flush,
  readOnly,
  focus,
}: {
  section: DraftSection;
  allSections: DraftSection[];
  change: Props['change'];
  flush: Props['flush'];
  readOnly: boolean;
  focus: boolean;
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const n = allSections.findIndex((s) => s.key === section.key) + 1;
  const name = sectionHeading(n, section.title || t('section.untitled'), (num, title) =>
    t('section.heading', { n: num, title }),
  );
  const fieldId = `key-${section.key}-body`;
  const words = countWords(section.bodyMd);
  return (
    <div className="key-synthesis-field" data-testid="key-synthesis">
      <label htmlFor={fieldId}>{t('keyMessages.synthesisLabel', { section: name })}</label>
      <textarea
        id={fieldId}
        ref={ref}
        rows={8}
        value={section.bodyMd}
        readOnly={readOnly}
        aria-describedby={`${fieldId}-words`}
        onChange={(e) => {
          const bodyMd = e.target.value;
          change((d) => updateSection(d, section.key, (s) => ({ ...s, bodyMd })));
        }}
        onBlur={() => void flush()}
      />
      <p id={`${fieldId}-words`} className="hint">
        {t('keyMessages.words', { count: words, n: f.number(words) })}
      </p>
    </div>
  );
}

export type NoteView = 'draft' | 'keyMessages';

/** Switches the workspace between the editor with its sources and the key-messages view. */
export function KeyMessagesSwitch({ view, onChange }: { view: NoteView; onChange: (v: NoteView) => void }) {
  const { t } = useTranslation('notes');
  return (
    <div className="note-view-switch" role="group" aria-label={t('keyMessages.switchLabel')}>
      {(['draft', 'keyMessages'] as const).map((v) => (
        <button
          key={v}
          type="button"
          className={view === v ? 'button' : 'button secondary'}
          aria-pressed={view === v}
          onClick={() => onChange(v)}
        >
          {t(`keyMessages.view.${v}`)}
        </button>
      ))}
    </div>
  );
}
