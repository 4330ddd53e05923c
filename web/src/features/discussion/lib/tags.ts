import type { TagDto } from '@convene/shared';
import type { TFunction } from 'i18next';

/** At most this many tags on one comment (the composer refuses more before sending). */
export const MAX_TAGS = 10;

/** A tag's label in the reader's language: French, Spanish, else English. */
export const tagLabel = (tag: TagDto, lng: string) =>
  lng === 'fr' ? tag.labelFr : lng === 'es' ? tag.labelEs : tag.labelEn;

/**
 * A tag's short name ("Skills and qualifications" for objective 18), from the interface's
 * messages (`discussion:objectives.<slug>`); a tag without one keeps its full label.
 */
export const tagShortName = (t: TFunction, tag: TagDto, label: string): string =>
  t(`discussion:objectives.${tag.slug}`, { defaultValue: label });
