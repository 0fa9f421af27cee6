-- create partition "public"."tags_ab" of "public"."tags"
CREATE TABLE "public"."tags_ab" PARTITION OF "public"."tags" FOR VALUES IN ('a', 'b') PARTITION BY HASH ("weight");
