-- alter role "shale_golden_reader"
ALTER ROLE "shale_golden_reader" WITH NOLOGIN BYPASSRLS CONNECTION LIMIT -1;
