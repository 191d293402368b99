-- Adds is_temp to hackathons: drafts created by the editor's autosave, cleaned up nightly.
-- migrate:up
ALTER TABLE hackathons ADD COLUMN is_temp boolean NOT NULL DEFAULT false;

-- migrate:down
ALTER TABLE hackathons DROP COLUMN is_temp;

-- migrate:verify
SELECT is_temp FROM hackathons LIMIT 0;
