-- 0001_seed_notes: rows that would be there twice if this ran twice; the sleep makes two instances
-- that start together overlap while it runs

SELECT pg_sleep(0.2);

INSERT INTO "public"."notes" ("id", "body") VALUES (1, 'first note'), (2, 'second note');
