import { integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';

/** The `question_key` of comments answering no question (a key column cannot be null). */
export const NO_QUESTION = '00000000-0000-0000-0000-000000000000';

/**
 * Comment counts kept by PostgreSQL triggers on comments, comment_holds, comment_revisions and
 * reports (migration 0023), in the transaction of every write, so no page recounts. One row per
 * (space, kind, question, shard); a count is the sum over shards. A writer adds to the first row
 * of its key that no other transaction holds (SKIP LOCKED, migration 0027) and adds a row only
 * when all are held, so concurrent writers in a space never wait on one another's counter row.
 *
 * Kinds, as `server/src/policies/visibility.ts` defines them:
 * - `published`: approved comments (`commentSql.published`), the only ones counted publicly;
 * - `awaiting`: pending comments not held for address verification (`commentSql.awaitingDecision`);
 * - `revision`: approved comments with an edit awaiting moderation;
 * - `reported`: approved comments with an open report;
 * - `rejected`: rejected comments.
 *
 * No foreign key: a space's rows go with it through a trigger on spaces, after its comments.
 */
export const commentCounters = pgTable(
  'comment_counters',
  {
    spaceId: uuid('space_id').notNull(),
    kind: text('kind').notNull(),
    questionKey: uuid('question_key').notNull(),
    shard: smallint('shard').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.kind, t.questionKey, t.shard] })],
);
