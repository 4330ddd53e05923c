/**
 * Moderation and curation commands. Each lives in `moderation/`, in a file named for what it does:
 *
 * - `decide.ts` — one moderator's decision on one comment (409 when stale);
 * - `bulk.ts` — many decisions in one transaction, each in its own savepoint;
 * - `applyDecision.ts` — performs one decision on a locked comment (what it does is worked out
 *   by `policies/lifecycle.ts`), with `revisions.ts` (settling edits), `announce.ts` (live events)
 *   and `staleConflict.ts` (the 409 for a stale decision);
 * - `highlight.ts` — a chair marks a published comment for the background note.
 */
export type { DecisionInput } from './moderation/applyDecision.js';
export { decideBulk } from './moderation/bulk.js';
export { decideComment } from './moderation/decide.js';
export { setHighlight } from './moderation/highlight.js';
