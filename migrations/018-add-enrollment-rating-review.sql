-- Lets a student rate (1-5) and review a course they are enrolled in.
-- migrate:up
ALTER TABLE enrollments
	ADD COLUMN rating smallint,
	ADD COLUMN review text,
	ADD COLUMN reviewed_at timestamptz,
	ADD CONSTRAINT enrollments_rating_check CHECK (rating BETWEEN 1 AND 5);

CREATE INDEX enrollments_course_id_rating_idx ON enrollments (course_id, rating) WHERE rating IS NOT NULL;

-- migrate:down
DROP INDEX enrollments_course_id_rating_idx;

ALTER TABLE enrollments
	DROP CONSTRAINT enrollments_rating_check,
	DROP COLUMN reviewed_at,
	DROP COLUMN review,
	DROP COLUMN rating;

-- migrate:verify
SELECT rating, review, reviewed_at FROM enrollments LIMIT 0;
