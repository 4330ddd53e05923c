import { NOTE_CITATION } from '@convene/shared';
import { Fragment, useMemo } from 'react';
import type { ContributionView } from '../lib/contributions';

/**
 * A section's text as it reads with its citations as author chips ("[1] Ana Delegada") instead
 * of the `[@<id>]` markers the textarea holds. Plain text: the whole-note preview renders the
 * Markdown.
 */
export function CitedText({
  bodyMd,
  citationNumbers,
  index,
  label,
}: {
  bodyMd: string;
  citationNumbers: Map<string, number>;
  index: Map<string, ContributionView>;
  label: string;
}) {
  const parts = useMemo(() => bodyMd.split(new RegExp(NOTE_CITATION.source, 'g')), [bodyMd]);
  // split() with one capture group alternates text and comment ids.
  return (
    <figure className="cited-text">
      <figcaption className="muted">{label}</figcaption>
      <p data-testid="cited-text">
        {parts.map((part, i) => {
          if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
          const id = part.toLowerCase();
          const c = index.get(id);
          return (
            <span key={i} className="cite-chip">
              <span className="citation-number">{citationNumbers.get(id)}</span> {c?.author.displayName ?? '?'}
            </span>
          );
        })}
      </p>
    </figure>
  );
}
