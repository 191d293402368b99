-- Lets a chapter point at external material: a URL, what kind it is, and fetched metadata.
-- migrate:up
ALTER TABLE course_chapters
	ADD COLUMN external_url text,
	ADD COLUMN url_type varchar(20),
	ADD COLUMN url_metadata jsonb,
	ADD CONSTRAINT course_chapters_url_type_check CHECK (url_type IN ('youtube', 'article', 'pdf', 'github'));

-- migrate:down
ALTER TABLE course_chapters
	DROP CONSTRAINT course_chapters_url_type_check,
	DROP COLUMN url_metadata,
	DROP COLUMN url_type,
	DROP COLUMN external_url;

-- migrate:verify
SELECT external_url, url_type, url_metadata FROM course_chapters LIMIT 0;
