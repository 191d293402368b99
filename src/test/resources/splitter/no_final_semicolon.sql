CREATE TABLE t (id int);

SELECT count(*)
  FROM t
-- last statement has no semicolon
