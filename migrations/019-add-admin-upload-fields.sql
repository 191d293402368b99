-- Marks uploads made by admins and who may see an upload.
-- migrate:up
ALTER TABLE file_uploads
	ADD COLUMN is_admin_upload boolean NOT NULL DEFAULT false,
	ADD COLUMN visibility varchar(20) NOT NULL DEFAULT 'private',
	ADD COLUMN description text,
	ADD CONSTRAINT file_uploads_visibility_check CHECK (visibility IN ('private', 'course', 'public'));

-- migrate:down
ALTER TABLE file_uploads
	DROP CONSTRAINT file_uploads_visibility_check,
	DROP COLUMN description,
	DROP COLUMN visibility,
	DROP COLUMN is_admin_upload;

-- migrate:verify
SELECT is_admin_upload, visibility, description FROM file_uploads LIMIT 0;
