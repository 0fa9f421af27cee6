-- create function "public"."split"(integer, integer[])
CREATE FUNCTION "public"."split"("whole" integer, OUT "half" integer, VARIADIC integer[])
    RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED
    SET search_path = public, pg_temp
    SET work_mem = '64MB'
AS $function1$BEGIN half := whole / 2; END -- $function$ occurs in the body$function1$;
