-- add foreign key "users_invited_by_fkey" on "public"."users"
ALTER TABLE "public"."users" ADD CONSTRAINT "users_invited_by_fkey" FOREIGN KEY ("invited_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;
