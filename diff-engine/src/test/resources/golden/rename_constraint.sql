-- rename constraint "profiles_pkey" on "public"."profiles" to "profile_pkey"
ALTER TABLE "public"."profiles" RENAME CONSTRAINT "profiles_pkey" TO "profile_pkey";
