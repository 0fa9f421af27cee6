CREATE TABLE cp_two (id int);
