import type { ExportDocument } from '@convene/shared';
import type { CuratedInput } from './curated.js';

/**
 * The versioned JSON document (`exportDocument` in shared/src/schemas/exports.ts), written a
 * page of threads at a time: the header first, then each question's contributions.
 */
export async function* jsonExport(input: CuratedInput): AsyncGenerator<string> {
  const head: Omit<ExportDocument, 'questions'> = {
    format: 'convene.export',
    version: 1,
    generatedAt: input.generatedAt.toISOString(),
    filters: input.filters,
    space: input.space,
    participation: input.participation,
  };
  yield `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "questions": [`;
  let firstQuestion = true;
  for (const q of input.questions) {
    const { id, number, text } = q;
    yield `${firstQuestion ? '' : ','}\n    ${JSON.stringify({ id, number, text }).replace(/}$/, '')},"contributions":[`;
    firstQuestion = false;
    let first = true;
    for await (const page of input.threads(q)) {
      yield page.map((c, i) => `${first && i === 0 ? '' : ','}\n      ${JSON.stringify(c)}`).join('');
      first = false;
    }
    yield ']}';
  }
  yield '\n  ]\n}\n';
}
