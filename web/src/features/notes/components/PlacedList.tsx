import { Button } from 'react-aria-components/Button';
import { GridList, GridListItem } from 'react-aria-components/GridList';
import { DropIndicator, useDragAndDrop } from 'react-aria-components/useDragAndDrop';
import { useTranslation } from 'react-i18next';
import { countryName, useFormat } from '../../../i18n/format';
import type { ContributionView } from '../lib/contributions';
import { CONTRIBUTION_TYPE, contributionDragItem, droppedContributions } from '../lib/dnd';

export interface PlacedActions {
  /** Places contributions in this section at `index` (moved from wherever they were). */
  placeAt: (commentIds: string[], index: number) => void;
  move: (commentId: string, delta: -1 | 1) => void;
  reorder: (commentIds: string[], targetId: string, position: 'before' | 'after') => void;
  remove: (commentId: string) => void;
  cite: (commentId: string) => void;
}

interface Item {
  id: string;
  view: ContributionView | undefined;
}

/**
 * The contributions placed in one section, in order. A drop target for contributions dragged
 * from the list (or another section), reorderable by drag and drop or with the buttons.
 */
export function PlacedList({
  label,
  commentIds,
  index,
  actions,
  readOnly,
  errorId,
}: {
  label: string;
  commentIds: string[];
  index: Map<string, ContributionView>;
  actions: PlacedActions;
  readOnly: boolean;
  errorId?: string;
}) {
  const { t, i18n } = useTranslation('notes');
  const f = useFormat();
  const items: Item[] = commentIds.map((id) => ({ id, view: index.get(id.toLowerCase()) }));

  const { dragAndDropHooks } = useDragAndDrop<Item>({
    getItems: (keys) => [...keys].map((k) => contributionDragItem(String(k))),
    acceptedDragTypes: [CONTRIBUTION_TYPE],
    getDropOperation: (target) => (target.type === 'item' && target.dropPosition === 'on' ? 'cancel' : 'move'),
    onReorder: (e) => {
      if (e.target.dropPosition === 'on') return;
      actions.reorder(
        [...e.keys].map(String),
        String(e.target.key),
        e.target.dropPosition === 'before' ? 'before' : 'after',
      );
    },
    onInsert: async (e) => {
      const ids = await droppedContributions(e.items);
      const at = commentIds.indexOf(String(e.target.key));
      actions.placeAt(ids, e.target.dropPosition === 'before' ? at : at + 1);
    },
    onRootDrop: async (e) => {
      actions.placeAt(await droppedContributions(e.items), commentIds.length);
    },
    renderDropIndicator: (target) => <DropIndicator target={target} className="drop-indicator" />,
    isDisabled: readOnly,
  });

  return (
    <GridList
      aria-label={label}
      aria-describedby={errorId}
      items={items}
      className="placed-list"
      dragAndDropHooks={readOnly ? undefined : dragAndDropHooks}
      keyboardNavigationBehavior="tab"
      disallowTypeAhead
      renderEmptyState={() => (
        <p className="placed-empty">{readOnly ? t('placed.emptyReadOnly') : t('placed.empty')}</p>
      )}
    >
      {(item) => {
        const c = item.view;
        const i = commentIds.indexOf(item.id);
        const name = c?.author.displayName ?? t('placed.unknown');
        return (
          <GridListItem id={item.id} textValue={name} className="placed">
            <div className="contrib-head">
              {!readOnly && (
                <Button slot="drag" className="drag-handle" aria-label={t('dnd.dragContribution', { name })}>
                  <span aria-hidden="true">⠿</span>
                </Button>
              )}
              <p className="contrib-author">
                <strong>{name}</strong>
                {c?.author.affiliation && <bdi className="contrib-affiliation">{c.author.affiliation}</bdi>}
              </p>
            </div>
            {c && (
              <p className="contrib-meta">
                {[
                  t(`common:category.${c.author.stakeholderCategory}`),
                  c.author.country ? countryName(c.author.country, i18n.language) : null,
                  f.date(c.createdAt),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
            {c?.excerpt && (
              <p className="contrib-excerpt short" lang={c.language ?? undefined}>
                {c.excerpt}
              </p>
            )}
            {(!c || !c.available) && (
              <p className="placed-warning">
                <span aria-hidden="true">⚠ </span>
                {t('placed.unavailable')}
              </p>
            )}
            {!readOnly && (
              <div className="contrib-actions">
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => actions.move(item.id, -1)}
                  disabled={i === 0}
                  aria-label={t('placed.upLabel', { name })}
                >
                  {t('placed.up')}
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => actions.move(item.id, 1)}
                  disabled={i === commentIds.length - 1}
                  aria-label={t('placed.downLabel', { name })}
                >
                  {t('placed.down')}
                </button>
                {c?.available && (
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => actions.cite(item.id)}
                    aria-label={t('placed.citeLabel', { name })}
                  >
                    {t('placed.cite')}
                  </button>
                )}
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => actions.remove(item.id)}
                  aria-label={t('placed.removeLabel', { name })}
                >
                  {t('placed.remove')}
                </button>
              </div>
            )}
          </GridListItem>
        );
      }}
    </GridList>
  );
}
