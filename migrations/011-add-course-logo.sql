-- Adds a logo to courses, either an external URL or an uploaded file.
-- migrate:up
ALTER TABLE courses
	ADD COLUMN logo_url text,
	ADD COLUMN logo_upload_id bigint;

ALTER TABLE courses
	ADD CONSTRAINT courses_logo_upload_id_fkey FOREIGN KEY (logo_upload_id) REFERENCES file_uploads (id) ON DELETE SET NULL;

-- migrate:down
ALTER TABLE courses DROP CONSTRAINT courses_logo_upload_id_fkey;

ALTER TABLE courses
	DROP COLUMN logo_upload_id,
	DROP COLUMN logo_url;

-- migrate:verify
SELECT logo_url, logo_upload_id FROM courses LIMIT 0;
