import type { CommentLanguage } from '@convene/shared';
import i18n from '../../../i18n';

export const PRESET_REASONS = ['offTopic', 'duplicate', 'notIdentified', 'offensive', 'spam', 'other'] as const;
export type PresetReason = (typeof PRESET_REASONS)[number];

/**
 * The text the author receives. The preset is written in the comment's language (the best guess
 * of what its author reads; the interface language for 'other'), followed by the moderator's words.
 */
export function composeReason(preset: PresetReason, message: string, language: CommentLanguage | null): string {
  const lng = language && language !== 'other' ? language : i18n.language;
  const label = i18n.getFixedT(lng, 'moderation')(`reasons.${preset}`);
  const text = message.trim();
  if (preset === 'other') return text;
  return text ? `${label}. ${text}` : label;
}
