DROP TABLE cp_two;
