import type { CommentDto, CommentLanguage, ModerationMode } from '@convene/shared';
import { createContext, useContext } from 'react';
import type { UseTranslationResponse } from 'react-i18next';
import type { CommentFilters } from './api/getComments';
import type { PendingNew, Store } from './lib/store';

export type DialogRequest = { kind: 'withdraw'; comment: CommentDto; opener: HTMLElement | null };

/** What every comment of the page needs to know; stable while the page is shown. */
export interface Discussion {
  slug: string;
  spaceId: string;
  moderationMode: ModerationMode;
  acceptedLanguages: readonly CommentLanguage[];
  isOpen: boolean;
  /** Signed in, allowed, and the space is open. */
  canPost: boolean;
  meId: string | null;
  /** When the reader last marked the space seen, as the page first loaded (null: never, or a guest). */
  seenAt: string | null;
  /** Composer targets (as targetKey gives them) with a saved draft when the page loaded. */
  drafts: ReadonlySet<string>;
  filters: CommentFilters;
  /** Where "sign in" links lead back to. */
  signInHref: string;
  pending: Store<PendingNew>;
  /** The text of the page's polite live region. */
  announcements: Store<string>;
  /** Says something to screen-reader users through the page's polite live region. */
  announce: (text: string) => void;
  openDialog: (request: DialogRequest) => void;
  dialog: Store<DialogRequest | null>;
}

export const DiscussionContext = createContext<Discussion | null>(null);

export function useDiscussion(): Discussion {
  const value = useContext(DiscussionContext);
  if (!value) throw new Error('useDiscussion outside a space page');
  return value;
}

/**
 * The space page's one `useTranslation('discussion')`, shared by every comment on it: each call of
 * the hook builds its own copy of the i18n instance in react-i18next 17 (its descriptors copied
 * one by one), and a page of comments made hundreds of them as it opened.
 */
export const DiscussionTextsContext = createContext<UseTranslationResponse<'discussion', undefined> | null>(null);

/** `useTranslation('discussion')` of the space page (the same `t` and `i18n`, renewed on a change of language). */
export function useDiscussionTexts(): UseTranslationResponse<'discussion', undefined> {
  const value = useContext(DiscussionTextsContext);
  if (!value) throw new Error('useDiscussionTexts outside a space page');
  return value;
}

/** Whether a comment is new to this reader since their last visit. */
export const isNewFor = (d: Pick<Discussion, 'meId' | 'seenAt'>, c: CommentDto) =>
  d.meId !== null &&
  c.author.id !== d.meId &&
  c.publishedAt !== null &&
  (d.seenAt === null || c.publishedAt > d.seenAt);

/** The list a comment is shown in: its question, or "none" for the space as a whole. */
export const listOf = (c: Pick<CommentDto, 'questionId'>) => c.questionId ?? 'none';
