import { describe, expect, it } from 'vitest';
import { countWords as serverCount } from '../../server/src/exports/markdown.js';
import { countWords as editorCount } from '../../web/src/features/notes/lib/words.js';
import { countWords } from '@convene/shared';

const NOTE = [
  '## Remittances',
  '',
  'Delegations agreed that **diaspora finance** needs trust [@62886b4e-0d6a-4f7e-9a51-2c1f3e0b7a10] and',
  'cheaper transfers, see [the report](https://example.org/report) and <https://example.org/a>.[^1]',
  '',
  '- first point',
  '1. second point',
  '> a quoted line',
  '',
  '| Country | Amount |',
  '| --- | ---: |',
  '| Mexico | 12 |',
  '',
  '[^1]: A footnote of five words.',
].join('\n');

describe('countWords, one rule for the editor and the exports', () => {
  it('counts what a reader reads', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('One two three.')).toBe(3);
    expect(countWords('A [link](https://example.org/a/b) here')).toBe(3);
    expect(countWords('Cited [@62886b4e-0d6a-4f7e-9a51-2c1f3e0b7a10].')).toBe(1);
    expect(countWords('Noted[^1].\n\n[^1]: Two words.')).toBe(3);
    expect(countWords('# I. Background')).toBe(2);
    expect(countWords(NOTE)).toBe(32);
  });

  it('is the same function in the note editor, the API and the exports', () => {
    // They once disagreed (110 words in the editor, 112 in the export): link addresses and
    // footnote labels counted on one side only.
    expect(editorCount(NOTE)).toBe(countWords(NOTE));
    expect(serverCount(NOTE)).toBe(countWords(NOTE));
  });
});
