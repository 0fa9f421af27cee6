-- drop role "shale_golden_reader"
DROP ROLE "shale_golden_reader";
