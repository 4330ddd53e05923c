import { type Markup, mjml } from '../markup.js';
import type { messagesFor } from '../messages.js';

/** Pieces the notification templates share. */

/** Plain text as MJML: escaped, each line break kept. */
export const lines = (text: string): Markup[] =>
  text.split('\n').flatMap((line, i) => (i === 0 ? [mjml`${line}`] : [mjml`<br />`, mjml`${line}`]));

export const quote = (text: string) =>
  mjml`<mj-text container-background-color="#f4f4f4" padding="12px 16px" color="#333333">${lines(text)}</mj-text>`;

/** Text for the plain part: each line of a quote marked with "> ". */
export const quoted = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

/** Where a contribution sits: "Question 2: …", or the general comments. */
export const placeOf = (
  m: ReturnType<typeof messagesFor>,
  question: { position: number; text: string } | null | undefined,
): string => (question ? m.follows.inQuestion(question.position, question.text) : m.follows.general);
