-- alter extension "pg_trgm"
ALTER EXTENSION "pg_trgm" UPDATE TO '1.6';
