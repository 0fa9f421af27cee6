-- replace function "public"."add"(integer, integer)
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION "public"."add"("a" integer, "b" integer DEFAULT 0)
    RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $function$SELECT b + a$function$;
