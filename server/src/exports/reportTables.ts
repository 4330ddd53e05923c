import { LANGUAGE_LABELS, STAKEHOLDER_CATEGORY_LABELS } from '@convene/shared';
import { type CuratedInput, countryName } from './curated.js';

/** A table of a report, before it is written as Markdown or Word. */
export interface ReportTable {
  head: string[];
  rows: (string | number)[][];
}

/** The participation figures of the Markdown and Word reports: a titled table each. */
export function participationTables(input: CuratedInput): (ReportTable & { title: string })[] {
  const p = input.participation;
  return [
    {
      title: 'By stakeholder category',
      head: ['Category', 'Contributors', 'Contributions'],
      rows: p.byCategory.map((r) => [STAKEHOLDER_CATEGORY_LABELS[r.category], r.contributors, r.contributions]),
    },
    {
      title: 'By guiding question',
      head: ['Question', 'Contributors', 'Contributions'],
      rows: p.byQuestion.map((r) => [r.text, r.contributors, r.contributions]),
    },
    {
      title: 'By language',
      head: ['Language', 'Contributors', 'Contributions'],
      rows: p.byLanguage.map((r) => [LANGUAGE_LABELS[r.language], r.contributors, r.contributions]),
    },
    {
      title: 'By country',
      head: ['Country', 'Contributors', 'Contributions'],
      rows: p.byCountry.map((r) => [countryName(r.country) ?? 'Not given', r.contributors, r.contributions]),
    },
  ];
}

/** Annex I: contributors by Member State, their participants on one line. */
export const memberStatesAnnex = (input: CuratedInput): ReportTable => ({
  head: ['Member State', 'Participants', 'Contributions'],
  rows: input.annexes.memberStates.map((s) => [
    s.countryName ?? 'Country not given',
    s.participants.map((p) => (p.affiliation ? `${p.displayName} (${p.affiliation})` : p.displayName)).join('; '),
    s.contributions,
  ]),
});

/** Annex II: contributors by organisation. */
export const organisationsAnnex = (input: CuratedInput): ReportTable => ({
  head: ['Organisation', 'Category', 'Country', 'Participants', 'Contributions'],
  rows: input.annexes.organisations.map((o) => [
    o.name,
    o.categoryLabel,
    o.countryNames.join(', ') || '—',
    o.participants,
    o.contributions,
  ]),
});
