-- create schema "auth"
CREATE SCHEMA IF NOT EXISTS "auth";
