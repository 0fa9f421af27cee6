-- comment on schema "auth"
COMMENT ON SCHEMA "auth" IS 'Identity, owned by the auth service';
