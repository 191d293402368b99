-- Adds the source URL of an imported course and the result of analysing it.
-- migrate:up
ALTER TABLE courses
	ADD COLUMN source_url text,
	ADD COLUMN url_analysis jsonb,
	ADD COLUMN url_analyzed_at timestamptz;

-- migrate:down
ALTER TABLE courses
	DROP COLUMN url_analyzed_at,
	DROP COLUMN url_analysis,
	DROP COLUMN source_url;

-- migrate:verify
SELECT source_url, url_analysis, url_analyzed_at FROM courses LIMIT 0;
