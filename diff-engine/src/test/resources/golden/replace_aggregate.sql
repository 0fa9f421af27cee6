-- replace aggregate "public"."total"(integer)
CREATE OR REPLACE AGGREGATE "public"."total"(integer) (
    SFUNC = public.add,
    STYPE = integer,
    INITCOND = '10',
    PARALLEL = SAFE
);
