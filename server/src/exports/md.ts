import type { ExportContribution } from '@convene/shared';
import type { CuratedInput } from './curated.js';
import {
  alsoUnderNote,
  authorMarks,
  formatDate,
  languageLabel,
  originalLabel,
  people,
  period,
  replyNote,
  scopeLine,
  sectionHeading,
  translationLabel,
} from './format.js';
import { convertPastedFootnotes, embedMarkdown } from './markdown.js';
import { type ReportTable, memberStatesAnnex, organisationsAnnex, participationTables } from './reportTables.js';

/** Text from people or titles placed in markdown structure: no markup of its own. */
export const escapeInline = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ');

/** A table; a column of numbers only is right-aligned. */
const table = ({ head, rows }: ReportTable) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i > 0 && rows.every((r) => typeof r[i] === 'number') ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => (typeof c === 'number' ? String(c) : escapeInline(c))).join(' | ')} |`),
  ].join('\n');

function participationSection(input: CuratedInput): string {
  return ['## Participation figures', ...participationTables(input).flatMap((t) => [`### ${t.title}`, table(t)])].join(
    '\n\n',
  );
}

/** Annexes: contributors by Member State and by organisation, and the position papers. */
export function annexSections(input: CuratedInput): string {
  const a = input.annexes;
  const out: string[] = ['\n\n## Annex I. Contributors by Member State'];
  out.push(a.memberStates.length ? table(memberStatesAnnex(input)) : '*No government contribution in this export.*');
  out.push('## Annex II. Contributors by organisation');
  out.push(a.organisations.length ? table(organisationsAnnex(input)) : '*No organisation in this export.*');
  out.push('## Annex III. Position papers');
  out.push(
    a.positionPapers.length
      ? [
          '| No. | Position paper | Submitted by |',
          '| --- | --- | --- |',
          ...a.positionPapers.map(
            (f) =>
              `| [${f.number}](${f.permalink}) | [${escapeInline(f.filename)}](${f.url}) | ${escapeInline(f.affiliation ? `${f.author}, ${f.affiliation}` : f.author)} |`,
          ),
        ].join('\n')
      : '*No position paper attached to the exported contributions.*',
  );
  return out.join('\n\n');
}

function contribution(c: ExportContribution, depth: number, grouping: CuratedInput['grouping']): string {
  const level = Math.min(6, 3 + depth);
  const a = c.author;
  const meta = [a.categoryLabel, a.countryName, languageLabel(c.language), formatDate(c.createdAt)]
    .filter((x): x is string => Boolean(x))
    .map(escapeInline)
    .join(' · ');
  const lines = [
    `${'#'.repeat(level)} ${c.number} ${escapeInline(a.displayName)}${a.affiliation ? `, ${escapeInline(a.affiliation)}` : ''}`,
    `*${meta}* · [Permalink](${c.permalink})${c.parentId && c.inReplyTo?.number ? ` · in reply to ${c.inReplyTo.number}` : ''}`,
  ];
  // The verified and focal-point marks, on a line of their own under the name.
  const marks = authorMarks(a).filter(Boolean);
  if (marks.length) lines.push(marks.map((m) => `**${escapeInline(`✓ ${m}`)}**`).join(' · '));
  const replyLine = replyNote(c, grouping);
  if (replyLine) lines.push(`*${replyLine}*`);
  const also = alsoUnderNote(c);
  if (also) lines.push(`*${also}*`);
  if (c.tags.length) lines.push(`Tags: ${c.tags.map((t) => escapeInline(`${t.code} ${t.label}`)).join('; ')}`);
  if (c.attachments.length) {
    lines.push(`Attachments: ${c.attachments.map((f) => `[${escapeInline(f.filename)}](${f.url})`).join(', ')}`);
  }
  const body = embedMarkdown(convertPastedFootnotes(c.bodyMd), { headingShift: level, footnotePrefix: `${c.number}-` });
  const t = c.translation;
  if (!t) return `${lines.join('  \n')}\n\n${body}`;
  // The translation asked for, labelled as one, then the original it translates.
  const translated = embedMarkdown(convertPastedFootnotes(t.bodyMd), {
    headingShift: level,
    footnotePrefix: `${c.number}-${t.language}-`,
  });
  return [
    lines.join('  \n'),
    `*${escapeInline(translationLabel(t))}*`,
    translated,
    `*${escapeInline(originalLabel(c))}*`,
    body,
  ].join('\n\n');
}

/**
 * Markdown: the title, the participation paragraph as a report words it, the header, the
 * participation tables, then a heading per guiding question (or objective) and one per
 * contribution (replies one level deeper), each with an attribution line and its own text,
 * footnotes kept (relabelled per contribution so they never collide), then the annexes.
 * Written page by page.
 */
export async function* markdownExport(input: CuratedInput): AsyncGenerator<string> {
  const s = input.space;
  yield [
    `# ${escapeInline(s.code)} — ${escapeInline(s.title)}`,
    '## Participation',
    // Markup escaped, the sentence's own spaces (French no-break ones) kept.
    input.participation.summary.replace(/([\\`*_[\]<>#|])/g, '\\$1'),
    [
      s.parent ? `- Session: ${escapeInline(`${s.parent.code} — ${s.parent.title}`)}` : null,
      `- Dates: ${period(s)}`,
      `- Moderators: ${escapeInline(people(s.moderators))}`,
      `- Chairs: ${escapeInline(people(s.chairs))}`,
      `- Exported: ${formatDate(input.generatedAt)}, ${scopeLine(input)}`,
      `- Page: <${s.url}>`,
    ]
      .filter(Boolean)
      .join('\n'),
    participationSection(input),
  ].join('\n\n');
  for (const q of input.sections) {
    yield `\n\n## ${escapeInline(sectionHeading(q))}`;
    let any = false;
    for await (const page of input.threads(q)) {
      const parts: string[] = [];
      const walk = (c: ExportContribution, depth: number) => {
        parts.push(contribution(c, depth, input.grouping));
        for (const r of c.replies) walk(r, depth + 1);
      };
      for (const root of page) walk(root, 0);
      any ||= parts.length > 0;
      yield `\n\n${parts.join('\n\n')}`;
    }
    if (!any) yield '\n\n*No published contributions.*';
  }
  yield annexSections(input);
  yield '\n';
}
