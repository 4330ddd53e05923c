-- Comment counters without waits (issue 12): a writer no longer adds to a fixed shard (its backend
-- pid modulo 16, migration 0023), where two connections on one shard waited for each other's
-- commit and a transaction touching several counter rows could deadlock with another. It takes
-- the first row of the (space, kind, question) that no other transaction holds (SKIP LOCKED: it
-- never waits for one), and adds a row only when every existing one is held right then, so a
-- key has about as many rows as writers ever held it at once. A count is still the sum over its
-- rows; the rows, the kinds and the triggers are unchanged. A row the transaction itself holds
-- is not skipped (its own lock), so one transaction keeps reusing the same row.
CREATE OR REPLACE FUNCTION public.comment_counters_move(
  o_space uuid, o_question uuid, o_kinds text[],
  n_space uuid, n_question uuid, n_kinds text[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d record;
  s smallint;
BEGIN
  FOR d IN
    SELECT x.space_id, x.kind, x.question_key, sum(x.delta)::int AS delta
    FROM (
      SELECT o_space AS space_id, k AS kind, coalesce(o_question, '00000000-0000-0000-0000-000000000000'::uuid) AS question_key, -1 AS delta
      FROM unnest(o_kinds) AS k WHERE o_space IS NOT NULL
      UNION ALL
      SELECT n_space, k, coalesce(n_question, '00000000-0000-0000-0000-000000000000'::uuid), 1
      FROM unnest(n_kinds) AS k WHERE n_space IS NOT NULL
    ) AS x
    GROUP BY x.space_id, x.kind, x.question_key
    HAVING sum(x.delta) <> 0
    ORDER BY x.space_id, x.kind, x.question_key
  LOOP
    SELECT cc.shard INTO s FROM public.comment_counters cc
    WHERE cc.space_id = d.space_id AND cc.kind = d.kind AND cc.question_key = d.question_key
    ORDER BY cc.shard
    LIMIT 1
    FOR UPDATE SKIP LOCKED;
    IF FOUND THEN
      UPDATE public.comment_counters cc SET n = cc.n + d.delta
      WHERE cc.space_id = d.space_id AND cc.kind = d.kind AND cc.question_key = d.question_key AND cc.shard = s;
    ELSE
      -- Every row of this key is held by another transaction (or there is none yet): a new row,
      -- at the lowest free shard number. Two transactions choosing the same number at once is
      -- the one case left where one waits for the other (its insert), until that one commits.
      INSERT INTO public.comment_counters AS cc (space_id, kind, question_key, shard, n)
      SELECT d.space_id, d.kind, d.question_key, min(g)::smallint, d.delta
      FROM generate_series(0, (SELECT count(*) FROM public.comment_counters c2
                               WHERE c2.space_id = d.space_id AND c2.kind = d.kind AND c2.question_key = d.question_key)::int) AS g
      WHERE NOT EXISTS (SELECT 1 FROM public.comment_counters c3
                        WHERE c3.space_id = d.space_id AND c3.kind = d.kind AND c3.question_key = d.question_key AND c3.shard = g)
      ON CONFLICT (space_id, kind, question_key, shard) DO UPDATE SET n = cc.n + EXCLUDED.n;
    END IF;
  END LOOP;
END $$;
