CREATE FUNCTION add_one(i int) RETURNS int AS $$
BEGIN
  RETURN i + 1;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.updated_at := now(); -- $$ inside is plain text; END;
  RETURN NEW;
END
$fn$;
SELECT $1, foo$$bar FROM t;
