import { sql } from 'drizzle-orm';
import type { Database } from '../../server/src/db/client.js';
import { commentSql } from '../../server/src/policies/visibility.js';

const C = { alias: 'c' };

/**
 * What the comment counters say, and what a recount by the visibility rules' own SQL says, per
 * (space, kind, question): equal unless a write let the counters drift.
 */
export async function counterDrift(db: Database): Promise<{ counted: string[]; recounted: string[] }> {
  const counted = await db.execute<{ k: string }>(sql`
    select space_id || ' ' || kind || ' ' || question_key || ' ' || sum(n) as k
    from comment_counters group by space_id, kind, question_key having sum(n) <> 0 order by 1`);
  const bucket = sql`coalesce(c.question_id, '00000000-0000-0000-0000-000000000000'::uuid)`;
  const recounted = await db.execute<{ k: string }>(sql`
    select k from (
      select c.space_id || ' published ' || ${bucket} || ' ' || count(*) as k from comments c where ${commentSql.published(C)} group by c.space_id, ${bucket}
      union all
      select c.space_id || ' awaiting ' || ${bucket} || ' ' || count(*) from comments c where ${commentSql.awaitingDecision(C)} group by c.space_id, ${bucket}
      union all
      select c.space_id || ' rejected ' || ${bucket} || ' ' || count(*) from comments c where ${commentSql.decided('rejected', C)} group by c.space_id, ${bucket}
      union all
      select c.space_id || ' revision ' || ${bucket} || ' ' || count(*) from comments c where ${commentSql.published(C)}
        and exists (select 1 from comment_revisions r where r.comment_id = c.id and r.status = 'pending') group by c.space_id, ${bucket}
      union all
      select c.space_id || ' reported ' || ${bucket} || ' ' || count(*) from comments c where ${commentSql.published(C)}
        and exists (select 1 from reports p where p.comment_id = c.id and p.resolved_at is null) group by c.space_id, ${bucket}
    ) x order by 1`);
  return { counted: counted.rows.map((r) => r.k), recounted: recounted.rows.map((r) => r.k) };
}
