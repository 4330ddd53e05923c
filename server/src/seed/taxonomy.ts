import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { tags } from '../db/schema/index.js';
import { GCM_OBJECTIVES } from './content.js';

export const GCM_TAXONOMY = 'gcm';

/** The 23 objectives of the Global Compact for Migration: reference data every deployment gets. */
export async function ensureTaxonomy(db: DbOrTx): Promise<void> {
  await db
    .insert(tags)
    .values(
      GCM_OBJECTIVES.map((o, i) => ({
        taxonomy: GCM_TAXONOMY,
        slug: `gcm-${o.code}`,
        code: o.code,
        position: i + 1,
        labelEn: o.labelEn,
        labelFr: o.labelFr,
        labelEs: o.labelEs,
      })),
    )
    .onConflictDoUpdate({
      target: tags.slug,
      set: {
        labelEn: sql`excluded.label_en`,
        labelFr: sql`excluded.label_fr`,
        labelEs: sql`excluded.label_es`,
        position: sql`excluded.position`,
      },
    });
}
