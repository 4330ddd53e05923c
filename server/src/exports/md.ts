import { type ExportContribution, LANGUAGE_LABELS, STAKEHOLDER_CATEGORY_LABELS } from '@convene/shared';
import { type CuratedInput, countryName } from './curated.js';
import { formatDate, languageLabel, people, period, questionHeading, replyNote, scopeLine } from './format.js';
import { convertPastedFootnotes, embedMarkdown } from './markdown.js';

/** Text from people or titles placed in markdown structure: no markup of its own. */
export const escapeInline = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\s+/g, ' ');

const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => (typeof c === 'number' ? String(c) : escapeInline(c))).join(' | ')} |`),
  ].join('\n');

function participationSection(input: CuratedInput): string {
  const p = input.participation;
  const t = p.totals;
  return [
    '## Participation',
    `${t.contributions} contributions from ${t.contributors} contributors: ${t.memberStates} Member States, ${t.organisations} organisations, ${t.countries} countries; ${t.highlighted} highlighted for the note.`,
    '### By stakeholder category',
    table(
      ['Category', 'Contributors', 'Contributions'],
      p.byCategory.map((r) => [STAKEHOLDER_CATEGORY_LABELS[r.category], r.contributors, r.contributions]),
    ),
    '### By guiding question',
    table(
      ['Question', 'Contributors', 'Contributions'],
      p.byQuestion.map((r) => [r.text, r.contributors, r.contributions]),
    ),
    '### By language',
    table(
      ['Language', 'Contributors', 'Contributions'],
      p.byLanguage.map((r) => [LANGUAGE_LABELS[r.language], r.contributors, r.contributions]),
    ),
    '### By country',
    table(
      ['Country', 'Contributors', 'Contributions'],
      p.byCountry.map((r) => [countryName(r.country) ?? 'Not given', r.contributors, r.contributions]),
    ),
  ].join('\n\n');
}

function contribution(c: ExportContribution, depth: number): string {
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
  const replyLine = replyNote(c);
  if (replyLine) lines.push(`*${replyLine}*`);
  if (c.tags.length) lines.push(`Tags: ${c.tags.map((t) => escapeInline(`${t.code} ${t.label}`)).join('; ')}`);
  if (c.attachments.length) {
    lines.push(`Attachments: ${c.attachments.map((f) => `[${escapeInline(f.filename)}](${f.url})`).join(', ')}`);
  }
  const body = embedMarkdown(convertPastedFootnotes(c.bodyMd), { headingShift: level, footnotePrefix: `${c.number}-` });
  return `${lines.join('  \n')}\n\n${body}`;
}

/**
 * Markdown: the header, participation tables, then a heading per guiding question and one per
 * contribution (replies one level deeper), each with an attribution line and its own text,
 * footnotes kept (relabelled per contribution so they never collide). Written page by page.
 */
export async function* markdownExport(input: CuratedInput): AsyncGenerator<string> {
  const s = input.space;
  yield [
    `# ${escapeInline(s.code)} — ${escapeInline(s.title)}`,
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
  for (const q of input.questions) {
    yield `\n\n## ${escapeInline(questionHeading(q))}`;
    let any = false;
    for await (const page of input.threads(q)) {
      const parts: string[] = [];
      const walk = (c: ExportContribution, depth: number) => {
        parts.push(contribution(c, depth));
        for (const r of c.replies) walk(r, depth + 1);
      };
      for (const root of page) walk(root, 0);
      any ||= parts.length > 0;
      yield `\n\n${parts.join('\n\n')}`;
    }
    if (!any) yield '\n\n*No published contributions.*';
  }
  yield '\n';
}
