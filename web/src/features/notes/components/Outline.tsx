import { Button } from 'react-aria-components/Button';
import { GridList, GridListItem } from 'react-aria-components/GridList';
import { DropIndicator, isTextDropItem, useDragAndDrop } from 'react-aria-components/useDragAndDrop';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { CONTRIBUTION_TYPE, SECTION_TYPE, droppedContributions } from '../lib/dnd';
import { sectionHeading } from '../lib/sectionNumber';

export interface OutlineItem {
  key: string;
  title: string;
  words: number;
  placed: number;
}

/**
 * The note's sections in order: drag (or keyboard-move) a section to reorder, or drop a
 * contribution on a section to place it there. Activating a row goes to that section.
 */
export function Outline({
  items,
  onReorder,
  onPlace,
  onGo,
  readOnly,
}: {
  items: OutlineItem[];
  onReorder: (keys: string[], targetKey: string, position: 'before' | 'after') => void;
  onPlace: (commentIds: string[], sectionKey: string) => void;
  onGo: (sectionKey: string) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const { dragAndDropHooks } = useDragAndDrop<OutlineItem>({
    getItems: (keys) => [...keys].map((k) => ({ [SECTION_TYPE]: String(k) })),
    acceptedDragTypes: [SECTION_TYPE, CONTRIBUTION_TYPE],
    getDropOperation: (target, types) => {
      if (target.type !== 'item') return 'cancel';
      if (types.has(CONTRIBUTION_TYPE)) return target.dropPosition === 'on' ? 'move' : 'cancel';
      return target.dropPosition === 'on' ? 'cancel' : 'move';
    },
    shouldAcceptItemDrop: (_target, types) => types.has(CONTRIBUTION_TYPE),
    onReorder: (e) => {
      if (e.target.dropPosition === 'on') return;
      onReorder([...e.keys].map(String), String(e.target.key), e.target.dropPosition === 'before' ? 'before' : 'after');
    },
    onItemDrop: async (e) => {
      if (!e.items.some((i) => isTextDropItem(i) && i.types.has(CONTRIBUTION_TYPE))) return;
      onPlace(await droppedContributions(e.items), String(e.target.key));
    },
    renderDropIndicator: (target) => <DropIndicator target={target} className="drop-indicator" />,
    isDisabled: readOnly,
  });

  return (
    <GridList
      aria-label={t('outline.label')}
      items={items}
      className="outline-list"
      dragAndDropHooks={readOnly ? undefined : dragAndDropHooks}
      onAction={(key) => onGo(String(key))}
      disallowTypeAhead
    >
      {(item) => {
        const n = items.indexOf(item) + 1;
        const title = item.title || t('section.untitled');
        // "I. Background" keeps its own number instead of reading "1. I. Background".
        const heading = sectionHeading(n, title, (num, tt) => `${num}. ${tt}`);
        return (
          <GridListItem id={item.key} textValue={heading} className="outline-item">
            {!readOnly && (
              <Button slot="drag" className="drag-handle" aria-label={t('dnd.dragSection', { n, title })}>
                <span aria-hidden="true">⠿</span>
              </Button>
            )}
            <span className="outline-title" dir="auto">
              {heading}
            </span>
            <span className="outline-meta muted">
              {t('words.count', { words: f.number(item.words), count: item.words })} ·{' '}
              {t('outline.placed', { n: f.number(item.placed), count: item.placed })}
            </span>
          </GridListItem>
        );
      }}
    </GridList>
  );
}
