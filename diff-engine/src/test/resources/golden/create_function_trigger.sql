-- create function "public"."touch"()
CREATE FUNCTION "public"."touch"()
    RETURNS trigger
    LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END
$function$;
