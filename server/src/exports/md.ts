import { type ExportContribution, nameAndAffiliation } from '@convene/shared';
import type { CuratedInput } from './curated.js';
import {
  alsoUnderNote,
  authorMarks,
  formatDate,
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
import { EXPORT_WORDS, type ExportLanguage, exportLanguage, languageName, regionName } from './words.js';

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
  const figures = EXPORT_WORDS[exportLanguage(input.filters)].report.figures;
  return [`## ${figures}`, ...participationTables(input).flatMap((t) => [`### ${t.title}`, table(t)])].join('\n\n');
}

/** Annexes: contributors by Member State and by organisation, and the position papers. */
export function annexSections(input: CuratedInput): string {
  const a = input.annexes;
  const w = EXPORT_WORDS[exportLanguage(input.filters)].report;
  const out: string[] = [`\n\n## ${w.annex1}`];
  out.push(a.memberStates.length ? table(memberStatesAnnex(input)) : `*${w.noGovernment}*`);
  out.push(`## ${w.annex2}`);
  out.push(a.organisations.length ? table(organisationsAnnex(input)) : `*${w.noOrganisation}*`);
  out.push(`## ${w.annex3}`);
  out.push(
    a.positionPapers.length
      ? [
          `| ${w.number} | ${w.positionPaper} | ${w.submittedBy} |`,
          '| --- | --- | --- |',
          ...a.positionPapers.map(
            (f) =>
              `| [${f.number}](${f.permalink}) | [${escapeInline(f.filename)}](${f.url}) | ${escapeInline(nameAndAffiliation(f.author, f.affiliation, exportLanguage(input.filters)))} |`,
          ),
        ].join('\n')
      : `*${w.noPaper}*`,
  );
  return out.join('\n\n');
}

function contribution(
  c: ExportContribution,
  depth: number,
  grouping: CuratedInput['grouping'],
  lang: ExportLanguage = 'en',
): string {
  const level = Math.min(6, 3 + depth);
  const a = c.author;
  const w = EXPORT_WORDS[lang];
  const category = lang === 'en' ? a.categoryLabel : w.categories[a.category];
  const meta = [
    category,
    regionName(a.country, a.countryName, lang),
    languageName(c.language, lang),
    formatDate(c.createdAt, lang),
  ]
    .filter((x): x is string => Boolean(x))
    .map(escapeInline)
    .join(' · ');
  const lines = [
    `${'#'.repeat(level)} ${c.number} ${escapeInline(nameAndAffiliation(a.displayName, a.affiliation, lang))}`,
    `*${meta}* · [${w.label.permalink}](${c.permalink})${c.parentId && c.inReplyTo?.number ? ` · ${lang === 'en' ? `in reply to ${c.inReplyTo.number}` : w.reply.to(c.inReplyTo.number)}` : ''}`,
  ];
  // The verified and focal-point marks, on a line of their own under the name.
  const marks = authorMarks(a, lang).filter(Boolean);
  if (marks.length) lines.push(marks.map((m) => `**${escapeInline(`✓ ${m}`)}**`).join(' · '));
  const replyLine = replyNote(c, grouping, lang);
  if (replyLine) lines.push(`*${replyLine}*`);
  const also = alsoUnderNote(c, lang);
  if (also) lines.push(`*${also}*`);
  if (c.tags.length)
    lines.push(`${w.label.tags}: ${c.tags.map((t) => escapeInline(`${t.code} ${t.label}`)).join('; ')}`);
  if (c.attachments.length) {
    lines.push(
      `${w.label.attachments}: ${c.attachments.map((f) => `[${escapeInline(f.filename)}](${f.url})`).join(', ')}`,
    );
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
    `*${escapeInline(translationLabel(t, lang))}*`,
    translated,
    `*${escapeInline(originalLabel(c, lang))}*`,
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
  const lang = exportLanguage(input.filters);
  const w = EXPORT_WORDS[lang].label;
  yield [
    `# ${escapeInline(s.code)} — ${escapeInline(s.title)}`,
    `## ${w.participation}`,
    // Markup escaped, the sentence's own spaces (French no-break ones) kept.
    input.participation.summary.replace(/([\\`*_[\]<>#|])/g, '\\$1'),
    [
      s.parent ? `- ${w.session}: ${escapeInline(`${s.parent.code} — ${s.parent.title}`)}` : null,
      `- ${w.dates}: ${period(s, lang)}`,
      `- ${w.moderators}: ${escapeInline(people(s.moderators))}`,
      `- ${w.chairs}: ${escapeInline(people(s.chairs))}`,
      `- ${w.exported}: ${formatDate(input.generatedAt, lang)}, ${scopeLine(input)}`,
      `- ${w.page}: <${s.url}>`,
    ]
      .filter(Boolean)
      .join('\n'),
    participationSection(input),
  ].join('\n\n');
  for (const q of input.sections) {
    yield `\n\n## ${escapeInline(sectionHeading(q, lang))}`;
    let any = false;
    for await (const page of input.threads(q)) {
      const parts: string[] = [];
      const walk = (c: ExportContribution, depth: number) => {
        parts.push(contribution(c, depth, input.grouping, lang));
        for (const r of c.replies) walk(r, depth + 1);
      };
      for (const root of page) walk(root, 0);
      any ||= parts.length > 0;
      yield `\n\n${parts.join('\n\n')}`;
    }
    if (!any) yield `\n\n*${w.noContributions}*`;
  }
  yield annexSections(input);
  yield '\n';
}
