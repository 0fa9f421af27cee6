-- create partition "public"."tags_ab_1" of "public"."tags_ab"
CREATE UNLOGGED TABLE "public"."tags_ab_1" PARTITION OF "public"."tags_ab" FOR VALUES WITH (modulus 2, remainder 1) WITH (fillfactor = 70);
