import { type CuratedInput, countryName } from './curated.js';
import { EXPORT_WORDS, exportLanguage, languageName, regionName } from './words.js';

/** A table of a report, before it is written as Markdown or Word. */
export interface ReportTable {
  head: string[];
  rows: (string | number)[][];
}

/** The participation figures of the Markdown and Word reports: a titled table each. */
export function participationTables(input: CuratedInput): (ReportTable & { title: string })[] {
  const p = input.participation;
  const lang = exportLanguage(input.filters);
  const { report: w, categories } = EXPORT_WORDS[lang];
  return [
    {
      title: w.byCategory,
      head: [w.category, w.contributors, w.contributions],
      rows: p.byCategory.map((r) => [categories[r.category], r.contributors, r.contributions]),
    },
    {
      title: w.byQuestion,
      head: [w.question, w.contributors, w.contributions],
      rows: p.byQuestion.map((r) => [r.text, r.contributors, r.contributions]),
    },
    {
      title: w.byLanguage,
      head: [w.language, w.contributors, w.contributions],
      rows: p.byLanguage.map((r) => [languageName(r.language, lang), r.contributors, r.contributions]),
    },
    {
      title: w.byCountry,
      head: [w.country, w.contributors, w.contributions],
      rows: p.byCountry.map((r) => [
        regionName(r.country, countryName(r.country), lang) ?? w.notGiven,
        r.contributors,
        r.contributions,
      ]),
    },
  ];
}

/** Annex I: contributors by Member State, their participants on one line. */
export const memberStatesAnnex = (input: CuratedInput): ReportTable => {
  const lang = exportLanguage(input.filters);
  const w = EXPORT_WORDS[lang].report;
  return {
    head: [w.memberState, w.participants, w.contributions],
    rows: input.annexes.memberStates.map((s) => [
      regionName(s.country, s.countryName, lang) ?? w.countryNotGiven,
      s.participants.map((p) => (p.affiliation ? `${p.displayName} (${p.affiliation})` : p.displayName)).join('; '),
      s.contributions,
    ]),
  };
};

/** Annex II: contributors by organisation. */
export const organisationsAnnex = (input: CuratedInput): ReportTable => {
  const lang = exportLanguage(input.filters);
  const { report: w, categories } = EXPORT_WORDS[lang];
  const list = new Intl.ListFormat(lang, { type: 'unit', style: 'narrow' });
  return {
    head: [w.organisation, w.category, w.country, w.participants, w.contributions],
    rows: input.annexes.organisations.map((o) => [
      o.name,
      lang === 'en' ? o.categoryLabel : categories[o.category],
      (lang === 'en'
        ? o.countryNames.join(', ')
        : list.format(o.countries.map((c, i) => regionName(c, o.countryNames[i] ?? c, lang) ?? c))) || '—',
      o.participants,
      o.contributions,
    ]),
  };
};
