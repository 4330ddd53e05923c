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
  const byObjective = input.grouping === 'objective';
  // Grouped by objective, "questions" stays (empty) and "objectives" holds the contributions.
  yield `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  ${byObjective ? '"questions": [],\n  "objectives": [' : '"questions": ['}`;
  let firstQuestion = true;
  for (const q of input.sections) {
    const { id, number, text, code } = q;
    const heading = byObjective ? { code, number, text } : { id, number, text };
    yield `${firstQuestion ? '' : ','}\n    ${JSON.stringify(heading).replace(/}$/, '')},"contributions":[`;
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
