-- create procedure "public"."archive"(integer)
SET LOCAL check_function_bodies = off;
CREATE PROCEDURE "public"."archive"("keep" integer)
    LANGUAGE sql
AS $procedure$DELETE FROM public.notes WHERE id > keep$procedure$;
