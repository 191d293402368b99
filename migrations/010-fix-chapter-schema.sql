-- Renames position to sort_order (as the model calls it) and makes duration_minutes required.
-- migrate:up
ALTER TABLE course_chapters RENAME COLUMN position TO sort_order;

UPDATE course_chapters SET duration_minutes = 0 WHERE duration_minutes IS NULL;

ALTER TABLE course_chapters
	ALTER COLUMN duration_minutes SET DEFAULT 0,
	ALTER COLUMN duration_minutes SET NOT NULL;

-- migrate:down
ALTER TABLE course_chapters
	ALTER COLUMN duration_minutes DROP NOT NULL,
	ALTER COLUMN duration_minutes DROP DEFAULT;

ALTER TABLE course_chapters RENAME COLUMN sort_order TO position;

-- migrate:verify
SELECT sort_order, duration_minutes FROM course_chapters LIMIT 0;
