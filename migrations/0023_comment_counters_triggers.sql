-- Comment counts as counters (issue 12): the space page's and questions' published counts and the
-- moderation queue's tab counts, kept in comment_counters by triggers in the transaction of every
-- write, whichever command makes it, so no read recounts. The kinds follow
-- server/src/policies/visibility.ts: 'published' = approved; 'awaiting' = pending and not held
-- (comment_holds: its author has not verified their address); 'revision' = approved with an edit
-- awaiting moderation; 'reported' = approved with an open report; 'rejected' = rejected.

-- The kinds one comment counts under, given its status and the state of its hold, revisions, reports.
CREATE FUNCTION public.comment_counter_kinds(p_status text, p_held boolean, p_revision boolean, p_reported boolean)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_status = 'approved' THEN
      ARRAY['published']::text[]
        || CASE WHEN p_revision THEN ARRAY['revision']::text[] ELSE '{}'::text[] END
        || CASE WHEN p_reported THEN ARRAY['reported']::text[] ELSE '{}'::text[] END
    WHEN p_status = 'rejected' THEN ARRAY['rejected']::text[]
    WHEN p_status = 'pending' AND NOT p_held THEN ARRAY['awaiting']::text[]
    ELSE '{}'::text[]
  END
$$;
--> statement-breakpoint

-- Moves one comment's contribution from (old space, old question, old kinds) to the new ones;
-- only the differences are written, in a fixed row order, into this connection's shard.
CREATE FUNCTION public.comment_counters_move(
  o_space uuid, o_question uuid, o_kinds text[],
  n_space uuid, n_question uuid, n_kinds text[]
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.comment_counters AS cc (space_id, kind, question_key, shard, n)
  SELECT d.space_id, d.kind, d.question_key, (pg_backend_pid() % 16)::smallint, sum(d.delta)::int
  FROM (
    SELECT o_space AS space_id, k AS kind, coalesce(o_question, '00000000-0000-0000-0000-000000000000'::uuid) AS question_key, -1 AS delta
    FROM unnest(o_kinds) AS k WHERE o_space IS NOT NULL
    UNION ALL
    SELECT n_space, k, coalesce(n_question, '00000000-0000-0000-0000-000000000000'::uuid), 1
    FROM unnest(n_kinds) AS k WHERE n_space IS NOT NULL
  ) AS d
  GROUP BY d.space_id, d.kind, d.question_key
  HAVING sum(d.delta) <> 0
  ORDER BY d.space_id, d.kind, d.question_key
  ON CONFLICT (space_id, kind, question_key, shard) DO UPDATE SET n = cc.n + EXCLUDED.n;
END $$;
--> statement-breakpoint

-- A comment's hold, pending edit and open report, as they are now.
CREATE FUNCTION public.comment_counter_flags(p_id uuid, OUT held boolean, OUT revision boolean, OUT reported boolean)
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM public.comment_holds h WHERE h.comment_id = p_id),
         EXISTS (SELECT 1 FROM public.comment_revisions r WHERE r.comment_id = p_id AND r.status = 'pending'),
         EXISTS (SELECT 1 FROM public.reports p WHERE p.comment_id = p_id AND p.resolved_at IS NULL)
$$;
--> statement-breakpoint

CREATE FUNCTION public.comment_counters_on_comment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  f record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- A new comment has no hold, edit or report yet (they reference it).
    PERFORM public.comment_counters_move(NULL, NULL, '{}',
      NEW.space_id, NEW.question_id, public.comment_counter_kinds(NEW.status::text, false, false, false));
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    f := public.comment_counter_flags(NEW.id);
    PERFORM public.comment_counters_move(
      OLD.space_id, OLD.question_id, public.comment_counter_kinds(OLD.status::text, f.held, f.revision, f.reported),
      NEW.space_id, NEW.question_id, public.comment_counter_kinds(NEW.status::text, f.held, f.revision, f.reported));
    RETURN NULL;
  ELSE
    -- BEFORE DELETE: the hold, edits and reports are still there (their cascade comes after).
    f := public.comment_counter_flags(OLD.id);
    PERFORM public.comment_counters_move(
      OLD.space_id, OLD.question_id, public.comment_counter_kinds(OLD.status::text, f.held, f.revision, f.reported),
      NULL, NULL, '{}');
    RETURN OLD;
  END IF;
END $$;
--> statement-breakpoint

