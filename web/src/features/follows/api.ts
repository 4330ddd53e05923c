import type { followResponse, SpaceDetail } from '@convene/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, api } from '../../lib/api';

export interface FollowTarget {
  slug: string;
  /** A guiding question of the space; absent: the space itself. */
  questionId?: string;
}

const pathOf = ({ slug, questionId }: FollowTarget) =>
  `/api/spaces/${encodeURIComponent(slug)}${questionId ? `/questions/${encodeURIComponent(questionId)}` : ''}/follow`;

export const setFollowing = (target: FollowTarget, on: boolean) =>
  api<Answer<typeof followResponse>>(pathOf(target), { method: on ? 'PUT' : 'DELETE' });

/** Follows or unfollows; the space page's copy of the space then says so. */
export function useFollow(target: FollowTarget) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => setFollowing(target, on),
    onSuccess: ({ following }) =>
      qc.setQueryData<SpaceDetail>(['space', target.slug], (space) => {
        if (!space) return space;
        if (!target.questionId) return { ...space, following };
        return {
          ...space,
          questions: space.questions.map((q) => (q.id === target.questionId ? { ...q, following } : q)),
        };
      }),
  });
}
