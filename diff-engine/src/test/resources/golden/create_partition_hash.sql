-- create partition "public"."tags_ab_0" of "public"."tags_ab"
CREATE TABLE "public"."tags_ab_0" PARTITION OF "public"."tags_ab" FOR VALUES WITH (modulus 2, remainder 0);
