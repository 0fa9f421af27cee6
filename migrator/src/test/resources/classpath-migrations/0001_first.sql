CREATE TABLE cp_one (id int);