CREATE TRIGGER comment_counters_insert AFTER INSERT ON public.comments
  FOR EACH ROW EXECUTE FUNCTION public.comment_counters_on_comment();
--> statement-breakpoint
CREATE TRIGGER comment_counters_update AFTER UPDATE OF status, space_id, question_id ON public.comments
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.space_id IS DISTINCT FROM NEW.space_id
        OR OLD.question_id IS DISTINCT FROM NEW.question_id)
  EXECUTE FUNCTION public.comment_counters_on_comment();
--> statement-breakpoint
CREATE TRIGGER comment_counters_delete BEFORE DELETE ON public.comments
  FOR EACH ROW EXECUTE FUNCTION public.comment_counters_on_comment();
--> statement-breakpoint

-- A hold, an edit awaiting moderation or an open report changed: the comment's kinds before
-- (the other rows as they are, plus the changed row as it was) and after (plus the row as it is).
CREATE FUNCTION public.comment_counters_on_satellite() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.comment_id ELSE NEW.comment_id END;
  c record;
  f record;
  was boolean;
  now_ boolean;
  o text[];
  n text[];
BEGIN
  SELECT id, space_id, question_id, status::text AS status INTO c FROM public.comments WHERE id = cid;
  -- A comment being deleted was taken out of the counts by its own trigger.
  IF NOT FOUND THEN RETURN NULL; END IF;
  f := public.comment_counter_flags(cid);
  IF TG_TABLE_NAME = 'comment_holds' THEN
    was := TG_OP = 'DELETE';
    now_ := TG_OP = 'INSERT';
    o := public.comment_counter_kinds(c.status, was, f.revision, f.reported);
    n := public.comment_counter_kinds(c.status, now_, f.revision, f.reported);
  ELSIF TG_TABLE_NAME = 'comment_revisions' THEN
    was := EXISTS (SELECT 1 FROM public.comment_revisions r WHERE r.comment_id = cid AND r.status = 'pending'
                     AND r.id <> CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)
           OR (TG_OP <> 'INSERT' AND OLD.status = 'pending');
    o := public.comment_counter_kinds(c.status, f.held, was, f.reported);
    n := public.comment_counter_kinds(c.status, f.held, f.revision, f.reported);
  ELSE
    was := EXISTS (SELECT 1 FROM public.reports p WHERE p.comment_id = cid AND p.resolved_at IS NULL
                     AND p.id <> CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)
           OR (TG_OP <> 'INSERT' AND OLD.resolved_at IS NULL);
    o := public.comment_counter_kinds(c.status, f.held, f.revision, was);
    n := public.comment_counter_kinds(c.status, f.held, f.revision, f.reported);
  END IF;
  IF o IS DISTINCT FROM n THEN
    PERFORM public.comment_counters_move(c.space_id, c.question_id, o, c.space_id, c.question_id, n);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER comment_counters_hold AFTER INSERT OR DELETE ON public.comment_holds
  FOR EACH ROW EXECUTE FUNCTION public.comment_counters_on_satellite();
--> statement-breakpoint
CREATE TRIGGER comment_counters_revision AFTER INSERT OR DELETE OR UPDATE OF status ON public.comment_revisions
  FOR EACH ROW EXECUTE FUNCTION public.comment_counters_on_satellite();
--> statement-breakpoint
CREATE TRIGGER comment_counters_report AFTER INSERT OR DELETE OR UPDATE OF resolved_at ON public.reports
  FOR EACH ROW EXECUTE FUNCTION public.comment_counters_on_satellite();
--> statement-breakpoint

-- A deleted space's counters go with it (its comments' delete triggers have run by then:
-- the cascade's internal trigger sorts before this one).
CREATE FUNCTION public.comment_counters_on_space_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.comment_counters WHERE space_id = OLD.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER zz_comment_counters_space_delete AFTER DELETE ON public.spaces
  FOR EACH ROW EXECUTE FUNCTION public.comment_counters_on_space_delete();
--> statement-breakpoint

-- Backfill from the comments as they are.
INSERT INTO public.comment_counters (space_id, kind, question_key, shard, n)
SELECT c.space_id, k.kind, coalesce(c.question_id, '00000000-0000-0000-0000-000000000000'::uuid), 0, count(*)::int
FROM public.comments c
CROSS JOIN LATERAL public.comment_counter_flags(c.id) AS f
CROSS JOIN LATERAL unnest(public.comment_counter_kinds(c.status::text, f.held, f.revision, f.reported)) AS k(kind)
GROUP BY 1, 2, 3;
