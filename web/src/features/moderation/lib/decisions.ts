import type { Decision, QueueItem } from '@convene/shared';

/** What a decision means for this item, for buttons and messages ("Take down", "Approve edit", …). */
export type DecisionVerb = 'approve' | 'reject' | 'restore' | 'keep' | 'takedown' | 'approveEdit' | 'rejectEdit';

export function decisionVerb(item: QueueItem, action: Decision): DecisionVerb {
  if (action === 'restore') return 'restore';
  const edit = item.kind === 'revision';
  const published = item.comment.status === 'approved' && !edit;
  if (action === 'approve') return edit ? 'approveEdit' : published ? 'keep' : 'approve';
  return edit ? 'rejectEdit' : published ? 'takedown' : 'reject';
}

/** Which decisions an item offers, given its state (the server refuses the others). */
export function availableDecisions(item: QueueItem): Decision[] {
  const c = item.comment;
  if (!c.abilities.decide) return [];
  switch (c.status) {
    case 'pending':
      return ['approve', 'reject'];
    case 'approved':
      // A published comment with an edit or open reports can be approved (edit / keep) or rejected;
      // one with neither (the decided history) can only be taken down.
      return item.kind === 'revision' || item.kind === 'reported' ? ['approve', 'reject'] : ['reject'];
    case 'rejected':
      return ['restore'];
    default:
      return [];
  }
}
