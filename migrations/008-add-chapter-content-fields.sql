-- Adds the content of a chapter: its kind, text body, video and attachments.
-- migrate:up
ALTER TABLE course_chapters
	ADD COLUMN content_type varchar(20) NOT NULL DEFAULT 'text',
	ADD COLUMN content text,
	ADD COLUMN video_url text,
	ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
	ADD CONSTRAINT course_chapters_content_type_check CHECK (content_type IN ('text', 'video', 'pdf', 'quiz'));

-- migrate:down
ALTER TABLE course_chapters
	DROP CONSTRAINT course_chapters_content_type_check,
	DROP COLUMN attachments,
	DROP COLUMN video_url,
	DROP COLUMN content,
	DROP COLUMN content_type;

-- migrate:verify
SELECT content_type, content, video_url, attachments FROM course_chapters LIMIT 0;
