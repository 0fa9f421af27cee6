-- drop extension "citext"
DROP EXTENSION "citext";
