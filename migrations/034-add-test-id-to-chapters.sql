-- Links a chapter to its quiz in the external test service; the index is built without blocking writes.
-- migrate:up transaction:false
ALTER TABLE course_chapters ADD COLUMN IF NOT EXISTS test_id varchar(100);
CREATE INDEX CONCURRENTLY IF NOT EXISTS course_chapters_test_id_idx ON course_chapters (test_id) WHERE test_id IS NOT NULL;

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS course_chapters_test_id_idx;
ALTER TABLE course_chapters DROP COLUMN IF EXISTS test_id;

-- migrate:verify
SELECT test_id FROM course_chapters LIMIT 0;
