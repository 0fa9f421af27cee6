-- add primary key "we""ird_pkey" on "public"."we""ird"
ALTER TABLE "public"."we""ird" ADD CONSTRAINT "we""ird_pkey" PRIMARY KEY ("col""umn");
