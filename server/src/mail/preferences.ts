import {
  DEFAULT_FREQUENCY,
  FREQUENCIES_BY_KIND,
  NOTIFICATION_KINDS,
  SELECTABLE_FREQUENCIES,
  type NotificationFrequency,
  type NotificationKind,
  type NotificationPreferencesResponse,
} from '@convene/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { notificationPreferences } from '../db/schema/index.js';
import { followsWhatTheyAnswer } from './follows.js';

/** How often this person hears of this kind: their choice, else the kind's default. */
export async function frequencyFor(db: DbOrTx, userId: string, kind: NotificationKind): Promise<NotificationFrequency> {
  const [row] = await db
    .select({ frequency: notificationPreferences.frequency })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .limit(1);
  return row?.frequency ?? DEFAULT_FREQUENCY[kind];
}

/** Every kind with the person's frequency (and whether it is still the default), and whether they follow what they answer. */
export async function preferencesOf(db: DbOrTx, userId: string): Promise<NotificationPreferencesResponse> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const followAnswered = await followsWhatTheyAnswer(db, userId);
  const chosen = new Map(rows.map((r) => [r.kind, r.frequency]));
  return {
    preferences: NOTIFICATION_KINDS.map((kind) => {
      const frequency = chosen.get(kind);
      return { kind, frequency: frequency ?? DEFAULT_FREQUENCY[kind], isDefault: frequency === undefined };
    }),
    selectable: [...SELECTABLE_FREQUENCIES],
    selectableByKind: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, [...FREQUENCIES_BY_KIND[k]]])) as Record<
      NotificationKind,
      NotificationFrequency[]
    >,
    followAnswered,
  };
}

/** Records a choice (one upsert per kind). */
export async function setFrequency(
  db: DbOrTx,
  userId: string,
  kind: NotificationKind,
  frequency: NotificationFrequency,
): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, frequency })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { frequency, updatedAt: sql`now()` },
    });
}
