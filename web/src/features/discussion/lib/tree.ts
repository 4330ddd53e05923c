import type { CommentDto } from '@convene/shared';

/** A comment with its replies, in the order the server sent them (oldest first). */
export interface ThreadNode {
  readonly comment: CommentDto;
  readonly replies: readonly ThreadNode[];
}

/** Visual indentation stops here; deeper replies line up with their parent. */
export const MAX_INDENT = 3;

/**
 * Removes repeated comments (a comment posted by the viewer is appended to the cache and may
 * come again on a later page): the last copy wins, in the position of the first.
 */
export function uniqueComments(list: readonly CommentDto[]): CommentDto[] {
  const index = new Map<string, number>();
  const out: CommentDto[] = [];
  for (const c of list) {
    const at = index.get(c.id);
    if (at === undefined) {
      index.set(c.id, out.length);
      out.push(c);
    } else {
      out[at] = c;
    }
  }
  return out;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Builds reply trees from one question's flat list. A reply whose parent is not in the list
 * (not loaded yet, filtered out, withdrawn) becomes a root; it still says whom it answers.
 *
 * Pass the `nodes` of the previous build to reuse every node whose comment and replies are
 * unchanged: memoized components then skip them, so a live update re-renders one comment.
 */
export function buildThreads(
  list: readonly CommentDto[],
  previous?: ReadonlyMap<string, ThreadNode>,
): { roots: ThreadNode[]; nodes: Map<string, ThreadNode> } {
  const comments = uniqueComments(list);
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string, CommentDto[]>();
  const rootComments: CommentDto[] = [];
  for (const c of comments) {
    if (c.parentId && c.parentId !== c.id && ids.has(c.parentId)) {
      const siblings = children.get(c.parentId);
      if (siblings) siblings.push(c);
      else children.set(c.parentId, [c]);
    } else {
      rootComments.push(c);
    }
  }

  const nodes = new Map<string, ThreadNode>();
  const build = (c: CommentDto, path: Set<string>): ThreadNode => {
    path.add(c.id);
    // A cycle cannot come from the server; if one did, it is cut rather than looping.
    const replies = (children.get(c.id) ?? []).filter((r) => !path.has(r.id)).map((r) => build(r, path));
    path.delete(c.id);
    const prev = previous?.get(c.id);
    const node = prev && prev.comment === c && sameItems(prev.replies, replies) ? prev : { comment: c, replies };
    nodes.set(c.id, node);
    return node;
  };
  const roots = rootComments.map((c) => build(c, new Set()));
  return { roots, nodes };
}

/** Whether a reply at this depth (0 = answer to the question) is drawn further right than its parent. */
export const indents = (depth: number) => depth > 0 && depth <= MAX_INDENT;

/** A builder that remembers its last result, so each build reuses the unchanged nodes. */
export function threadBuilder(): (list: readonly CommentDto[]) => ThreadNode[] {
  let previous: Map<string, ThreadNode> | undefined;
  return (list) => {
    const { roots, nodes } = buildThreads(list, previous);
    previous = nodes;
    return roots;
  };
}
