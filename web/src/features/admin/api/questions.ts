import type { QuestionDto, QuestionTranslationsInput, questionsResponse } from '@convene/shared';
import type { QueryClient } from '@tanstack/react-query';
import type { SpaceDetail } from '@convene/shared';
import { type Answer, api } from '../../../lib/api';

const base = (slug: string) => `/api/spaces/${encodeURIComponent(slug)}/questions`;

/** Each answer is the whole ordered list, positions 1..n. */
export const addQuestion = (slug: string, text: string) =>
  api<Answer<typeof questionsResponse>>(base(slug), { method: 'POST', body: { text } }).then((r) => r.questions);

export const editQuestion = (slug: string, id: string, body: { text?: string; position?: number }) =>
  api<Answer<typeof questionsResponse>>(`${base(slug)}/${id}`, { method: 'PATCH', body }).then((r) => r.questions);

/** Translations of a question's text (`{ fr: "…" }`; an empty text removes that translation). */
export const editQuestionTranslations = (slug: string, id: string, translations: QuestionTranslationsInput) =>
  api<Answer<typeof questionsResponse>>(`${base(slug)}/${id}`, { method: 'PATCH', body: { translations } }).then(
    (r) => r.questions,
  );

export const deleteQuestion = (slug: string, id: string) =>
  api<Answer<typeof questionsResponse>>(`${base(slug)}/${id}`, { method: 'DELETE' }).then((r) => r.questions);

export function setQuestions(qc: QueryClient, slug: string, questions: QuestionDto[]): void {
  qc.setQueryData<SpaceDetail>(['space', slug], (old) => (old ? { ...old, questions } : old));
}
