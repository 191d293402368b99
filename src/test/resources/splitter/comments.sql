/* A header comment; with a semicolon
   /* and a nested one; still a comment */
   still inside the outer comment; */
-- migsh:allow drop-column because the column was never read
ALTER TABLE users DROP COLUMN legacy; -- trailing; comment
SELECT 1 /* inline; */ + 2;
-- a comment alone between statements;
SELECT 3;
-- trailing comment only, not a statement
/* and a block; */
