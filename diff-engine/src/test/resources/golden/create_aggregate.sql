-- create aggregate "public"."total"(integer)
CREATE AGGREGATE "public"."total"(integer) (
    SFUNC = public.add,
    STYPE = integer,
    COMBINEFUNC = public.add,
    INITCOND = '0',
    PARALLEL = SAFE
);
