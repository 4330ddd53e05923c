import type { Space } from '../db/schema/index.js';
import { loadParticipationFigures, participationSummary } from '../queries/participation.js';
import { messagesFor } from './messages.js';
import type { Mailer } from './notifications.js';
import { type NoticeOutcome, closingKey, mayHearOf, roleHolders, spaceUrl, sendSpaceNotice } from './spaceNotices.js';

/**
 * The figures of the summary, from published contributions only (the participation figures of
 * the dashboard and the exports), and the participation sentence in the chair's language.
 */
export async function summaryFigures(mailer: Mailer, space: Space, locale: string) {
  const figures = await loadParticipationFigures(mailer.db, space, { scope: 'published' });
  const { participation, byCategory } = figures;
  const memberStates = byCategory.member_state.countries;
  const sentence = participationSummary(figures, locale);
  return {
    contributions: participation.totals.contributions,
    participants: participation.totals.contributors,
    memberStates,
    sentence,
  };
}

/**
 * When a space closes (found by `runClosingReminders`): each chair (of the space or of its
 * parent session) gets the summary — the contributions published, the participants and the
 * Member States at closing, the participation sentence of the exports, and links to the
 * dashboard, the exports and the notes. Once per chair, space and closing date (dedupe key).
 */
export async function chairSummaries(mailer: Mailer, space: Space): Promise<NoticeOutcome[]> {
  const origin = mailer.config.appOrigin;
  const outcomes: NoticeOutcome[] = [];
  for (const chair of await roleHolders(mailer, space, 'chair')) {
    if (!(await mayHearOf(mailer.db, 'chair_summary', space, chair))) continue;
    const figures = await summaryFigures(mailer, space, chair.locale);
    const number = new Intl.NumberFormat(chair.locale);
    const exportUrl = (format: string) =>
      `${origin}/api/spaces/${encodeURIComponent(space.slug)}/export?format=${format}&lang=${chair.locale}`;
    const outcome = await sendSpaceNotice(mailer, {
      kind: 'chair_summary',
      space,
      recipient: chair,
      dedupeKey: `chair_summary:${space.id}:${closingKey(space)}:${chair.id}`,
      data: {
        contributions: figures.contributions,
        participants: figures.participants,
        memberStates: figures.memberStates,
      },
      content: () => {
        const t = messagesFor(chair.locale).spaceNotice.chair_summary;
        return {
          subject: t.subject,
          paragraphs: [t.intro, figures.sentence],
          facts: [
            { label: t.contributions, value: number.format(figures.contributions) },
            { label: t.participants, value: number.format(figures.participants) },
            { label: t.memberStates, value: number.format(figures.memberStates) },
          ],
          action: { label: t.dashboard, url: spaceUrl(origin, space, '/dashboard') },
          links: [
            { label: t.report, url: exportUrl('docx') },
            { label: t.spreadsheet, url: exportUrl('xlsx') },
            { label: t.notes, url: spaceUrl(origin, space, '/notes') },
          ],
        };
      },
    });
    outcomes.push(outcome);
  }
  return outcomes;
}
