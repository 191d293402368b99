-- Turns courses.tags from a comma-separated varchar into text[], as the model declares it.
-- migrate:up
ALTER TABLE courses
	ALTER COLUMN tags TYPE text[]
		USING CASE
			WHEN tags IS NULL OR btrim(tags) = '' THEN '{}'::text[]
			ELSE regexp_split_to_array(btrim(tags), '\s*,\s*')
		END,
	ALTER COLUMN tags SET DEFAULT '{}';

-- migrate:down
ALTER TABLE courses
	ALTER COLUMN tags DROP DEFAULT,
	ALTER COLUMN tags TYPE varchar(500) USING array_to_string(tags, ',');

-- migrate:verify
SELECT id FROM courses WHERE tags @> ARRAY['sql']::text[] LIMIT 0;
