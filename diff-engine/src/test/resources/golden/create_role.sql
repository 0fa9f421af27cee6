-- create role "shale_golden_reader"
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'shale_golden_reader') THEN
        CREATE ROLE "shale_golden_reader" WITH LOGIN CONNECTION LIMIT 10;
    END IF;
END
$$;
