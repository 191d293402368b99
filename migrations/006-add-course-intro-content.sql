-- Adds the intro video, intro text, learning outcomes and prerequisites to courses.
-- migrate:up
ALTER TABLE courses
	ADD COLUMN intro_video_url text,
	ADD COLUMN intro_content text,
	ADD COLUMN learning_outcomes jsonb NOT NULL DEFAULT '[]'::jsonb,
	ADD COLUMN prerequisites jsonb NOT NULL DEFAULT '[]'::jsonb;

-- migrate:down
ALTER TABLE courses
	DROP COLUMN prerequisites,
	DROP COLUMN learning_outcomes,
	DROP COLUMN intro_content,
	DROP COLUMN intro_video_url;

-- migrate:verify
SELECT intro_video_url, intro_content, learning_outcomes, prerequisites FROM courses LIMIT 0;
