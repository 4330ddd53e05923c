import type { DropItem } from 'react-aria-components/useDragAndDrop';
import { isTextDropItem } from 'react-aria-components/useDragAndDrop';
import { citationToken } from './citations';

/** Drag types of the workspace: a contribution (to place) and a section (to reorder). */
export const CONTRIBUTION_TYPE = 'application/x-convene-contribution';
export const SECTION_TYPE = 'application/x-convene-section';

/** A dragged contribution; dropped on a text field, its plain text is the citation marker. */
export const contributionDragItem = (id: string) => ({ [CONTRIBUTION_TYPE]: id, 'text/plain': citationToken(id) });

/** The contribution ids carried by a drop. */
export async function droppedContributions(items: DropItem[]): Promise<string[]> {
  const texts = await Promise.all(
    items.filter(isTextDropItem).map((i) => (i.types.has(CONTRIBUTION_TYPE) ? i.getText(CONTRIBUTION_TYPE) : null)),
  );
  return texts.filter((t): t is string => !!t);
}
