-- create extension "citext"
CREATE EXTENSION IF NOT EXISTS "citext";
