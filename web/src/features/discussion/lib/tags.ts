import type { TagDto } from '@convene/shared';

/** At most this many tags on one comment (the composer refuses more before sending). */
export const MAX_TAGS = 10;

/** A tag's label in the reader's language: French, Spanish, else English. */
export const tagLabel = (tag: TagDto, lng: string) =>
  lng === 'fr' ? tag.labelFr : lng === 'es' ? tag.labelEs : tag.labelEn;
