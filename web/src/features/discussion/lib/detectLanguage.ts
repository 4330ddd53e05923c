import type { CommentLanguage } from '@convene/shared';

/** Fewer characters than this say too little about their language. */
export const MIN_DETECT_LENGTH = 12;

/**
 * The language a text is most likely written in, among the given ones, or null when it cannot
 * tell. Runs on the device (tinyld's light profiles, ~34 KB gzip), loaded on first use only so
 * the space page does not pay for it until someone types.
 */
export async function detectLanguage(text: string, among: readonly CommentLanguage[]): Promise<CommentLanguage | null> {
  const sample = text.trim().slice(0, 2_000);
  const candidates = among.filter((l) => l !== 'other');
  if (sample.length < MIN_DETECT_LENGTH || candidates.length === 0) return null;
  const { detectAll } = await import('tinyld/light');
  // tinyld's light profile knows Chinese as Mandarin (cmn) and reports it as zh.
  const only = candidates.flatMap((l) => (l === 'zh' ? ['zh', 'cmn'] : [l]));
  const best = detectAll(sample, { only }).find((r) => (candidates as string[]).includes(r.lang));
  return best ? (best.lang as CommentLanguage) : null;
}
