-- alter function "public"."split"(integer, integer[])
ALTER FUNCTION "public"."split"(integer, integer[]) VOLATILE STRICT SECURITY INVOKER PARALLEL UNSAFE RESET work_mem SET search_path = '';
