-- Objects tables and views rely on besides types and functions: a baseline recreates each.
CREATE FUNCTION concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN $1 = '' THEN $2 ELSE $1 || ',' || $2 END $$;
CREATE AGGREGATE group_concat(text) (SFUNC = concat_step, STYPE = text, INITCOND = '');
COMMENT ON AGGREGATE group_concat(text) IS 'Joins with commas';
CREATE FUNCTION same_length(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length($1) = length($2) $$;
CREATE OPERATOR ~=~ (FUNCTION = same_length, LEFTARG = text, RIGHTARG = text, COMMUTATOR = ~=~);
CREATE COLLATION bytewise (LC_COLLATE = 'C', LC_CTYPE = 'C');
CREATE TEXT SEARCH DICTIONARY english_simple (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION plain (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR asciiword, word WITH english_simple;
CREATE TYPE temperature AS (degrees numeric);
CREATE FUNCTION temperature_degrees(temperature) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT $1.degrees $$;
CREATE CAST (temperature AS numeric) WITH FUNCTION temperature_degrees(temperature) AS ASSIGNMENT;
CREATE TYPE float_span AS RANGE (subtype = float8);
CREATE TABLE films (
    id integer PRIMARY KEY,
    title text COLLATE bytewise,
    body text,
    doc tsvector GENERATED ALWAYS AS (to_tsvector('plain'::regconfig, body)) STORED
);
CREATE VIEW titles AS SELECT group_concat(title) AS all_titles FROM films WHERE title ~=~ 'abc';
CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION note_ddl();
ALTER EVENT TRIGGER note_ddl DISABLE;
CREATE TABLE blobs (id integer, body text, data bytea, kind text);
ALTER TABLE blobs ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE blobs ALTER COLUMN data SET COMPRESSION pglz;
ALTER TABLE blobs ALTER COLUMN kind SET STATISTICS 500;
CREATE PUBLICATION film_changes FOR TABLE films, blobs WITH (publish = 'insert, update');
COMMENT ON PUBLICATION film_changes IS 'For the search index';
CREATE PUBLICATION everything FOR ALL TABLES;
-- roles belong to the server, not the database: made once per server
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'migsh_test_reader') THEN CREATE ROLE migsh_test_reader; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'migsh_test_owner') THEN CREATE ROLE migsh_test_owner; END IF;
END $$;
ALTER TABLE blobs OWNER TO migsh_test_owner;
GRANT SELECT, INSERT ON films TO migsh_test_reader WITH GRANT OPTION;
GRANT UPDATE (title) ON films TO migsh_test_reader;
REVOKE EXECUTE ON FUNCTION same_length(text, text) FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO migsh_test_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO migsh_test_reader;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
