-- Search in six languages (issue 17). A comment's search vector is built by one IMMUTABLE function
-- (the generated column may only call immutable ones). The language is compared as text: the
-- values 'ar', 'zh', 'ru' were added by migration 0017, and PostgreSQL refuses a new enum value in
-- the transaction that added it (all pending migrations run in one transaction on a fresh database).

-- Han, kana: scripts written without spaces between words. Each run of them is indexed as its
-- overlapping two-character pieces plus its last character ("移民政策" -> "移民 民政 政策 策"),
-- so a query of any length down to one character matches through the GIN index (a trigram index
-- cannot serve a query of fewer than three characters).
CREATE FUNCTION public.cjk_bigrams(body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(b.piece, ' ' ORDER BY b.run_no, b.i), '')
  FROM (
    SELECT r.run_no, i, substr(x.run, i, 2) AS piece
    FROM regexp_matches(body, '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', 'g') WITH ORDINALITY AS r(m, run_no)
    CROSS JOIN LATERAL (SELECT r.m[1] AS run) AS x
    CROSS JOIN LATERAL generate_series(1, char_length(x.run)) AS i
  ) AS b
$$;
--> statement-breakpoint

-- A comment's search vector: its text in its own language's configuration (arabic, english,
-- french, russian, spanish; 'simple' for Chinese and any other), plus the two-character pieces of
-- its Han and kana runs in 'simple'. Its cost stays bounded for any input: PostgreSQL's text
-- parser is quadratic on some long runs without spaces, so at most the first 20,000 characters
-- are indexed and a space is put after every 32 characters of a run without one (as in 0005).
-- Names are schema-qualified: a restore runs with an empty search_path.
CREATE FUNCTION public.comment_search_vector(lang public.comment_language, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT pg_catalog.to_tsvector(
           CASE lang::text
             WHEN 'en' THEN 'pg_catalog.english'
             WHEN 'fr' THEN 'pg_catalog.french'
             WHEN 'es' THEN 'pg_catalog.spanish'
             WHEN 'ar' THEN 'pg_catalog.arabic'
             WHEN 'ru' THEN 'pg_catalog.russian'
             ELSE 'pg_catalog.simple'
           END::pg_catalog.regconfig,
           pg_catalog.regexp_replace(pg_catalog.left(body, 20000), '\S{32}', '\& ', 'g'))
         OPERATOR(pg_catalog.||)
         pg_catalog.to_tsvector('pg_catalog.simple'::pg_catalog.regconfig, public.cjk_bigrams(pg_catalog.left(body, 20000)))
$$;
